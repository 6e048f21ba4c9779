"""Reading budgets as Decidim's API does (``total_budget``, ``budget_amount``), pages and projects."""

from __future__ import annotations

from typing import Any

import models
from tests.budgets.conftest import budgets_component
from tests.builders import NOW, Make, tr

PAGE = """
query($c: ID!, $first: Int, $after: String) {
  component(id: $c) {
    __typename
    ... on Budgets {
      budgets(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        edges { cursor }
        nodes { id weight }
      }
    }
  }
}
"""

ONE = """
query($c: ID!, $id: ID!) {
  component(id: $c) {
    ... on Budgets {
      budget(id: $id) {
        id title { text } description { text } total_budget weight createdAt versionsCount
        projects {
          id type title { text } budget_amount selected selectedAt confirmedVotes reference
          address coordinates { latitude longitude } category { id } scope { id }
          acceptsNewComments totalCommentsCount attachments { url } budget { id }
          linkedProposals { id }
        }
      }
    }
  }
}
"""


async def test_visitor_pages_through_budgets_in_their_admins_order(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make)
    budgets = [await make.budget(component=component, weight=w) for w in (3, 1, 2, 1)]
    ordered = sorted(budgets, key=lambda b: (b.weight, b.id))

    first = await execute(PAGE, {"c": str(component.id), "first": 3}, organization=org)
    page = first["data"]["component"]["budgets"]
    rest = await execute(PAGE, {"c": str(component.id), "after": page["edges"][-1]["cursor"]}, organization=org)

    assert first["data"]["component"]["__typename"] == "Budgets"
    assert page["totalCount"] == 4
    assert page["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False}
    assert [n["id"] for n in page["nodes"]] == [str(b.id) for b in ordered[:3]]
    assert rest["data"]["component"]["budgets"]["nodes"] == [{"id": str(ordered[3].id), "weight": 3}]
    assert rest["data"]["component"]["budgets"]["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True}


async def test_a_budget_shows_its_projects_with_every_field(make: Make, execute: Any) -> None:
    org = await make.org(None)
    process = await make.process()
    category = await make.category(space=process)
    component = await budgets_component(make, space=process)
    budget = await make.budget(
        component=component,
        title=tr("Nantes Nord"),
        description=tr("Le quartier"),
        total_budget=250_000,
        weight=2,
        created_at=NOW,
    )
    proposal = await make.proposal(component=await make.component(space=process, manifest_name="proposals"))
    chosen = await make.project(
        budget=budget,
        title=tr("Un jardin partagé"),
        budget_amount=12_500,
        selected_at=NOW,
        reference="LA-PROJ-2026-01-9",
        address="Place de la Mairie",
        latitude=47.2,
        longitude=-1.55,
        category_id=category.id,
        confirmed_orders_count=4,
    )
    async with make.sessionmaker() as session:
        session.add(models.ProjectProposalLink(organization_id=org.id, project_id=chosen.id, proposal_id=proposal.id))
        await session.commit()
    other = await make.project(budget=budget)

    body = await execute(ONE, {"c": str(component.id), "id": str(budget.id)}, organization=org)

    common = {"acceptsNewComments": True, "totalCommentsCount": 0, "attachments": [], "budget": {"id": str(budget.id)}}
    assert body == {
        "data": {
            "component": {
                "budget": {
                    "id": str(budget.id),
                    "title": {"text": "Nantes Nord"},
                    "description": {"text": "Le quartier"},
                    "total_budget": 250_000,
                    "weight": 2,
                    "createdAt": NOW.isoformat(),
                    "versionsCount": 0,
                    "projects": [
                        {
                            "id": str(chosen.id),
                            "type": "Decidim::Budgets::Project",
                            "title": {"text": "Un jardin partagé"},
                            "budget_amount": 12_500,
                            "selected": True,
                            "selectedAt": NOW.isoformat(),
                            "confirmedVotes": None,
                            "reference": "LA-PROJ-2026-01-9",
                            "address": "Place de la Mairie",
                            "coordinates": {"latitude": 47.2, "longitude": -1.55},
                            "category": {"id": str(category.id)},
                            "scope": None,
                            "linkedProposals": [{"id": str(proposal.id)}],
                            **common,
                        },
                        {
                            "id": str(other.id),
                            "type": "Decidim::Budgets::Project",
                            "title": {"text": other.title["fr"]},
                            "budget_amount": 10_000,
                            "selected": False,
                            "selectedAt": None,
                            "confirmedVotes": None,
                            "reference": None,
                            "address": None,
                            "coordinates": None,
                            "category": None,
                            "scope": None,
                            "linkedProposals": [],
                            **common,
                        },
                    ],
                }
            }
        }
    }


async def test_a_budget_of_another_component_is_not_found_through_this_one(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make)
    elsewhere = await make.budget()

    body = await execute(ONE, {"c": str(component.id), "id": str(elsewhere.id)}, organization=org)

    assert body == {"data": {"component": {"budget": None}}}
