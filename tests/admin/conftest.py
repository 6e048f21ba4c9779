"""Who acts in the admin tests: an organization admin, space roles, a participant, strangers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import Make

BOTH = frozenset({"api:read", "api:write"})
READ_ONLY = frozenset({"api:read"})


@dataclass
class Actors:
    org: models.Organization
    other_org: models.Organization
    process: models.ParticipatoryProcess
    org_admin: Viewer
    space_admin: Viewer
    moderator: Viewer
    participant: Viewer
    read_only_admin: Viewer
    stranger_admin: Viewer  # an organization admin of another organization
    anonymous: Viewer = ANONYMOUS


async def role(make: Make, *, space: Any, user: models.User, role: str) -> models.SpaceRole:
    return await make.save(  # type: ignore[no-any-return]
        models.SpaceRole(
            organization_id=space.organization_id,
            space_kind=models.SpaceKind.PARTICIPATORY_PROCESS
            if isinstance(space, models.ParticipatoryProcess)
            else models.SpaceKind.ASSEMBLY,
            space_id=space.id,
            user_id=user.id,  # type: ignore[arg-type]
            role=role,
        )
    )


@pytest.fixture
async def actors(make: Make) -> Actors:
    org = await make.organization(host="participa.test")
    other = await make.organization()
    process = await make.process(organization=org, slug="budget-2026", published_at=None)
    admin = await make.user(organization=org, admin=True)
    space_admin = await make.user(organization=org)
    moderator = await make.user(organization=org)
    participant = await make.user(organization=org)
    stranger = await make.user(organization=other, admin=True)
    await role(make, space=process, user=space_admin, role="admin")
    await role(make, space=process, user=moderator, role="moderator")
    return Actors(
        org=org,
        other_org=other,
        process=process,
        org_admin=Viewer(user_id=admin.id, organization_admin=True, scopes=BOTH),
        space_admin=Viewer(user_id=space_admin.id, scopes=BOTH),
        moderator=Viewer(user_id=moderator.id, scopes=BOTH),
        participant=Viewer(user_id=participant.id, scopes=BOTH),
        read_only_admin=Viewer(user_id=admin.id, organization_admin=True, scopes=READ_ONLY),
        stranger_admin=Viewer(user_id=stranger.id, organization_admin=True, scopes=BOTH),
    )


def error_of(result: dict[str, Any]) -> dict[str, Any]:
    """The one error's code, reason and fields (the parts a client branches on)."""
    # A refused admin mutation is null beside its siblings; a token without api:write is refused before
    # anything runs (``data`` itself is null then).
    data = result["data"]
    assert data is None or all(value is None for value in data.values()), result
    (error,) = result["errors"]
    ext = error["extensions"]
    return {k: ext[k] for k in ("code", "reason", "fields") if k in ext}
