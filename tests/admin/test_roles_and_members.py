"""Space roles and private-space members: who may give them, and what they open."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.admin.conftest import BOTH, Actors, error_of

ASSIGN = """
mutation($input: SpaceRoleInput!) { assignSpaceRole(input: $input) { spaceId userId role } }
"""
REMOVE = "mutation($input: SpaceRoleInput!) { removeSpaceRole(input: $input) }"
ROLES = "query($sid: ID!) { spaceRoles(spaceId: $sid) { userId role } }"
INVITE = "mutation($input: SpaceMemberInput!) { inviteSpaceMember(input: $input) }"
UNINVITE = "mutation($input: SpaceMemberInput!) { removeSpaceMember(input: $input) }"
SEE = "query($id: ID!) { participatoryProcess(id: $id) { slug } }"


async def test_space_admin_gives_and_takes_a_role(execute: Any, actors: Actors, make: Any) -> None:
    user = await make.user(organization=actors.org)
    run = {"organization": actors.org, "viewer": actors.space_admin}
    role = {"spaceId": str(actors.process.id), "userId": str(user.id), "role": "EVALUATOR"}
    assert await execute(ASSIGN, {"input": role}, **run) == {
        "data": {"assignSpaceRole": {"spaceId": str(actors.process.id), "userId": str(user.id), "role": "EVALUATOR"}}
    }
    listed = await execute(ROLES, {"sid": str(actors.process.id)}, **run)
    assert {"userId": str(user.id), "role": "EVALUATOR"} in listed["data"]["spaceRoles"]
    assert await execute(REMOVE, {"input": role}, **run) == {"data": {"removeSpaceRole": True}}
    assert await execute(REMOVE, {"input": role}, **run) == {"data": {"removeSpaceRole": False}}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("moderator", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
        ("anonymous", {"code": "UNAUTHENTICATED"}),
    ],
)
async def test_others_may_not_give_roles_or_invite(
    execute: Any, actors: Actors, make: Any, who: str, expected: dict[str, Any]
) -> None:
    user = await make.user(organization=actors.org)
    run = {"organization": actors.org, "viewer": getattr(actors, who)}
    ids = {"spaceId": str(actors.process.id), "userId": str(user.id)}
    assert error_of(await execute(ASSIGN, {"input": {**ids, "role": "ADMIN"}}, **run)) == expected
    assert error_of(await execute(INVITE, {"input": ids}, **run)) == expected


async def test_role_list_is_for_those_who_manage_roles(execute: Any, actors: Actors) -> None:
    result = await execute(ROLES, {"sid": str(actors.process.id)}, organization=actors.org, viewer=actors.moderator)
    assert error_of(result) == {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}
    # Reading needs no write scope.
    read = await execute(ROLES, {"sid": str(actors.process.id)}, organization=actors.org, viewer=actors.read_only_admin)
    assert len(read["data"]["spaceRoles"]) == 2


async def test_another_organizations_admin_cannot_give_roles(execute: Any, actors: Actors) -> None:
    ids = {"spaceId": str(actors.process.id), "userId": str(actors.participant.user_id), "role": "ADMIN"}
    result = await execute(ASSIGN, {"input": ids}, organization=actors.other_org, viewer=actors.stranger_admin)
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"spaceId": "not found"}}


@pytest.mark.parametrize("role", ["COLLABORATOR", "MODERATOR", "EVALUATOR"])
async def test_a_space_role_lets_its_holder_preview_the_unpublished_space(
    execute: Any, actors: Actors, make: Any, role: str
) -> None:
    user = await make.user(organization=actors.org)
    viewer = Viewer(user_id=user.id, scopes=BOTH)
    pid = str(actors.process.id)
    assert await execute(SEE, {"id": pid}, organization=actors.org, viewer=viewer) == {
        "data": {"participatoryProcess": None}
    }
    ids = {"spaceId": pid, "userId": str(user.id), "role": role}
    await execute(ASSIGN, {"input": ids}, organization=actors.org, viewer=actors.org_admin)
    assert await execute(SEE, {"id": pid}, organization=actors.org, viewer=viewer) == {
        "data": {"participatoryProcess": {"slug": "budget-2026"}}
    }


async def test_an_invited_member_sees_the_private_space(execute: Any, actors: Actors, make: Any) -> None:
    private = await make.process(organization=actors.org, slug="prive", private_space=True)
    user = await make.user(organization=actors.org)
    viewer = Viewer(user_id=user.id, scopes=BOTH)
    ids = {"spaceId": str(private.id), "userId": str(user.id)}
    run = {"organization": actors.org, "viewer": actors.org_admin}
    assert await execute(SEE, {"id": str(private.id)}, organization=actors.org, viewer=viewer) == {
        "data": {"participatoryProcess": None}
    }
    assert await execute(INVITE, {"input": ids}, **run) == {"data": {"inviteSpaceMember": True}}
    assert await execute(SEE, {"id": str(private.id)}, organization=actors.org, viewer=viewer) == {
        "data": {"participatoryProcess": {"slug": "prive"}}
    }
    assert await execute(UNINVITE, {"input": ids}, **run) == {"data": {"removeSpaceMember": True}}
    assert await execute(SEE, {"id": str(private.id)}, organization=actors.org, viewer=viewer) == {
        "data": {"participatoryProcess": None}
    }
