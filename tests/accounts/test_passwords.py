"""Changing a password while signed in, and resetting a forgotten one with an emailed token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select, update

import models
from tests.accounts.conftest import SESSION, SIGN_IN, STRONG, Emails, token_in
from tests.builders import PASSWORD, Make

CHANGE = """
mutation Change($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new)
}
"""
REQUEST = "mutation($email: String!) { requestPasswordReset(email: $email) }"
RESET = "mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }"
NEW = "un tout nouveau secret"


async def _status(client: httpx.AsyncClient, token: str) -> int:
    response = await client.post("/graphql", json={"query": SESSION}, headers={"Authorization": f"Bearer {token}"})
    return response.status_code


async def _reset_token(gql: Any, emails: Emails, email: str = "alice@example.org") -> str:
    assert await gql(REQUEST, {"email": email}) == {"data": {"requestPasswordReset": True}}
    return token_in((await emails(kind="password_reset"))[-1])


async def test_participant_changes_password_and_other_sessions_are_signed_out(
    make: Make, gql: Any, client: httpx.AsyncClient
) -> None:
    user = await make.account(email="alice@example.org")
    here, elsewhere = await make.signed_in(user), await make.signed_in(user)

    result = await gql(CHANGE, {"current": PASSWORD, "new": NEW}, headers={"Authorization": f"Bearer {here}"})

    assert result == {"data": {"changePassword": True}}
    assert await _status(client, here) == 200
    assert await _status(client, elsewhere) == 401
    signed_in = await gql(SIGN_IN, {"email": "alice@example.org", "password": NEW})
    assert signed_in["data"]["signIn"]["token"]


async def test_participant_cannot_change_password_without_the_current_one(
    make: Make, gql: Any, client: httpx.AsyncClient, bearer: Any
) -> None:
    user = await make.account(email="alice@example.org")
    other_session = await make.signed_in(user)

    result = await gql(CHANGE, {"current": "a wrong guess", "new": NEW}, headers=await bearer(user))

    assert result["data"] == {"changePassword": None}
    assert result["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {"currentPassword": "is not correct"},
    }
    assert await _status(client, other_session) == 200
    assert (await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD}))["data"]["signIn"]["token"]


async def test_participant_cannot_change_to_a_weak_password(make: Make, gql: Any, bearer: Any) -> None:
    user = await make.account()

    result = await gql(CHANGE, {"current": PASSWORD, "new": "1234567890"}, headers=await bearer(user))

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"newPassword": "is too common"}}


async def test_anonymous_visitor_cannot_change_a_password(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(CHANGE, {"current": PASSWORD, "new": NEW})

    assert result["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


async def test_participant_resets_a_forgotten_password(
    make: Make, gql: Any, client: httpx.AsyncClient, emails: Emails
) -> None:
    user = await make.account(email="alice@example.org")
    old_session = await make.signed_in(user)
    token = await _reset_token(gql, emails)

    result = await gql(RESET, {"token": token, "password": NEW})

    assert result == {"data": {"resetPassword": True}}
    assert await _status(client, old_session) == 401
    assert (await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD}))["errors"]
    assert (await gql(SIGN_IN, {"email": "alice@example.org", "password": NEW}))["data"]["signIn"]["token"]


async def test_reset_token_cannot_be_used_twice(make: Make, gql: Any, emails: Emails) -> None:
    await make.account(email="alice@example.org")
    token = await _reset_token(gql, emails)
    await gql(RESET, {"token": token, "password": NEW})

    again = await gql(RESET, {"token": token, "password": STRONG})

    assert again["data"] == {"resetPassword": None}
    assert again["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {"token": "was already used"},
        "reason": "USED",
    }
    assert (await gql(SIGN_IN, {"email": "alice@example.org", "password": NEW}))["data"]["signIn"]["token"]


async def test_expired_reset_token_is_refused(make: Make, gql: Any, emails: Emails, app: Any) -> None:
    await make.account(email="alice@example.org")
    token = await _reset_token(gql, emails)
    async with app.state.sessionmaker() as session, session.begin():
        past = datetime.now(UTC) - timedelta(seconds=1)
        await session.execute(update(models.UserToken).values(expires_at=past))

    result = await gql(RESET, {"token": token, "password": NEW})

    assert result["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {"token": "has expired"},
        "reason": "EXPIRED",
    }


async def test_weak_new_password_leaves_the_reset_token_usable(make: Make, gql: Any, emails: Emails) -> None:
    await make.account(email="alice@example.org")
    token = await _reset_token(gql, emails)

    weak = await gql(RESET, {"token": token, "password": "short"})

    assert weak["errors"][0]["extensions"]["fields"] == {"newPassword": "must be at least 10 characters long"}
    assert await gql(RESET, {"token": token, "password": NEW}) == {"data": {"resetPassword": True}}


async def test_reset_request_does_not_reveal_whether_an_address_has_an_account(
    make: Make, gql: Any, emails: Emails
) -> None:
    await make.account(email="alice@example.org")

    unknown = await gql(REQUEST, {"email": "nobody@example.org"})
    known = await gql(REQUEST, {"email": "ALICE@example.org"})

    assert unknown == known == {"data": {"requestPasswordReset": True}}
    assert [e.to_address for e in await emails()] == ["alice@example.org"]


async def test_reset_confirms_an_unconfirmed_address(make: Make, gql: Any, emails: Emails, app: Any) -> None:
    user = await make.account(email="alice@example.org", confirmed_at=None)
    token = await _reset_token(gql, emails)

    await gql(RESET, {"token": token, "password": NEW})

    async with app.state.sessionmaker() as session:
        stmt = select(models.User.confirmed_at).where(models.User.id == user.id)
        assert (await session.execute(stmt)).scalar_one() is not None


async def test_reset_requests_are_throttled_per_address_and_account(make: Make, gql: Any, emails: Emails) -> None:
    await make.account(email="alice@example.org")
    for _ in range(3):
        await gql(REQUEST, {"email": "alice@example.org"})

    result = await gql(REQUEST, {"email": "alice@example.org"})

    assert result["data"] == {"requestPasswordReset": None}
    assert result["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert len(await emails()) == 3
