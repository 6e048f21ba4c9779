"""Who sees which meetings, through every path: the list, ``meeting(id)``, ``node(id)``, ``component(id)``."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.meetings.conftest import as_, as_admin, meetings_component

THROUGH_COMPONENT = """
query($c: ID!, $m: ID!) {
  component(id: $c) { ... on Meetings { meetings { nodes { id } totalCount } meeting(id: $m) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def _seen(execute: Any, org: Any, meeting: models.Meeting, **kw: Any) -> dict[str, Any]:
    through = await execute(
        THROUGH_COMPONENT, {"c": str(meeting.component_id), "m": str(meeting.id)}, organization=org, **kw
    )
    node = await execute(NODE, {"id": str(meeting.id)}, organization=org, **kw)
    assert "errors" not in through, through
    assert "errors" not in node, node
    return {"component": through["data"]["component"], "node": node["data"]["node"]}


def _everywhere(meeting: models.Meeting) -> dict[str, Any]:
    return {
        "component": {
            "meetings": {"nodes": [{"id": str(meeting.id)}], "totalCount": 1},
            "meeting": {"id": str(meeting.id)},
        },
        "node": {"__typename": "Meeting", "id": str(meeting.id)},
    }


NOWHERE = {"component": {"meetings": {"nodes": [], "totalCount": 0}, "meeting": None}, "node": None}


async def test_anonymous_visitor_sees_a_published_meeting_everywhere(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting()

    assert await _seen(execute, org, meeting) == _everywhere(meeting)


@pytest.mark.parametrize(
    "state", [{"hidden_at": NOW}, {"published_at": None}], ids=["hidden by moderation", "unpublished"]
)
async def test_hidden_and_unpublished_meetings_are_invisible_to_everyone(
    make: Make, execute: Any, org: Any, state: dict[str, Any]
) -> None:
    author = await make.user()
    admin = await make.user(admin=True)
    meeting = await make.meeting(author=author, **state)

    for viewer in (Viewer(), as_(author), as_admin(admin)):
        assert await _seen(execute, org, meeting, viewer=viewer) == NOWHERE


async def test_a_withdrawn_meeting_stays_listed_marked_withdrawn(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(withdrawn_at=NOW)
    query = "query($id: ID!) { node(id: $id) { ... on Meeting { withdrawn isWithdrawn withdrawnAt } } }"

    assert await _seen(execute, org, meeting) == _everywhere(meeting)
    body = await execute(query, {"id": str(meeting.id)}, organization=org)
    assert body == {"data": {"node": {"withdrawn": True, "isWithdrawn": True, "withdrawnAt": NOW.isoformat()}}}


async def test_meetings_of_an_unpublished_component_or_space_are_invisible(make: Make, execute: Any, org: Any) -> None:
    unpublished_component = await meetings_component(make)
    async with make.sessionmaker() as session:
        row = await session.get(models.Component, unpublished_component.id)
        row.published_at = None  # type: ignore[union-attr]
        await session.commit()
    in_hidden_component = await make.meeting(component=unpublished_component)
    in_hidden_space = await make.meeting(
        component=await meetings_component(make, space=await make.process(published_at=None))
    )

    for meeting in (in_hidden_component, in_hidden_space):
        assert await _seen(execute, org, meeting) == {"component": None, "node": None}


async def test_meetings_of_a_private_space_are_for_its_members(make: Make, execute: Any, org: Any) -> None:
    space = await make.process(private_space=True)
    meeting = await make.meeting(component=await meetings_component(make, space=space))
    member = await make.user()
    await make.private_member(space=space, user=member)

    assert await _seen(execute, org, meeting) == {"component": None, "node": None}
    assert await _seen(execute, org, meeting, viewer=as_(await make.user())) == {"component": None, "node": None}
    assert await _seen(execute, org, meeting, viewer=as_(member)) == _everywhere(meeting)


async def test_a_private_meeting_is_for_its_author_its_registered_participants_and_admins(
    make: Make, execute: Any, org: Any
) -> None:
    author = await make.user()
    registered = await make.user()
    admin = await make.user(admin=True)
    meeting = await make.meeting(author=author, private_meeting=True, transparent=False, registrations_enabled=True)
    await make.registration(meeting=meeting, user=registered)

    assert await _seen(execute, org, meeting) == NOWHERE
    assert await _seen(execute, org, meeting, viewer=as_(await make.user())) == NOWHERE
    for viewer in (as_(author), as_(registered), as_admin(admin)):
        assert await _seen(execute, org, meeting, viewer=viewer) == _everywhere(meeting)


async def test_a_private_but_transparent_meeting_is_visible_to_everyone(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(private_meeting=True, transparent=True)

    assert await _seen(execute, org, meeting) == _everywhere(meeting)


async def test_another_organizations_meeting_is_invisible_even_by_id(make: Make, execute: Any, org: Any) -> None:
    other = await make.organization()
    elsewhere = await make.meeting(
        component=await meetings_component(make, space=await make.process(organization=other))
    )
    mine = await meetings_component(make)

    node = await execute(NODE, {"id": str(elsewhere.id)}, organization=org)
    through_mine = await execute(THROUGH_COMPONENT, {"c": str(mine.id), "m": str(elsewhere.id)}, organization=org)
    nodes = await execute(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [str(elsewhere.id)]}, organization=org
    )

    assert node == {"data": {"node": None}}
    assert through_mine == {"data": {"component": {"meetings": {"nodes": [], "totalCount": 0}, "meeting": None}}}
    assert nodes == {"data": {"nodes": [None]}}


async def test_a_meeting_is_reachable_only_through_its_own_component(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting()
    other = await meetings_component(make)

    body = await execute(THROUGH_COMPONENT, {"c": str(other.id), "m": str(meeting.id)}, organization=org)

    assert body == {"data": {"component": {"meetings": {"nodes": [], "totalCount": 0}, "meeting": None}}}


async def test_the_component_is_typed_meetings_in_its_space(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await meetings_component(make, space=process)
    query = """query($p: ID) { participatoryProcess(id: $p) {
      components { __typename id ... on Meetings { participatorySpace { id } } } } }"""

    body = await execute(query, {"p": str(process.id)}, organization=org)

    assert body == {
        "data": {
            "participatoryProcess": {
                "components": [
                    {"__typename": "Meetings", "id": str(component.id), "participatorySpace": {"id": str(process.id)}}
                ]
            }
        }
    }
