"""Who sees which budgets and projects, through every path: lists, finders, ``node(id)``, ``commentable``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.budgets.conftest import as_admin, budgets_component
from tests.builders import Make

THROUGH_COMPONENT = """
query($c: ID!, $b: ID!) {
  component(id: $c) { ... on Budgets { budgets { totalCount nodes { id projects { id } } } budget(id: $b) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
COMMENTABLE = (
    'query($id: String!) { commentable(id: $id, type: "Decidim::Budgets::Project", locale: "fr", '
    "toggleTranslations: false) { __typename id } }"
)


async def _seen(execute: Any, org: Any, project: Any, **kw: Any) -> dict[str, Any]:
    through = await execute(
        THROUGH_COMPONENT, {"c": str(project.component_id), "b": str(project.budget_id)}, organization=org, **kw
    )
    nodes = [
        (await execute(NODE, {"id": str(pk)}, organization=org, **kw))["data"]["node"]
        for pk in (project.budget_id, project.id)
    ]
    return {"component": through["data"]["component"], "nodes": nodes}


def _everywhere(project: Any) -> dict[str, Any]:
    budget = {"id": str(project.budget_id), "projects": [{"id": str(project.id)}]}
    return {
        "component": {"budgets": {"totalCount": 1, "nodes": [budget]}, "budget": {"id": str(project.budget_id)}},
        "nodes": [
            {"__typename": "Budget", "id": str(project.budget_id)},
            {"__typename": "Project", "id": str(project.id)},
        ],
    }


async def test_anonymous_visitor_sees_budgets_and_projects_everywhere(make: Make, execute: Any) -> None:
    org = await make.org(None)
    project = await make.project()

    assert await _seen(execute, org, project) == _everywhere(project)
    body = await execute(COMMENTABLE, {"id": str(project.id)}, organization=org)
    assert body == {"data": {"commentable": {"__typename": "Project", "id": str(project.id)}}}


async def test_budgets_of_an_unpublished_component_are_for_admins_only(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make, published=False)
    project = await make.project(budget=await make.budget(component=component))

    assert await _seen(execute, org, project) == {"component": None, "nodes": [None, None]}
    body = await execute(COMMENTABLE, {"id": str(project.id)}, organization=org)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    admin = as_admin(await make.user(admin=True))
    assert await _seen(execute, org, project, viewer=admin) == _everywhere(project)


@pytest.mark.parametrize("private", [False, True], ids=["unpublished space", "private space"])
async def test_budgets_of_a_hidden_space_are_invisible(make: Make, execute: Any, private: bool) -> None:
    org = await make.org(None)
    process = await make.process(**({"private_space": True} if private else {"published_at": None}))
    project = await make.project(budget=await make.budget(component=await budgets_component(make, space=process)))

    assert await _seen(execute, org, project) == {"component": None, "nodes": [None, None]}


async def test_another_organizations_budgets_do_not_exist_here(make: Make, execute: Any) -> None:
    here = await make.org(None)
    elsewhere = await make.organization()
    process = await make.process(organization=elsewhere)
    project = await make.project(budget=await make.budget(component=await budgets_component(make, space=process)))

    assert await _seen(execute, here, project) == {"component": None, "nodes": [None, None]}
    assert await _seen(execute, elsewhere, project) == _everywhere(project)
