"""The admin action log: written inside the caller's transaction, read by organization admins only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import ANY

import pytest
from sqlalchemy import select

import models
from resolvers.traceability.log import changeset, log_action
from resolvers.viewer import Viewer
from resolvers.visibility import Scope
from tests.builders import Make

LOGS = """
query($filter: ActionLogFilter, $first: Int, $after: String) {
  actionLogs(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { userId action resourceType resourceId spaceType spaceId changes visibility }
  }
}
"""

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True, scopes=frozenset({"api:read", "api:write"}))


async def _logged(app: Any, org: models.Organization, viewer: Viewer, **kw: Any) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await log_action(session, Scope(organization_id=org.id, viewer=viewer), **kw)  # type: ignore[arg-type]


async def _rows(app: Any) -> list[models.ActionLog]:
    async with app.state.sessionmaker() as session:
        return list((await session.scalars(select(models.ActionLog).order_by(models.ActionLog.id))).all())


async def _seed(make: Make) -> tuple[models.Organization, models.User, models.User]:
    org = await make.org(None)
    alice = await make.user(admin=True)
    bob = await make.user(admin=True)
    rows = [
        (alice, "process.publish", ("participatory_process", 11), ("participatory_process", 11), T0),
        (bob, "proposal.answer", ("proposal", 21), ("participatory_process", 11), T0 + timedelta(days=1)),
        (alice, "proposal.answer", ("proposal", 22), ("participatory_process", 12), T0 + timedelta(days=2)),
        (alice, "comment.hide", ("comment", 31), ("participatory_process", 12), T0 + timedelta(days=3)),
    ]
    for who, action, resource, space, at in rows:
        await make.save(
            models.ActionLog(
                organization_id=org.id,
                user_id=who.id,
                action=action,
                resource_kind=resource[0],
                resource_id=resource[1],
                space_kind=space[0],
                space_id=space[1],
                created_at=at,
            )
        )
    return org, alice, bob


async def test_log_action_writes_in_the_callers_transaction_and_commits_with_it(make: Make, app: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)

    await _logged(
        app,
        org,
        _admin(admin),
        action="result.update",
        resource=("result", 7),
        space=("participatory_process", 3),
        changes=changeset({"progress": 10, "title": "a"}, {"progress": 50.5, "title": "a", "at": T0}),
    )

    [row] = await _rows(app)
    assert (row.user_id, row.action, row.resource_kind, row.resource_id, row.space_kind, row.space_id) == (
        admin.id,
        "result.update",
        "result",
        7,
        "participatory_process",
        3,
    )
    assert row.changes == {"at": [None, T0.isoformat()], "progress": [10, 50.5]}
    assert row.visibility == "admin-only"
    assert row.created_at is not None


async def test_log_action_is_rolled_back_with_the_write_it_describes(make: Make, app: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)

    class Boom(Exception):
        pass

    async def failing_write() -> None:
        async with app.state.sessionmaker() as session, session.begin():
            await log_action(
                session,
                Scope(organization_id=org.id, viewer=_admin(admin)),  # type: ignore[arg-type]
                action="process.publish",
                resource=("participatory_process", 1),
            )
            # The write fails after logging: the entry must go with it.
            raise Boom

    with pytest.raises(Boom):
        await failing_write()

    assert await _rows(app) == []


async def test_admin_reads_the_log_newest_first_with_a_total(make: Make, execute: Any) -> None:
    org, alice, bob = await _seed(make)

    body = await execute(LOGS, organization=org, viewer=_admin(alice))

    assert body == {
        "data": {
            "actionLogs": {
                "totalCount": 4,
                "pageInfo": {"hasNextPage": False, "endCursor": ANY},
                "nodes": [
                    {
                        "userId": str(alice.id),
                        "action": "comment.hide",
                        "resourceType": "comment",
                        "resourceId": "31",
                        "spaceType": "participatory_process",
                        "spaceId": "12",
                        "changes": {},
                        "visibility": "admin-only",
                    },
                    {
                        "userId": str(alice.id),
                        "action": "proposal.answer",
                        "resourceType": "proposal",
                        "resourceId": "22",
                        "spaceType": "participatory_process",
                        "spaceId": "12",
                        "changes": {},
                        "visibility": "admin-only",
                    },
                    {
                        "userId": str(bob.id),
                        "action": "proposal.answer",
                        "resourceType": "proposal",
                        "resourceId": "21",
                        "spaceType": "participatory_process",
                        "spaceId": "11",
                        "changes": {},
                        "visibility": "admin-only",
                    },
                    {
                        "userId": str(alice.id),
                        "action": "process.publish",
                        "resourceType": "participatory_process",
                        "resourceId": "11",
                        "spaceType": "participatory_process",
                        "spaceId": "11",
                        "changes": {},
                        "visibility": "admin-only",
                    },
                ],
            }
        }
    }


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"action": "proposal.answer"}, ["22", "21"]),
        ({"resourceType": "comment"}, ["31"]),
        ({"spaceId": "11"}, ["21", "11"]),
        ({"since": "2026-03-02T09:00:00+00:00"}, ["31", "22", "21"]),
        ({"before": "2026-03-02T09:00:00+00:00"}, ["11"]),
        ({"since": "2026-03-02T00:00:00+00:00", "before": "2026-03-04T00:00:00+00:00"}, ["22", "21"]),
        ({"action": "proposal.answer", "spaceId": "12"}, ["22"]),
        ({"action": "nothing.like.this"}, []),
    ],
)
async def test_admin_filters_the_log(make: Make, execute: Any, criteria: dict[str, str], expected: list[str]) -> None:
    org, alice, _ = await _seed(make)

    body = await execute(LOGS, {"filter": criteria}, organization=org, viewer=_admin(alice))

    page = body["data"]["actionLogs"]
    assert [n["resourceId"] for n in page["nodes"]] == expected
    assert page["totalCount"] == len(expected)


async def test_admin_filters_the_log_by_who_acted(make: Make, execute: Any) -> None:
    org, alice, bob = await _seed(make)

    body = await execute(LOGS, {"filter": {"userId": str(bob.id)}}, organization=org, viewer=_admin(alice))

    assert [n["resourceId"] for n in body["data"]["actionLogs"]["nodes"]] == ["21"]


async def test_admin_pages_through_the_log_with_cursors(make: Make, execute: Any) -> None:
    org, alice, _ = await _seed(make)
    seen: list[str] = []
    after = None
    for _ in range(3):
        body = await execute(LOGS, {"first": 3, "after": after}, organization=org, viewer=_admin(alice))
        page = body["data"]["actionLogs"]
        assert page["totalCount"] == 4
        seen += [n["resourceId"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert seen == ["31", "22", "21", "11"]


async def test_admin_never_reads_another_organizations_log(make: Make, execute: Any) -> None:
    await _seed(make)
    other = await make.organization()
    admin = await make.user(organization=other, admin=True)

    body = await execute(LOGS, organization=other, viewer=_admin(admin))

    assert body["data"]["actionLogs"]["totalCount"] == 0
    assert body["data"]["actionLogs"]["nodes"] == []


async def test_bad_filter_id_is_bad_user_input(make: Make, execute: Any) -> None:
    org, alice, _ = await _seed(make)

    body = await execute(LOGS, {"filter": {"userId": "abc"}}, organization=org, viewer=_admin(alice))

    assert body["data"] == {"actionLogs": None}
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_participant_is_forbidden_to_read_the_log(make: Make, gql: Any, bearer: Any) -> None:
    await _seed(make)
    participant = await make.user()

    body = await gql(LOGS, headers=await bearer(participant))

    assert body == {
        "data": {"actionLogs": None},
        "errors": [
            {
                "message": "You are not allowed to do this.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["actionLogs"],
                "extensions": {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"},
            }
        ],
    }


async def test_space_admin_is_forbidden_to_read_the_log(make: Make, execute: Any) -> None:
    org, _, _ = await _seed(make)
    process = await make.process()
    space_admin = await make.user()
    await make.save(
        models.SpaceRole(
            organization_id=org.id,
            space_kind="participatory_process",
            space_id=process.id,
            user_id=space_admin.id,
            role="admin",
        )
    )

    body = await execute(LOGS, organization=org, viewer=Viewer(user_id=space_admin.id))

    assert body["errors"][0]["extensions"] == {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}


async def test_anonymous_visitor_must_sign_in_to_read_the_log(make: Make, gql: Any) -> None:
    await _seed(make)

    body = await gql(LOGS)

    assert body == {
        "data": {"actionLogs": None},
        "errors": [
            {
                "message": "Sign in to do this.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["actionLogs"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ],
    }
