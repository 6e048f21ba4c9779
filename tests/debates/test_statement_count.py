"""A representative nested debates page costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import Make, tr
from tests.debates.conftest import as_, debates_component

DEBATE = ResourceKind.DEBATE.value

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components {
      ... on Debates {
        participatorySpace { id }
        debates(first: 50) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id title { text } reference startTime closed conclusions { text }
            author { nickname }
            endorsementsCount endorsements { nickname }
            category { id name { text } } scope { id }
            versionsCount viewerHasEndorsed viewerCanEdit
            acceptsNewComments totalCommentsCount userAllowedToComment
          }
        }
      }
    }
  }
}
"""

COMPONENTS = 3
EXPECTED_STATEMENTS = 12


async def _populate(make: Make, *, per_component: int) -> tuple[models.ParticipatoryProcess, models.User]:
    """Debates with an author, a category, a scope, the viewer's endorsement and a version.

    Written in one transaction per component: the point is the reads, not the builders.
    """
    process = await make.process()
    viewer = await make.user()
    category = await make.category(space=process)
    scope = await make.scope()
    for _ in range(COMPONENTS):
        component = await debates_component(make, space=process, step={"endorsements_enabled": True})
        authors = [await make.user() for _ in range(3)]
        org = process.organization_id
        async with make.sessionmaker() as session:
            for n in range(per_component):
                debate = models.Debate(
                    organization_id=org,
                    component_id=component.id,
                    title=tr(f"Débat {n}"),
                    description=tr("Texte"),
                    author_id=authors[n % 3].id,
                    category_id=category.id,
                    scope_id=scope.id,
                    endorsements_count=1,
                )
                session.add(debate)
                await session.flush()
                session.add_all(
                    [
                        models.Endorsement(
                            organization_id=org, resource_kind=DEBATE, resource_id=debate.id, author_id=viewer.id
                        ),
                        models.Version(
                            organization_id=org, item_kind=DEBATE, item_id=debate.id, event="create", changeset={}
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
    pages = [c["debates"] for c in body["data"]["participatoryProcess"]["components"]]
    assert [len(p["nodes"]) for p in pages] == [per_component] * COMPONENTS
    assert all(n["viewerHasEndorsed"] and n["author"] and n["endorsements"] for p in pages for n in p["nodes"])
    return log.count, log.statements


async def test_a_page_of_five_debates_per_component_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=5)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_debates_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=50)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
