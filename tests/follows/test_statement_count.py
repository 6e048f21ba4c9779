"""``followsCount`` and ``viewerIsFollowing`` cost one statement each per page, whatever the page size."""

from __future__ import annotations

from typing import Any

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make, tr
from tests.proposals.conftest import proposals_component

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    id followsCount viewerIsFollowing
    components {
      ... on Proposals {
        proposals(first: 50) { nodes { id %s } }
      }
    }
  }
}
"""
WITH_FOLLOWS = PAGE % "followsCount viewerIsFollowing"
WITHOUT_FOLLOWS = PAGE % ""

# The process, its components, the proposals page with its settings (5 statements); the process's
# follow count and the viewer's follow (2, at the first level); the same two for the whole page (2).
EXPECTED_STATEMENTS = 9


async def _populate(make: Make, *, proposals: int) -> tuple[models.ParticipatoryProcess, models.User]:
    """Proposals each followed by the viewer, another participant and a blocked one (not counted)."""
    process = await make.process()
    component = await proposals_component(make, space=process)
    viewer, other, blocked = await make.user(), await make.user(), await make.user(blocked=True)
    org = process.organization_id
    async with make.sessionmaker() as session:
        for n in range(proposals):
            proposal = models.Proposal(
                organization_id=org, component_id=component.id, title=tr(f"Proposition {n}"), published_at=NOW
            )
            session.add(proposal)
            await session.flush()
            session.add_all(
                models.Follow(organization_id=org, user_id=u.id, followable_kind="proposal", followable_id=proposal.id)
                for u in (viewer, other, blocked)
            )
        await session.commit()
    return process, viewer


async def _run(
    make: Make, execute: Any, count_queries: Any, *, proposals: int, document: str
) -> tuple[int, Any, list[str]]:
    process, viewer = await _populate(make, proposals=proposals)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(document, {"id": str(process.id)}, organization=org, viewer=Viewer(user_id=viewer.id))
    assert "errors" not in body, body
    return log.count, body["data"]["participatoryProcess"], log.statements


async def test_a_page_of_five_proposals_with_follows_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, data, statements = await _run(make, execute, count_queries, proposals=5, document=WITH_FOLLOWS)

    nodes = data["components"][0]["proposals"]["nodes"]
    assert [(n["followsCount"], n["viewerIsFollowing"]) for n in nodes] == [(2, True)] * 5
    assert (data["followsCount"], data["viewerIsFollowing"]) == (0, False)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_fifty_proposals_with_follows_cost_the_same_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, data, statements = await _run(make, execute, count_queries, proposals=50, document=WITH_FOLLOWS)

    assert len(data["components"][0]["proposals"]["nodes"]) == 50
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_follow_fields_add_two_statements_to_a_page(make: Make, execute: Any, count_queries: Any) -> None:
    count, _, statements = await _run(make, execute, count_queries, proposals=50, document=WITHOUT_FOLLOWS)

    assert count == EXPECTED_STATEMENTS - 2, "\n\n".join(statements)
