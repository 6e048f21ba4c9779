"""A representative nested budgets page costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from tests.budgets.conftest import as_, budgets_component
from tests.builders import Make, tr

PROJECT = ResourceKind.PROJECT.value

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components {
      ... on Budgets {
        participatorySpace { id }
        budgets(first: 10) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id title { text } total_budget weight versionsCount
            viewerOrder { total checkedOut projects { id budget_amount } }
            projects {
              id title { text } budget_amount selected confirmedVotes reference
              category { id name { text } } scope { id } attachments { url } linkedProposals { id }
              acceptsNewComments totalCommentsCount userAllowedToComment
            }
          }
        }
      }
    }
  }
}
"""

COMPONENTS = 3
EXPECTED_STATEMENTS = 17


async def _populate(make: Make, *, budgets: int, projects: int) -> tuple[models.ParticipatoryProcess, models.User]:
    """Budgets whose projects have a category, a scope, an attachment and a linked proposal; the viewer
    has an order with two projects in each budget. One transaction per component: the point is the reads."""
    process = await make.process()
    viewer = await make.user()
    category = await make.category(space=process)
    scope = await make.scope()
    proposal = await make.proposal(component=await make.component(space=process, manifest_name="proposals"))
    org = process.organization_id
    for _ in range(COMPONENTS):
        component = await budgets_component(make, space=process, step={"votes": "enabled", "show_votes": True})
        async with make.sessionmaker() as session:
            for b in range(budgets):
                budget = models.Budget(
                    organization_id=org, component_id=component.id, title=tr(f"Budget {b}"), total_budget=10**6
                )
                session.add(budget)
                await session.flush()
                order = models.Order(organization_id=org, budget_id=budget.id, user_id=viewer.id)
                session.add(order)
                await session.flush()
                for n in range(projects):
                    project = models.Project(
                        organization_id=org,
                        budget_id=budget.id,
                        component_id=component.id,
                        title=tr(f"Projet {n}"),
                        budget_amount=1_000,
                        category_id=category.id,
                        scope_id=scope.id,
                    )
                    session.add(project)
                    await session.flush()
                    session.add_all(
                        [
                            models.Attachment(
                                organization_id=org,
                                attached_to_kind=PROJECT,
                                attached_to_id=project.id,
                                title=tr("Plan"),
                                url=f"https://files.example.org/{project.id}.pdf",
                            ),
                            models.ProjectProposalLink(
                                organization_id=org, project_id=project.id, proposal_id=proposal.id
                            ),
                        ]
                    )
                    if n < 2:
                        session.add(models.LineItem(organization_id=org, order_id=order.id, project_id=project.id))
            await session.commit()
    return process, viewer


async def _count(make: Make, execute: Any, count_queries: Any, *, budgets: int, projects: int) -> tuple[int, list[str]]:
    process, viewer = await _populate(make, budgets=budgets, projects=projects)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(process.id)}, organization=org, viewer=as_(viewer))
    assert "errors" not in body, body
    pages = [c["budgets"] for c in body["data"]["participatoryProcess"]["components"] if "budgets" in c]
    assert [len(p["nodes"]) for p in pages] == [budgets] * COMPONENTS
    for node in (n for p in pages for n in p["nodes"]):
        assert len(node["projects"]) == projects
        assert node["viewerOrder"]["total"] == 2_000
        assert all(p["attachments"] and p["linkedProposals"] and p["category"] for p in node["projects"])
    return log.count, log.statements


async def test_a_page_of_budgets_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, budgets=2, projects=3)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_budgets_and_projects_cost_the_same_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, budgets=10, projects=6)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
