"""Every permission cell of moderation: who may hide, read moderations, and block (allowed and denied).

Decidim's API showed moderations, with reporters and their details, to anyone (#15497, #17632): here
anonymous visitors are UNAUTHENTICATED and participants FORBIDDEN.
"""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import Make
from tests.moderation.conftest import REPORT, codes, role, writer

HIDE = """
mutation($id: ID!) { hideResource(reportableType: PROPOSAL, reportableId: $id) { hiddenAt } }
"""
MODERATIONS = """
query($space: ID!) {
  moderations(spaceId: $space) {
    reportableType reportableId reportCount hiddenAt
    reports { reason details reporter { nickname } }
  }
}
"""
BLOCK = "mutation($id: ID!) { blockUser(userId: $id) { nickname blocked } }"
UNBLOCK = "mutation($id: ID!) { unblockUser(userId: $id) { nickname blocked } }"

# who -> expected outcome (None: allowed, else the error code)
SPACE_CELLS = {
    "anonymous": "UNAUTHENTICATED",
    "participant": "FORBIDDEN",
    "author": "FORBIDDEN",
    "collaborator": "FORBIDDEN",
    "evaluator": "FORBIDDEN",
    "moderator_elsewhere": "FORBIDDEN",
    "admin_elsewhere": "FORBIDDEN",
    "moderator": None,
    "space_admin": None,
    "organization_admin": None,
}


async def _viewer(make: Make, who: str, *, space: Any, elsewhere: Any, author: models.User) -> Viewer:
    if who == "anonymous":
        return ANONYMOUS
    if who == "author":
        return writer(author)
    if who == "organization_admin":
        return writer(await make.user(admin=True))
    user = await make.user()
    roles = {
        "collaborator": (space, "collaborator"),
        "evaluator": (space, "evaluator"),
        "moderator": (space, "moderator"),
        "space_admin": (space, "admin"),
        "moderator_elsewhere": (elsewhere, "moderator"),
        "admin_elsewhere": (elsewhere, "admin"),
    }
    if who in roles:
        target, name = roles[who]
        await role(make, user=user, space=target, name=name)
    return writer(user)


@pytest.mark.parametrize(("who", "denied"), SPACE_CELLS.items())
async def test_hide_resource_permission(
    make: Make, execute: Any, org: models.Organization, who: str, denied: str | None
) -> None:
    process, elsewhere = await make.process(), await make.process()
    author = await make.user()
    proposal = await make.proposal(component=await make.component(space=process), author=author)
    viewer = await _viewer(make, who, space=process, elsewhere=elsewhere, author=author)

    body = await execute(HIDE, {"id": str(proposal.id)}, organization=org, viewer=viewer)

    if denied is None:
        assert body["data"]["hideResource"]["hiddenAt"] is not None
    else:
        assert codes(body) == [denied]
        assert body["data"] == {"hideResource": None}


@pytest.mark.parametrize(("who", "denied"), SPACE_CELLS.items())
async def test_moderations_readable_only_by_the_space_moderators_and_admins(
    make: Make, execute: Any, org: models.Organization, who: str, denied: str | None
) -> None:
    process, elsewhere = await make.process(), await make.process()
    author = await make.user()
    proposal = await make.proposal(component=await make.component(space=process), author=author)
    reporter = await make.user(nickname="vigilante")
    await execute(REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(reporter))
    viewer = await _viewer(make, who, space=process, elsewhere=elsewhere, author=author)

    body = await execute(MODERATIONS, {"space": str(process.id)}, organization=org, viewer=viewer)

    if denied is None:
        assert body == {
            "data": {
                "moderations": [
                    {
                        "reportableType": "PROPOSAL",
                        "reportableId": str(proposal.id),
                        "reportCount": 1,
                        "hiddenAt": None,
                        "reports": [{"reason": "SPAM", "details": "pub", "reporter": {"nickname": "vigilante"}}],
                    }
                ]
            }
        }
    else:
        assert codes(body) == [denied]
        assert body["data"] is None


async def test_moderations_of_another_space_are_not_listed(make: Make, execute: Any, org: models.Organization) -> None:
    process, elsewhere = await make.process(), await make.process()
    proposal = await make.proposal(component=await make.component(space=elsewhere))
    await execute(
        REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(await make.user())
    )
    admin = writer(await make.user(admin=True))
    body = await execute(MODERATIONS, {"space": str(process.id)}, organization=org, viewer=admin)
    assert body == {"data": {"moderations": []}}


BLOCK_CELLS = {
    "anonymous": "UNAUTHENTICATED",
    "participant": "FORBIDDEN",
    "moderator": "FORBIDDEN",
    "space_admin": "FORBIDDEN",
    "organization_admin": None,
}


@pytest.mark.parametrize(("who", "denied"), BLOCK_CELLS.items())
async def test_block_user_permission(
    make: Make, execute: Any, org: models.Organization, who: str, denied: str | None
) -> None:
    process = await make.process()
    target = await make.user(nickname="troll")
    viewer = await _viewer(make, who, space=process, elsewhere=process, author=target)

    body = await execute(BLOCK, {"id": str(target.id)}, organization=org, viewer=viewer)

    if denied is None:
        assert body == {"data": {"blockUser": {"nickname": "troll", "blocked": True}}}
        unblocked = await execute(UNBLOCK, {"id": str(target.id)}, organization=org, viewer=viewer)
        assert unblocked == {"data": {"unblockUser": {"nickname": "troll", "blocked": False}}}
    else:
        assert codes(body) == [denied]
        assert body["data"] == {"blockUser": None}


async def test_blocked_participant_cannot_act_and_their_session_is_refused(
    make: Make, execute: Any, gql: Any, bearer: Any, org: models.Organization
) -> None:
    troll = await make.user(nickname="troll")
    headers = await bearer(troll)
    proposal = await make.proposal(component=await make.component())
    admin = writer(await make.user(admin=True))
    await execute(BLOCK, {"id": str(troll.id)}, organization=org, viewer=admin)

    body = await execute(REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(troll))
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["extensions"]["reason"] == "BLOCKED"
    await gql("{ session { user { id } } }", headers=headers, expect_status=401)

    await execute(UNBLOCK, {"id": str(troll.id)}, organization=org, viewer=admin)
    assert "errors" not in await gql("{ session { user { id } } }", headers=headers)


async def test_organization_admin_cannot_block_themselves(make: Make, execute: Any, org: models.Organization) -> None:
    admin = await make.user(admin=True)
    body = await execute(BLOCK, {"id": str(admin.id)}, organization=org, viewer=writer(admin))
    assert codes(body) == ["FORBIDDEN"]
