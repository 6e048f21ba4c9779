"""Helpers for meeting specifications: meetings components with settings, calling the API as someone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import Make

PARTICIPANTS_CREATE: dict[str, Any] = {"creation_enabled": True}


async def meetings_component(
    make: Make,
    *,
    space: models.ParticipatoryProcess | None = None,
    step: dict[str, Any] | None = None,
    **global_settings: Any,
) -> models.Component:
    """A published meetings component whose step settings are ``step`` (creation closed by default)."""
    return await make.component(
        space=space,
        manifest_name="meetings",
        settings=global_settings,
        default_step_settings=step or {},
    )


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True)


def in_days(days: float, *, hours: float = 0) -> datetime:
    """An instant relative to the real clock, to the second ("upcoming" and "past" are relative to now)."""
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=days, hours=hours)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


MEETING_ACTION = """
mutation($component: ID!, $id: ID!) {
  component(id: $component) { ... on MeetingsMutation { meeting(id: $id) { %s } } }
}
"""


def action(name: str, *, input: str = "{}", selection: str = "id registrationsCount remainingSlots") -> str:
    """A ``component(id) { meeting(id) { <name>(input: ...) { ... } } }`` mutation document."""
    return MEETING_ACTION % f"{name}(input: {input}) {{ {selection} }}"


def variables(meeting: models.Meeting) -> dict[str, str]:
    return {"component": str(meeting.component_id), "id": str(meeting.id)}


def acted(body: dict[str, Any], name: str) -> Any:
    """The meeting a ``MEETING_ACTION`` mutation answered (``None`` when it failed)."""
    data = body.get("data") or {}
    component = data.get("component") or {}
    return ((component.get("meeting") or {}).get(name)) if component else None


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


async def reload(make: Make, row: Any) -> Any:
    """The row as the database has it now."""
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)
