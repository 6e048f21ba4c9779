"""A representative nested results page costs the same number of SQL statements at any size."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import models
from models.kinds import ResourceKind
from tests.accountability.conftest import accountability_component
from tests.builders import Make, tr

RESULT = ResourceKind.RESULT.value

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components {
      ... on Accountability {
        statuses { key }
        results(first: 40, filter: {topLevel: true}) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id title { text } reference startDate progress childrenCount weight
            status { key name { text } progress }
            parent { id }
            children { id progress status { key } }
            timelineEntries { entryDate title { text } }
            linkedProposals { id title { text } }
            category { id } scope { id }
            attachments { url }
            acceptsNewComments totalCommentsCount versionsCount
          }
        }
      }
    }
  }
}
"""

COMPONENTS = 2
CHILDREN = 2
EXPECTED_STATEMENTS = 18


async def _populate(make: Make, *, per_component: int) -> models.ParticipatoryProcess:
    """Result trees with a status, milestones, a linked proposal, an attachment and a version each.

    Written in one transaction per component: the point is the reads, not the builders.
    """
    process = await make.process()
    org = process.organization_id
    category = await make.category(space=process)
    scope = await make.scope()
    proposals_component = await make.component(space=process)
    proposal = await make.proposal(component=proposals_component)
    for _ in range(COMPONENTS):
        component = await accountability_component(make, space=process)
        async with make.sessionmaker() as session:
            status = models.ResultStatus(
                organization_id=org, component_id=component.id, key="ongoing", name=tr("En cours"), progress=50
            )
            session.add(status)
            await session.flush()
            for n in range(per_component):
                parent = models.Result(
                    organization_id=org,
                    component_id=component.id,
                    title=tr(f"Projet {n}"),
                    start_date=date(2026, 1, 1) + timedelta(days=n),
                    status_id=status.id,
                    category_id=category.id,
                    scope_id=scope.id,
                    children_count=CHILDREN,
                )
                session.add(parent)
                await session.flush()
                kids = [
                    models.Result(
                        organization_id=org,
                        component_id=component.id,
                        parent_id=parent.id,
                        title=tr(f"Action {n}.{k}"),
                        progress=float(10 * k),
                        status_id=status.id,
                    )
                    for k in range(CHILDREN)
                ]
                session.add_all(kids)
                await session.flush()
                for row in [parent, *kids]:
                    session.add_all(
                        [
                            models.TimelineEntry(
                                organization_id=org, result_id=row.id, entry_date=date(2026, 2, 1), title=tr("Étape")
                            ),
                            models.TimelineEntry(
                                organization_id=org, result_id=row.id, entry_date=date(2026, 3, 1), title=tr("Étape")
                            ),
                        ]
                    )
                session.add_all(
                    [
                        models.ResultProposalLink(organization_id=org, result_id=parent.id, proposal_id=proposal.id),
                        models.Attachment(
                            organization_id=org,
                            attached_to_kind=RESULT,
                            attached_to_id=parent.id,
                            title=tr("Plan"),
                            url=f"https://files.example.org/{parent.id}.pdf",
                        ),
                        models.Version(
                            organization_id=org, item_kind=RESULT, item_id=parent.id, event="create", changeset={}
                        ),
                    ]
                )
            await session.commit()
    return process


async def _count(make: Make, execute: Any, count_queries: Any, *, per_component: int) -> tuple[int, list[str]]:
    process = await _populate(make, per_component=per_component)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(process.id)}, organization=org)
    assert "errors" not in body, body
    pages = [c["results"] for c in body["data"]["participatoryProcess"]["components"] if "results" in c]
    assert [len(p["nodes"]) for p in pages] == [per_component] * COMPONENTS
    nodes = [n for p in pages for n in p["nodes"]]
    # Children at 0 and 10, weight 1 each: every project shows 5.
    assert all(n["progress"] == 5.0 and len(n["children"]) == CHILDREN for n in nodes)
    assert all(
        n["linkedProposals"] and n["attachments"] and n["status"] and len(n["timelineEntries"]) == 2 for n in nodes
    )
    return log.count, log.statements


async def test_a_page_of_four_result_trees_per_component_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=4)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_results_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=40)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
