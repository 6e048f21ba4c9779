"""``users(filter, order)``, ``user(id, nickname)``, groups and ``session``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from resolvers.viewer import Viewer

USERS = "query($filter: UserEntityFilter, $order: UserEntitySort) { users(filter: $filter, order: $order) { id } }"


def listed(*rows: Any) -> dict[str, Any]:
    return {"data": {"users": [{"id": str(r.id)} for r in rows]}}


async def users(gql: Any, *, filter: Any = None, order: Any = None) -> dict[str, Any]:
    return await gql(USERS, {"filter": filter, "order": order})  # type: ignore[no-any-return]


async def test_anonymous_visitor_lists_participants_and_groups_in_id_order(make: Any, gql: Any) -> None:
    camille = await make.user(nickname="camille", name="Camille Martin", avatar_url="/avatars/camille.png")
    velo = await make.group(nickname="velocampus", name="Vélocampus", verified_at=datetime(2026, 1, 2, tzinfo=UTC))

    body = await gql(
        "{ users { __typename id name nickname avatarUrl profilePath badge deleted"
        ' organizationName { translation(locale: "fr") } ... on User { directMessagesEnabled } } }'
    )

    org_name = {"translation": (await make.org(None)).name["fr"]}
    assert body == {
        "data": {
            "users": [
                {
                    "__typename": "User",
                    "id": str(camille.id),
                    "name": "Camille Martin",
                    "nickname": "@camille",
                    "avatarUrl": "/avatars/camille.png",
                    "profilePath": "/profiles/camille",
                    "badge": "",
                    "deleted": False,
                    "organizationName": org_name,
                    "directMessagesEnabled": "false",
                },
                {
                    "__typename": "UserGroup",
                    "id": str(velo.id),
                    "name": "Vélocampus",
                    "nickname": "@velocampus",
                    "avatarUrl": "/static/default-avatar.svg",
                    "profilePath": "/profiles/velocampus",
                    "badge": "verified",
                    "deleted": False,
                    "organizationName": org_name,
                },
            ]
        }
    }


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        ("User", "user"),
        ("user", "user"),
        ("UserGroup", "group"),
        ("Group", "group"),
        ("usergroup", "group"),
        ("user_group", "group"),
    ],
)
async def test_type_filter_keeps_participants_or_groups(make: Any, gql: Any, type_name: str, expected: str) -> None:
    rows = {"user": await make.user(), "group": await make.group()}

    body = await users(gql, filter={"type": type_name})

    assert body == listed(rows[expected])


async def test_name_filter_is_a_case_insensitive_substring(make: Any, gql: Any) -> None:
    camille = await make.user(name="Camille Martin")
    await make.user(name="Louis Dupont")
    martine = await make.group(name="Les amis de MARTINE")

    body = await users(gql, filter={"name": "martin"})

    assert body == listed(camille, martine)


@pytest.mark.parametrize("nickname", ["velo", "@velo", "VELO"])
async def test_nickname_filter_is_a_substring_with_or_without_at_sign(make: Any, gql: Any, nickname: str) -> None:
    cyclist = await make.user(nickname="fan_de_velo", name="Camille")
    await make.user(nickname="pieton", name="Vélo Louis")

    body = await users(gql, filter={"nickname": nickname})

    assert body == listed(cyclist)


async def test_wildcard_matches_the_name_or_the_nickname(make: Any, gql: Any) -> None:
    by_nickname = await make.user(nickname="nantes_a_velo", name="Camille")
    by_name = await make.group(nickname="asso44", name="Collectif Nantes Vélo")
    await make.user(nickname="rezeen", name="Louis")

    body = await users(gql, filter={"wildcard": "nantes"})

    assert body == listed(by_nickname, by_name)


async def test_wildcard_treats_like_wildcards_literally(make: Any, gql: Any) -> None:
    await make.user(nickname="camille", name="Camille")
    underscored = await make.user(nickname="jean_luc", name="Jean-Luc")

    body = await users(gql, filter={"wildcard": "_"})

    assert body == listed(underscored)


async def test_exclude_ids_leaves_those_participants_out(make: Any, gql: Any) -> None:
    a = await make.user()
    b = await make.user()
    c = await make.group()

    body = await users(gql, filter={"excludeIds": [str(a.id), str(c.id)]})

    assert body == listed(b)


async def test_filters_combine(make: Any, gql: Any) -> None:
    keep = await make.user(nickname="camille_velo", name="Camille")
    excluded = await make.user(nickname="velo_louis", name="Louis")
    await make.group(nickname="velo_club", name="Club")

    body = await users(gql, filter={"type": "User", "wildcard": "velo", "excludeIds": [str(excluded.id)]})

    assert body == listed(keep)


async def test_order_by_name_ignores_case_and_breaks_ties_by_id(make: Any, gql: Any) -> None:
    zoe = await make.user(name="zoé")
    adele_first = await make.user(name="Adèle")
    bruno = await make.user(name="Bruno")
    adele_second = await make.user(name="adèle")

    body = await users(gql, order={"name": "asc"})

    assert body == listed(adele_first, adele_second, bruno, zoe)


async def test_order_by_nickname_descending(make: Any, gql: Any) -> None:
    b = await make.user(nickname="bruno")
    a = await make.user(nickname="adele")
    c = await make.user(nickname="camille")

    body = await users(gql, order={"nickname": "DESC"})

    assert body == listed(c, b, a)


async def test_order_by_type_sorts_decidim_type_names_so_users_come_first_ascending(make: Any, gql: Any) -> None:
    user_a = await make.user()
    group = await make.group()
    user_b = await make.user()

    ascending = await users(gql, order={"type": "ASC"})
    descending = await users(gql, order={"type": "DESC"})
    by_id = await users(gql, order={"id": "desc"})

    assert ascending == listed(user_a, user_b, group)  # "Decidim::User" < "Decidim::UserGroup"
    assert descending == listed(group, user_a, user_b)
    assert by_id == listed(user_b, group, user_a)


def bad_users(message: str, fields: dict[str, str]) -> dict[str, Any]:
    return {
        "data": {"users": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 1, "column": USERS.index("users(") + 1}],
                "path": ["users"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": fields},
            }
        ],
    }


@pytest.mark.parametrize(
    ("filter", "order", "message", "fields"),
    [
        (
            {"type": "Admin"},
            None,
            "Unknown participant type 'Admin': use User or UserGroup.",
            {"type": "must be User or UserGroup"},
        ),
        (
            {"excludeIds": ["1", "camille"]},
            None,
            "Invalid id 'camille' for filter.excludeIds: ids are integers.",
            {"filter.excludeIds": "must be an integer id"},
        ),
        (
            None,
            {"name": "UP"},
            'Invalid sort direction \'UP\' for order.name: use "ASC" or "DESC".',
            {"order.name": "must be ASC or DESC"},
        ),
        (
            None,
            {"id": ""},
            'Invalid sort direction \'\' for order.id: use "ASC" or "DESC".',
            {"order.id": "must be ASC or DESC"},
        ),
    ],
)
async def test_anonymous_visitor_gets_bad_user_input_for_invalid_user_arguments(
    make: Any, gql: Any, *, filter: Any, order: Any, message: str, fields: dict[str, str]
) -> None:
    await make.user()

    body = await users(gql, filter=filter, order=order)

    assert body == bad_users(message, fields)


async def test_anonymous_visitor_finds_a_participant_by_id(make: Any, gql: Any) -> None:
    camille = await make.user(nickname="camille")

    body = await gql(
        "query($id: ID) { user(id: $id) { __typename id nickname } }",
        {"id": str(camille.id)},
    )

    assert body == {"data": {"user": {"__typename": "User", "id": str(camille.id), "nickname": "@camille"}}}


@pytest.mark.parametrize("nickname", ["velocampus", "@velocampus"])
async def test_anonymous_visitor_finds_a_group_by_nickname_with_or_without_at_sign(
    make: Any, gql: Any, nickname: str
) -> None:
    group = await make.group(nickname="velocampus")

    body = await gql("query($n: String) { user(nickname: $n) { __typename id } }", {"n": nickname})

    assert body == {"data": {"user": {"__typename": "UserGroup", "id": str(group.id)}}}


async def test_user_finder_returns_null_for_unknown_or_mismatched_arguments(make: Any, gql: Any) -> None:
    camille = await make.user(nickname="camille")
    louis = await make.user(nickname="louis")
    query = "query($id: ID, $n: String) { user(id: $id, nickname: $n) { id } }"

    unknown_id = await gql(query, {"id": "999999"})
    unknown_nickname = await gql(query, {"n": "personne"})
    mismatch = await gql(query, {"id": str(louis.id), "n": "camille"})
    both_match = await gql(query, {"id": str(camille.id), "n": "@camille"})
    neither = await gql(query)

    assert unknown_id == {"data": {"user": None}}
    assert unknown_nickname == {"data": {"user": None}}
    assert mismatch == {"data": {"user": None}}
    assert both_match == {"data": {"user": {"id": str(camille.id)}}}
    assert neither == {"data": {"user": None}}


async def test_user_finder_does_not_match_a_partial_nickname(make: Any, gql: Any) -> None:
    await make.user(nickname="camille")

    body = await gql('{ user(nickname: "cam") { id } }')

    assert body == {"data": {"user": None}}


async def test_groups_list_their_active_members_and_members_their_groups(make: Any, gql: Any) -> None:
    camille = await make.user()
    louis = await make.user()
    pending = await make.user()
    group = await make.group()
    other_group = await make.group()
    await make.membership(user=louis, group=group, role="admin")
    await make.membership(user=camille, group=group, role="creator")
    await make.membership(user=pending, group=group, role="requested")
    await make.membership(user=camille, group=other_group)

    body = await gql("{ users { id ... on User { groups { id } } ... on UserGroup { membersCount members { id } } } }")

    assert body == {
        "data": {
            "users": [
                {"id": str(camille.id), "groups": [{"id": str(group.id)}, {"id": str(other_group.id)}]},
                {"id": str(louis.id), "groups": [{"id": str(group.id)}]},
                {"id": str(pending.id), "groups": []},
                {"id": str(group.id), "membersCount": 2, "members": [{"id": str(camille.id)}, {"id": str(louis.id)}]},
                {"id": str(other_group.id), "membersCount": 1, "members": [{"id": str(camille.id)}]},
            ]
        }
    }


async def test_anonymous_visitor_has_no_session(make: Any, gql: Any) -> None:
    await make.user()

    body = await gql("{ session { user { id } } }")

    assert body == {"data": {"session": None}}


async def test_signed_in_participant_sees_their_session_and_verified_groups(make: Any, execute: Any) -> None:
    org = await make.org(None)
    camille = await make.user(nickname="camille")
    verified = await make.group(verified_at=datetime(2026, 1, 2, tzinfo=UTC))
    unverified = await make.group()
    await make.membership(user=camille, group=verified)
    await make.membership(user=camille, group=unverified)

    body = await execute(
        "{ session { user { id nickname directMessagesEnabled } verifiedUserGroups { id } } }",
        organization=org,
        viewer=Viewer(user_id=camille.id),
    )

    assert body == {
        "data": {
            "session": {
                "user": {"id": str(camille.id), "nickname": "@camille", "directMessagesEnabled": "true"},
                "verifiedUserGroups": [{"id": str(verified.id)}],
            }
        }
    }


async def test_signed_in_participant_sees_who_accepts_direct_messages(make: Any, execute: Any) -> None:
    org = await make.org(None)
    viewer = await make.user()
    open_user = await make.user(direct_messages_enabled=True)
    closed_user = await make.user(direct_messages_enabled=False)

    body = await execute(
        "query($ids: [ID!]) { users(filter: {excludeIds: $ids}) { id ... on User { directMessagesEnabled } } }",
        {"ids": [str(viewer.id)]},
        organization=org,
        viewer=Viewer(user_id=viewer.id),
    )

    assert body == {
        "data": {
            "users": [
                {"id": str(open_user.id), "directMessagesEnabled": "true"},
                {"id": str(closed_user.id), "directMessagesEnabled": "false"},
            ]
        }
    }
