"""Helpers for moderation specifications: viewers who may write, reports and comments through the API."""

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
    kind = "assembly" if isinstance(space, models.Assembly) else "participatory_process"
    return await make.save(  # type: ignore[no-any-return]
        models.SpaceRole(
            organization_id=space.organization_id, space_kind=kind, space_id=space.id, user_id=user.id, role=name
        )
    )


REPORT = """
mutation($id: ID!, $type: ReportableType!) {
  reportResource(input: {reportableId: $id, reportableType: $type, reason: SPAM, details: "pub"}) { id }
}
"""

ADD_COMMENT = """
mutation($on: ID!, $body: String!) { addComment(input: {commentableId: $on, body: $body}) { id } }
"""

THREAD = """
query($id: ID!) {
  node(id: $id) { ... on Proposal { totalCommentsCount comments { id body replies: comments { id body } } } }
}
"""
