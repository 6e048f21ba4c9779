"""Helpers for budget specifications: budgets components with settings, orders, calling the API as someone."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make

VOTING: dict[str, Any] = {"votes": "enabled"}
PROJECT_TYPE = "Decidim::Budgets::Project"


async def budgets_component(
    make: Make,
    *,
    space: models.ParticipatoryProcess | None = None,
    step: dict[str, Any] | None = None,
    published: bool = True,
    **global_settings: Any,
) -> models.Component:
    """A budgets component (published unless told) whose step opens voting (unless ``step`` says otherwise)."""
    return await make.component(
        space=space,
        manifest_name="budgets",
        settings=global_settings,
        default_step_settings=VOTING if step is None else step,
        published_at=NOW if published else None,
    )


# A participant signed in with a session token, which may read and write.
SESSION_SCOPES = frozenset({"api:read", "api:write"})


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, scopes=SESSION_SCOPES)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True, scopes=SESSION_SCOPES)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


ORDER = "viewerOrder { total checkedOut projects { id } }"

_VOTE = """
mutation($c: ID!, $target: ID!) {
  component(id: $c) { ... on BudgetsMutation { %s(%s: $target) { %s } } }
}
"""


def vote(name: str, selection: str = ORDER) -> str:
    """``addProjectToOrder``/``removeProjectFromOrder`` (a project) or ``checkoutOrder``/``cancelOrder`` (a budget)."""
    argument = "projectId" if name.endswith(("ProjectToOrder", "ProjectFromOrder")) else "budgetId"
    return _VOTE % (name, argument, selection)


ADD, REMOVE, CHECKOUT, CANCEL = (
    vote("addProjectToOrder"),
    vote("removeProjectFromOrder"),
    vote("checkoutOrder"),
    vote("cancelOrder"),
)


def target(row: models.Project | models.Budget) -> dict[str, str]:
    return {"c": str(row.component_id), "target": str(row.id)}


def voted(body: dict[str, Any], name: str) -> Any:
    data = body.get("data") or {}
    return ((data.get("component") or {}).get(name)) if data else None


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


def error_fields(body: dict[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for e in body.get("errors", []):
        fields.update(e["extensions"].get("fields", {}))
    return fields


async def reload(make: Make, row: Any) -> Any:
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)


async def order(
    make: Make, *, user: models.User, budget: models.Budget, projects: list[models.Project], checked_out: bool = False
) -> models.Order:
    """An order with its line items (and, when checked out, the projects' counters moved as the API would)."""
    async with make.sessionmaker() as session:
        row = models.Order(
            organization_id=budget.organization_id,
            budget_id=budget.id,
            user_id=user.id,
            checked_out_at=NOW if checked_out else None,
        )
        session.add(row)
        await session.flush()
        for project in projects:
            session.add(models.LineItem(organization_id=row.organization_id, order_id=row.id, project_id=project.id))
            if checked_out:
                stored = await session.get(models.Project, project.id)
                stored.confirmed_orders_count += 1  # type: ignore[union-attr]
        await session.commit()
        await session.refresh(row)
    return row


async def count_rows(make: Make, model: Any, **where: Any) -> int:
    async with make.sessionmaker() as session:
        stmt = select(func.count()).select_from(model).filter_by(**where)
        return int(await session.scalar(stmt) or 0)
