"""Helpers for proposal specifications: components with settings, calling the API as someone."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import Make

OPEN_STEP: dict[str, Any] = {"creation_enabled": True, "votes_enabled": True, "endorsements_enabled": True}


async def proposals_component(
    make: Make,
    *,
    space: models.ParticipatoryProcess | None = None,
    step: dict[str, Any] | None = None,
    **global_settings: Any,
) -> models.Component:
    """A published proposals component whose step settings are ``step`` (creation, supports, endorsements open)."""
    return await make.component(
        space=space,
        manifest_name="proposals",
        settings=global_settings,
        default_step_settings=OPEN_STEP if step is None else step,
    )


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


PROPOSAL_ACTION = """
mutation($component: ID!, $id: ID!) {
  component(id: $component) { ... on ProposalsMutation { proposal(id: $id) { %s } } }
}
"""


def action(name: str, *, input: str = "{}", selection: str = "id voteCount endorsementsCount") -> str:
    """A ``component(id) { proposal(id) { <name>(input: ...) { ... } } }`` mutation document."""
    return PROPOSAL_ACTION % f"{name}(input: {input}) {{ {selection} }}"


def acted(body: dict[str, Any], name: str) -> Any:
    """The proposal a ``PROPOSAL_ACTION`` mutation answered (``None`` when it failed)."""
    data = body.get("data") or {}
    component = data.get("component") or {}
    return ((component.get("proposal") or {}).get(name)) if component else None


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


async def reload(make: Make, row: Any) -> Any:
    """The row as the database has it now (builders' side effects included)."""
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)


TITLE = "Une piste cyclable rue de Rennes"
BODY = "Pour aller au travail en sécurité."


def attributes(**kw: Any) -> dict[str, Any]:
    return {"title": TITLE, "body": BODY} | kw


LIST = "query($c: ID!) { component(id: $c) { ... on Proposals { proposals { nodes { id } } } } }"


async def listed(execute: Any, org: Any, component: Any) -> list[str]:
    body = await execute(LIST, {"c": str(component.id)}, organization=org)
    return [n["id"] for n in body["data"]["component"]["proposals"]["nodes"]]
