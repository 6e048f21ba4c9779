"""A representative nested proposals page costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import NOW, Make, tr
from tests.proposals.conftest import as_, proposals_component

PROPOSAL = ResourceKind.PROPOSAL.value

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components {
      ... on Proposals {
        participatorySpace { id }
        proposals(first: 50, order: {voteCount: "DESC"}) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id title { text } reference publishedAt
            author { nickname } authors { nickname }
            endorsementsCount voteCount
            category { id name { text } } scope { id }
            attachments { url }
            viewerHasSupported viewerCanEdit versionsCount
            acceptsNewComments totalCommentsCount
          }
        }
      }
    }
  }
}
"""

COMPONENTS = 3
EXPECTED_STATEMENTS = 13


async def _populate(make: Make, *, per_component: int) -> tuple[models.ParticipatoryProcess, models.User]:
    """Proposals with an author, a category, a scope, an attachment, a version and the viewer's support.

    Written in one transaction per component: the point is the reads, not the builders.
    """
    process = await make.process()
    viewer = await make.user()
    category = await make.category(space=process)
    scope = await make.scope()
    for _ in range(COMPONENTS):
        component = await proposals_component(make, space=process)
        authors = [await make.user() for _ in range(3)]
        async with make.sessionmaker() as session:
            for n in range(per_component):
                proposal = models.Proposal(
                    organization_id=process.organization_id,
                    component_id=component.id,
                    title=tr(f"Proposition {n}"),
                    body=tr("Texte"),
                    published_at=NOW,
                    category_id=category.id,
                    scope_id=scope.id,
                    votes_count=1,
                    coauthorships_count=1,
                )
                session.add(proposal)
                await session.flush()
                org = process.organization_id
                session.add_all(
                    [
                        models.ProposalCoauthorship(
                            organization_id=org, proposal_id=proposal.id, author_id=authors[n % 3].id, position=0
                        ),
                        models.ProposalVote(
                            organization_id=org, proposal_id=proposal.id, component_id=component.id, author_id=viewer.id
                        ),
                        models.Attachment(
                            organization_id=org,
                            attached_to_kind=PROPOSAL,
                            attached_to_id=proposal.id,
                            title=tr("Plan"),
                            url=f"https://files.example.org/{proposal.id}.pdf",
                        ),
                        models.Version(
                            organization_id=org, item_kind=PROPOSAL, item_id=proposal.id, event="create", changeset={}
                        ),
                    ]
                )
            await session.commit()
    return process, viewer


async def _count(make: Make, execute: Any, count_queries: Any, *, per_component: int) -> tuple[int, list[str]]:
    process, viewer = await _populate(make, per_component=per_component)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(process.id)}, organization=org, viewer=as_(viewer))
    assert "errors" not in body, body
    pages = [c["proposals"] for c in body["data"]["participatoryProcess"]["components"]]
    assert [len(p["nodes"]) for p in pages] == [per_component] * COMPONENTS
    assert all(n["viewerHasSupported"] and n["author"] and n["attachments"] for p in pages for n in p["nodes"])
    return log.count, log.statements


async def test_a_page_of_five_proposals_per_component_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=5)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_proposals_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=50)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
