"""Helpers for restitution specifications: answering as someone, reading what the public sees."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import Make

WRITE = frozenset({"api:read", "api:write"})


def writer(user: models.User) -> Viewer:
    """A signed-in participant as a session token makes them (read and write)."""
    return Viewer(user_id=user.id, organization_admin=user.admin, scopes=WRITE)


def codes(body: dict[str, Any]) -> list[str | None]:
    return [e["extensions"].get("code") for e in body.get("errors", [])]


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


async def role(make: Make, *, user: models.User, space: Any, name: str) -> models.SpaceRole:
    return await make.save(  # type: ignore[no-any-return]
        models.SpaceRole(
            organization_id=space.organization_id,
            space_kind="participatory_process",
            space_id=space.id,
            user_id=user.id,
            role=name,
        )
    )


ANSWER = """
mutation($c: ID!, $id: ID!, $attributes: AnswerProposalAttributes!) {
  component(id: $c) { ... on ProposalsMutation { proposal(id: $id) {
    answer(input: {attributes: $attributes}) { id state answer { translation(locale: "fr") } }
  } } }
}
"""

PUBLIC = """
query($id: ID!) { node(id: $id) { ... on Proposal { state answer { translation(locale: "fr") } } } }
"""


def answered(body: dict[str, Any]) -> Any:
    data = body.get("data") or {}
    component = data.get("component") or {}
    return (component.get("proposal") or {}).get("answer") if component else None
