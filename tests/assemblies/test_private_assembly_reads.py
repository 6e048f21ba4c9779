"""A private assembly and everything inside it reach only its members and admins, through every read path.

One document asks every path at once (the list, the finder, ``component(id)``, ``node``, ``nodes``, nested
relations, links from a public process, the type's list); ``commentable(id, type)`` is asked apart because
a hidden commentable is an error, not a null.
"""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.assemblies.conftest import COMMENT_TYPE, EVERY_PATH, MEETING_TYPE, PROPOSAL_TYPE, World, build_world

COMMENTABLE = """
query($id: String!, $type: String!) {
  commentable(id: $id, type: $type, locale: "fr", toggleTranslations: false) { id comments { id } }
}
"""


async def commentables(run: Any, world: World, **kw: Any) -> list[dict[str, Any]]:
    proposal = {"id": str(world.proposal.id), "type": PROPOSAL_TYPE}
    comment = {"id": str(world.comment.id), "type": COMMENT_TYPE}
    meeting = {"id": str(world.meeting.id), "type": MEETING_TYPE}
    return [await run(COMMENTABLE, variables, **kw) for variables in (proposal, comment, meeting)]


def not_found(kind: str, pk: int | None) -> dict[str, Any]:
    return {
        "data": {"commentable": None},
        "errors": [
            {
                "message": f"No {kind} with id {pk}.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["commentable"],
                "extensions": {"code": "NOT_FOUND"},
            }
        ],
    }


def found(world: World) -> list[dict[str, Any]]:
    return [
        {"data": {"commentable": {"id": str(world.proposal.id), "comments": [{"id": str(world.comment.id)}]}}},
        {"data": {"commentable": {"id": str(world.comment.id), "comments": []}}},
        {"data": {"commentable": {"id": str(world.meeting.id), "comments": []}}},
    ]


async def test_anonymous_visitor_reaches_nothing_of_a_private_assembly(make: Any, gql: Any) -> None:
    world = await build_world(make)

    assert await gql(EVERY_PATH, world.variables) == world.hidden()
    assert await commentables(gql, world) == [
        not_found(PROPOSAL_TYPE, world.proposal.id),
        not_found(COMMENT_TYPE, world.comment.id),
        not_found(MEETING_TYPE, world.meeting.id),
    ]


async def test_participant_who_is_not_a_member_reaches_nothing_of_a_private_assembly(
    make: Any, gql: Any, bearer: Any
) -> None:
    world = await build_world(make)
    outsider = await make.user()
    member_elsewhere = await make.user()
    elsewhere = await make.assembly(private_space=True)
    await make.assembly_member(assembly=elsewhere, user=member_elsewhere)

    for user, own in ((outsider, []), (member_elsewhere, [{"id": str(elsewhere.id)}])):
        headers = await bearer(user)
        expected = world.hidden()
        expected["data"]["assemblies"] = own  # membership of another private assembly opens that one only
        assert await gql(EVERY_PATH, world.variables, headers=headers) == expected
        assert await commentables(gql, world, headers=headers) == [
            not_found(PROPOSAL_TYPE, world.proposal.id),
            not_found(COMMENT_TYPE, world.comment.id),
            not_found(MEETING_TYPE, world.meeting.id),
        ]


async def test_member_reaches_everything_in_their_private_assembly(make: Any, gql: Any, bearer: Any) -> None:
    world = await build_world(make)
    member = await make.user()
    await make.assembly_member(assembly=world.assembly, user=member)
    headers = await bearer(member)

    assert await gql(EVERY_PATH, world.variables, headers=headers) == world.seen()
    assert await commentables(gql, world, headers=headers) == found(world)


async def test_organization_admin_reaches_everything_in_a_private_assembly(make: Any, gql: Any, bearer: Any) -> None:
    world = await build_world(make)
    headers = await bearer(await make.user(admin=True))

    assert await gql(EVERY_PATH, world.variables, headers=headers) == world.seen()
    assert await commentables(gql, world, headers=headers) == found(world)


@pytest.mark.parametrize("viewer", ["anonymous", "outsider"])
async def test_everyone_reads_a_transparent_private_assembly_and_its_contents(
    make: Any, execute: Any, viewer: str
) -> None:
    world = await build_world(make, is_transparent=True)
    who = Viewer() if viewer == "anonymous" else Viewer(user_id=(await make.user()).id)
    org = await make.org(None)

    assert await execute(EVERY_PATH, world.variables, organization=org, viewer=who) == world.seen()
    assert await commentables(lambda q, v: execute(q, v, organization=org, viewer=who), world) == found(world)


async def test_unpublished_assembly_stays_hidden_from_its_members_but_not_from_admins(make: Any, execute: Any) -> None:
    world = await build_world(make, published_at=None, is_transparent=True)
    member = await make.user()
    await make.assembly_member(assembly=world.assembly, user=member)
    org = await make.org(None)

    as_member = await execute(EVERY_PATH, world.variables, organization=org, viewer=Viewer(user_id=member.id))
    as_admin = await execute(EVERY_PATH, world.variables, organization=org, viewer=Viewer(organization_admin=True))

    assert as_member == world.hidden()
    assert as_admin == world.seen()


async def test_public_assembly_contents_reach_anonymous_visitors(make: Any, gql: Any) -> None:
    world = await build_world(make, private_space=False)

    assert await gql(EVERY_PATH, world.variables) == world.seen()
    assert await commentables(gql, world) == found(world)
