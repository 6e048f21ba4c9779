"""Unconfirmed, blocked and deleted participants, and blocked or deleted groups, are never shown."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.builders import NOW

EVERY_PATH = """
query($id: ID!, $nickname: String, $group: ID!) {
  users { id }
  byId: user(id: $id) { id }
  byNickname: user(nickname: $nickname) { id }
  node(id: $id) { id }
  nodes(ids: [$id]) { id }
  group: node(id: $group) { ... on UserGroup { membersCount members { id } } }
  organization { stats { name value } }
}
"""

HIDDEN_USERS = {
    "unconfirmed": {"confirmed_at": None},
    "blocked": {"blocked": True, "blocked_at": NOW},
    "deleted": {"deleted_at": NOW},
}


def stats(users: int) -> dict[str, Any]:
    return {"stats": [{"name": "users_count", "value": users}, {"name": "processes_count", "value": 0}]}


def nowhere(group: Any) -> dict[str, Any]:
    """What every path shows when the only participant is hidden: the group alone, empty."""
    return {
        "data": {
            "users": [{"id": str(group.id)}],
            "byId": None,
            "byNickname": None,
            "node": None,
            "nodes": [None],
            "group": {"membersCount": 0, "members": []},
            "organization": stats(0),
        }
    }


@pytest.mark.parametrize("state", list(HIDDEN_USERS))
async def test_anonymous_visitor_never_sees_a_hidden_participant(make: Any, gql: Any, state: str) -> None:
    group = await make.group()
    hidden = await make.user(nickname="cache", **HIDDEN_USERS[state])
    await make.membership(user=hidden, group=group)

    body = await gql(EVERY_PATH, {"id": str(hidden.id), "nickname": "cache", "group": str(group.id)})

    assert body == nowhere(group)


async def test_anonymous_visitor_sees_a_confirmed_participant_on_every_path(make: Any, gql: Any) -> None:
    group = await make.group()
    shown = await make.user(nickname="visible")
    await make.membership(user=shown, group=group)

    body = await gql(EVERY_PATH, {"id": str(shown.id), "nickname": "@visible", "group": str(group.id)})

    sid = {"id": str(shown.id)}
    assert body == {
        "data": {
            "users": [{"id": str(group.id)}, sid],
            "byId": sid,
            "byNickname": sid,
            "node": sid,
            "nodes": [sid],
            "group": {"membersCount": 1, "members": [sid]},
            "organization": stats(1),
        }
    }


@pytest.mark.parametrize("state", list(HIDDEN_USERS))
async def test_organization_admin_does_not_see_hidden_participants_either(make: Any, execute: Any, state: str) -> None:
    group = await make.group()
    hidden = await make.user(nickname="cache", **HIDDEN_USERS[state])
    await make.membership(user=hidden, group=group)

    body = await execute(
        EVERY_PATH,
        {"id": str(hidden.id), "nickname": "cache", "group": str(group.id)},
        organization=await make.org(None),
        viewer=Viewer(organization_admin=True),
    )

    assert body == nowhere(group)


HIDDEN_GROUPS = {"blocked": {"blocked": True, "blocked_at": NOW}, "deleted": {"deleted_at": NOW}}

GROUP_PATHS = """
query($id: ID!, $nickname: String, $member: ID!) {
  users { id }
  byId: user(id: $id) { id }
  byNickname: user(nickname: $nickname) { id }
  node(id: $id) { id }
  member: user(id: $member) { ... on User { groups { id } } }
}
"""


@pytest.mark.parametrize("state", list(HIDDEN_GROUPS))
async def test_anonymous_visitor_never_sees_a_hidden_group(make: Any, gql: Any, state: str) -> None:
    member = await make.user()
    group = await make.group(nickname="collectif", **HIDDEN_GROUPS[state])
    await make.membership(user=member, group=group)

    body = await gql(GROUP_PATHS, {"id": str(group.id), "nickname": "collectif", "member": str(member.id)})

    assert body == {
        "data": {
            "users": [{"id": str(member.id)}],
            "byId": None,
            "byNickname": None,
            "node": None,
            "member": {"groups": []},
        }
    }


async def test_an_unconfirmed_group_is_shown_as_groups_need_no_confirmation(make: Any, gql: Any) -> None:
    member = await make.user()
    group = await make.group(nickname="collectif", confirmed_at=None)
    await make.membership(user=member, group=group)

    body = await gql(GROUP_PATHS, {"id": str(group.id), "nickname": "collectif", "member": str(member.id)})

    gid = {"id": str(group.id)}
    assert body == {
        "data": {
            "users": [{"id": str(member.id)}, gid],
            "byId": gid,
            "byNickname": gid,
            "node": gid,
            "member": {"groups": [gid]},
        }
    }


@pytest.mark.parametrize("state", ["blocked", "deleted"])
async def test_a_blocked_or_deleted_participant_signed_in_has_no_session(make: Any, execute: Any, state: str) -> None:
    hidden = await make.user(**HIDDEN_USERS[state])

    body = await execute(
        "{ session { user { id } } }", organization=await make.org(None), viewer=Viewer(user_id=hidden.id)
    )

    assert body == {"data": {"session": None}}


async def test_an_unconfirmed_participant_sees_only_themselves_in_session_and_stays_hidden_elsewhere(
    make: Any, execute: Any
) -> None:
    unconfirmed = await make.user(confirmed_at=None)

    body = await execute(
        "query($id: ID!) { session { user { id } } user(id: $id) { id } node(id: $id) { id } users { id } }",
        {"id": str(unconfirmed.id)},
        organization=await make.org(None),
        viewer=Viewer(user_id=unconfirmed.id),
    )

    assert body == {"data": {"session": {"user": {"id": str(unconfirmed.id)}}, "user": None, "node": None, "users": []}}


async def test_filters_never_reveal_hidden_participants(make: Any, gql: Any) -> None:
    await make.user(nickname="velo_cache", name="Vélo caché", confirmed_at=None)
    await make.user(nickname="velo_bloque", name="Vélo bloqué", blocked=True)
    await make.group(nickname="velo_supprime", name="Vélo supprimé", deleted_at=NOW)
    shown = await make.user(nickname="velo_visible", name="Vélo visible")

    body = await gql(
        '{ byWildcard: users(filter: {wildcard: "velo"}) { id }'
        ' byNickname: users(filter: {nickname: "velo"}) { id }'
        ' byName: users(filter: {name: "Vélo"}) { id }'
        ' byType: users(filter: {type: "UserGroup"}) { id } }'
    )

    sid = [{"id": str(shown.id)}]
    assert body == {"data": {"byWildcard": sid, "byNickname": sid, "byName": sid, "byType": []}}
