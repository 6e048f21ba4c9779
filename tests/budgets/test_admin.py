"""Decidim's budgets write API: organization admins create, edit and delete budgets and projects."""

from __future__ import annotations

import re
from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.budgets.conftest import (
    as_,
    as_admin,
    budgets_component,
    count_rows,
    error_codes,
    error_fields,
    order,
    reload,
)
from tests.builders import Make

CREATE_BUDGET = """
mutation($c: ID!, $a: BudgetAttributes!) {
  component(id: $c) { ... on BudgetsMutation { createBudget(input: {attributes: $a}) {
    title { text } description { translation(locale: "en") } total_budget weight versionsCount } } }
}
"""


def on_budget(selection: str, **declared: str) -> str:
    """``component(id: $c) { budget(id: $b) { <selection> } }`` with more variables declared (``a="JSON"``)."""
    extra = "".join(f", ${name}: {type_}" for name, type_ in declared.items())
    return (
        f"mutation($c: ID!, $b: ID!{extra}) {{ component(id: $c) {{ ... on BudgetsMutation {{ "
        f"budget(id: $b) {{ {selection} }} }} }} }}"
    )


def answer(body: dict[str, Any], *path: str) -> Any:
    found: Any = body.get("data")
    for key in ("component", *path):
        found = (found or {}).get(key)
    return found


async def _admin(make: Make) -> Viewer:
    return as_admin(await make.user(admin=True))


async def test_admin_creates_a_budget(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make)
    attributes = {"title": "Nantes Sud", "description": {"fr": "Le sud", "en": "The south"}, "totalBudget": 300_000}

    body = await execute(
        CREATE_BUDGET, {"c": str(component.id), "a": attributes}, organization=org, viewer=await _admin(make)
    )

    assert body == {
        "data": {
            "component": {
                "createBudget": {
                    "title": {"text": "Nantes Sud"},
                    "description": {"translation": "The south"},
                    "total_budget": 300_000,
                    "weight": 0,
                    "versionsCount": 1,
                }
            }
        }
    }


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [("participant", ("FORBIDDEN", "NOT_ADMIN")), ("anonymous", ("UNAUTHENTICATED", None))],
)
async def test_only_admins_create_budgets(make: Make, execute: Any, viewer: str, expected: tuple[str, Any]) -> None:
    org = await make.org(None)
    component = await budgets_component(make)
    who = as_(await make.user()) if viewer == "participant" else Viewer()

    body = await execute(
        CREATE_BUDGET,
        {"c": str(component.id), "a": {"title": "Nantes Sud", "totalBudget": 1}},
        organization=org,
        viewer=who,
    )

    assert error_codes(body) == [expected]
    assert await count_rows(make, models.Budget) == 0


async def test_an_invalid_budget_is_refused_with_every_problem_named(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make)

    body = await execute(
        CREATE_BUDGET,
        {"c": str(component.id), "a": {"title": {"de": "Süd"}, "totalBudget": 0}},
        organization=org,
        viewer=await _admin(make),
    )

    assert error_fields(body) == {"attributes.title": "unknown locale 'de': use one of fr, en"}
    body = await execute(
        CREATE_BUDGET, {"c": str(component.id), "a": {"totalBudget": 0}}, organization=org, viewer=await _admin(make)
    )
    assert error_fields(body) == {"attributes.title": "required", "attributes.totalBudget": "must be greater than 0"}


async def test_admin_updates_a_budget_and_history_records_it(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget(total_budget=100_000)
    document = on_budget("update(input: {attributes: $a}) { total_budget weight versionsCount }", a="BudgetAttributes!")

    body = await execute(
        document,
        {"c": str(budget.component_id), "b": str(budget.id), "a": {"totalBudget": 120_000, "weight": 4}},
        organization=org,
        viewer=await _admin(make),
    )

    assert answer(body, "budget", "update") == {"total_budget": 120_000, "weight": 4, "versionsCount": 1}


async def test_admin_adds_a_project_with_the_proposals_it_comes_from(make: Make, execute: Any) -> None:
    org = await make.org(None)
    process = await make.process()
    budget = await make.budget(component=await budgets_component(make, space=process))
    category = await make.category(space=process)
    proposal = await make.proposal(component=await make.component(space=process, manifest_name="proposals"))
    attributes = {
        "title": "Une piste cyclable",
        "budgetAmount": 45_000,
        "proposalIds": [str(proposal.id)],
        "categoryId": str(category.id),
        "selected": True,
        "taxonomies": [],
    }
    document = on_budget(
        "createProject(input: {attributes: $a}) { title { text } budget_amount selected reference "
        "linkedProposals { id } category { id } budget { id } versionsCount }",
        a="ProjectAttributes!",
    )

    body = await execute(
        document,
        {"c": str(budget.component_id), "b": str(budget.id), "a": attributes},
        organization=org,
        viewer=await _admin(make),
    )

    project = answer(body, "budget", "createProject")
    assert re.fullmatch(rf"{org.reference_prefix}-PROJ-\d{{4}}-\d{{2}}-\d+", project.pop("reference"))
    assert project == {
        "title": {"text": "Une piste cyclable"},
        "budget_amount": 45_000,
        "selected": True,
        "linkedProposals": [{"id": str(proposal.id)}],
        "category": {"id": str(category.id)},
        "budget": {"id": str(budget.id)},
        "versionsCount": 1,
    }


async def test_a_project_links_only_proposals_of_its_own_space(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget()
    elsewhere = await make.proposal()
    document = on_budget("createProject(input: {attributes: $a}) { id }", a="ProjectAttributes!")

    body = await execute(
        document,
        {
            "c": str(budget.component_id),
            "b": str(budget.id),
            "a": {"title": "Un projet", "budgetAmount": 1, "proposalIds": [str(elsewhere.id)]},
        },
        organization=org,
        viewer=await _admin(make),
    )

    assert error_fields(body) == {"attributes.proposalIds": "visible proposals of the same space only"}
    assert await count_rows(make, models.Project) == 0


async def test_admin_edits_and_deletes_a_project_nobody_has_finally_voted_for(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget()
    project = await make.project(budget=budget, selected_at=None)
    voter = await make.user()
    await order(make, user=voter, budget=budget, projects=[project])
    variables = {"c": str(budget.component_id), "b": str(budget.id), "p": str(project.id)}

    edited = await execute(
        on_budget(
            "project(id: $p) { update(input: {attributes: $a}) { budget_amount selected } }",
            p="ID!",
            a="ProjectAttributes!",
        ),
        variables | {"a": {"budgetAmount": 9_000, "selected": True}},
        organization=org,
        viewer=await _admin(make),
    )
    deleted = await execute(
        on_budget("project(id: $p) { delete(input: {}) { id } }", p="ID!"),
        variables,
        organization=org,
        viewer=await _admin(make),
    )

    assert answer(edited, "budget", "project", "update") == {"budget_amount": 9_000, "selected": True}
    assert answer(deleted, "budget", "project", "delete") == {"id": str(project.id)}
    assert await count_rows(make, models.Project) == 0
    assert await count_rows(make, models.LineItem) == 0


async def test_deleting_what_final_votes_include_is_refused(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget()
    project = await make.project(budget=budget)
    await order(make, user=await make.user(), budget=budget, projects=[project], checked_out=True)
    variables = {"c": str(budget.component_id), "b": str(budget.id)}
    on_project = on_budget("project(id: $p) { delete(input: {}) { id } }", p="ID!")

    project_body = await execute(
        on_project, variables | {"p": str(project.id)}, organization=org, viewer=await _admin(make)
    )
    budget_body = await execute(
        on_budget("delete(input: {}) { id }"), variables, organization=org, viewer=await _admin(make)
    )

    assert error_codes(project_body) == [("FORBIDDEN", "HAS_VOTES")]
    assert error_codes(budget_body) == [("FORBIDDEN", "HAS_VOTES")]
    assert (await reload(make, project)).confirmed_orders_count == 1


async def test_admin_deletes_a_budget_without_final_votes_with_its_projects(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget()
    await make.project(budget=budget)

    body = await execute(
        on_budget("delete(input: {}) { id total_budget }"),
        {"c": str(budget.component_id), "b": str(budget.id)},
        organization=org,
        viewer=await _admin(make),
    )

    assert answer(body, "budget", "delete") == {"id": str(budget.id), "total_budget": 100_000}
    assert await count_rows(make, models.Budget) == 0
    assert await count_rows(make, models.Project) == 0


async def test_participants_may_not_edit_budgets_or_projects(make: Make, execute: Any) -> None:
    org = await make.org(None)
    budget = await make.budget()
    project = await make.project(budget=budget)
    participant = as_(await make.user())
    variables = {"c": str(budget.component_id), "b": str(budget.id)}

    bodies = [
        await execute(on_budget("delete(input: {}) { id }"), variables, organization=org, viewer=participant),
        await execute(
            on_budget('createProject(input: {attributes: {title: "X", budgetAmount: 1}}) { id }'),
            variables,
            organization=org,
            viewer=participant,
        ),
        await execute(
            on_budget("project(id: $p) { delete(input: {}) { id } }", p="ID!"),
            variables | {"p": str(project.id)},
            organization=org,
            viewer=participant,
        ),
    ]

    assert [error_codes(b) for b in bodies] == [[("FORBIDDEN", "NOT_ADMIN")]] * 3
    assert await count_rows(make, models.Project) == 1
