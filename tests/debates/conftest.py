"""Helpers for debate specifications: debates components with settings, calling the API as someone."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import models
from resolvers.viewer import Viewer
from tests.builders import Make

PARTICIPANTS_CREATE: dict[str, Any] = {"creation_enabled": True}

DEBATE_TYPE = "Decidim::Debates::Debate"


async def debates_component(
    make: Make,
    *,
    space: models.ParticipatoryProcess | None = None,
    step: dict[str, Any] | None = None,
    **kw: Any,
) -> models.Component:
    """A published debates component whose step settings are ``step`` (participants may not create by default)."""
    return await make.component(space=space, manifest_name="debates", default_step_settings=step or {}, **kw)


# A participant signed in with a session token, which may read and write.
SESSION_SCOPES = frozenset({"api:read", "api:write"})


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, scopes=SESSION_SCOPES)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True, scopes=SESSION_SCOPES)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


CREATE = """
mutation($component: ID!, $attributes: DebateAttributes!, $locale: String) {
  component(id: $component) {
    ... on DebatesMutation { createDebate(input: {locale: $locale, attributes: $attributes}) { %s } }
  }
}
"""

DEBATE_ACTION = """
mutation($component: ID!, $id: ID!) {
  component(id: $component) { ... on DebatesMutation { debate(id: $id) { %s } } }
}
"""


def create(selection: str = "id") -> str:
    return CREATE % selection


def action(name: str, *, input: str = "{}", selection: str = "id closed endorsementsCount") -> str:
    """A ``component(id) { debate(id) { <name>(input: ...) { ... } } }`` mutation document."""
    return DEBATE_ACTION % f"{name}(input: {input}) {{ {selection} }}"


def variables(debate: models.Debate) -> dict[str, str]:
    return {"component": str(debate.component_id), "id": str(debate.id)}


def created(body: dict[str, Any]) -> Any:
    data = body.get("data") or {}
    return ((data.get("component") or {}).get("createDebate")) if data else None


def acted(body: dict[str, Any], name: str) -> Any:
    """The debate a ``DEBATE_ACTION`` mutation answered (``None`` when it failed)."""
    data = body.get("data") or {}
    component = data.get("component") or {}
    return ((component.get("debate") or {}).get(name)) if component else None


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


def error_fields(body: dict[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for e in body.get("errors", []):
        fields.update(e["extensions"].get("fields", {}))
    return fields


async def versions(make: Make, debate_id: int) -> list[tuple[str, dict[str, Any]]]:
    """The debate's history as ``(event, changeset)``, oldest first."""
    v = models.Version
    async with make.sessionmaker() as session:
        stmt = select(v).where(v.item_kind == "debate", v.item_id == debate_id).order_by(v.id)  # type: ignore[arg-type]
        return [(r.event, r.changeset) for r in (await session.scalars(stmt)).all()]


async def reload(make: Make, row: Any) -> Any:
    """The row as the database has it now."""
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)


TITLE = "Faut-il piétonniser le centre-ville ?"
DESCRIPTION = "Les commerçants et les riverains en parlent depuis des mois."
