"""Signing in with an email and a password: who may, and what a refusal says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import ANY

from argon2 import PasswordHasher
from sqlalchemy import select

import models
from tests.accounts.conftest import SESSION, SIGN_IN
from tests.builders import PASSWORD, Make

INVALID_CREDENTIALS = {
    "message": "Invalid email or password.",
    "locations": [{"line": 3, "column": 3}],
    "path": ["signIn"],
    "extensions": {"code": "UNAUTHENTICATED", "reason": "INVALID_CREDENTIALS"},
}


async def _token_rows(app: Any) -> list[models.AccessToken]:
    async with app.state.sessionmaker() as session:
        return list((await session.scalars(select(models.AccessToken))).all())


async def test_participant_signs_in_with_email_and_password(make: Make, gql: Any, app: Any) -> None:
    await make.account(email="alice@example.org", nickname="alice")
    before = datetime.now(UTC)

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    assert result == {
        "data": {"signIn": {"token": ANY, "expiresAt": ANY, "confirmed": True, "user": {"nickname": "@alice"}}}
    }
    expires_at = datetime.fromisoformat(result["data"]["signIn"]["expiresAt"])
    assert before + timedelta(days=30) <= expires_at <= datetime.now(UTC) + timedelta(days=30)
    [row] = await _token_rows(app)
    assert row.kind == "session"
    assert row.token_hash != result["data"]["signIn"]["token"]
    assert len(row.token_hash) == 64


async def test_participant_cannot_sign_in_with_wrong_password(make: Make, gql: Any, app: Any) -> None:
    await make.account(email="alice@example.org")

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": "not the password"})

    assert result == {"data": {"signIn": None}, "errors": [INVALID_CREDENTIALS]}
    assert await _token_rows(app) == []


async def test_unknown_address_gets_the_same_answer_as_a_wrong_password(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(SIGN_IN, {"email": "nobody@example.org", "password": PASSWORD})

    assert result == {"data": {"signIn": None}, "errors": [INVALID_CREDENTIALS]}


async def test_account_of_another_organization_cannot_sign_in_here(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org", organization=await make.organization(host="other.test"))
    await make.org(None)

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    assert result == {"data": {"signIn": None}, "errors": [INVALID_CREDENTIALS]}


async def test_unconfirmed_participant_can_sign_in_and_see_their_session(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org", nickname="alice", name="Alice", confirmed_at=None)

    signed_in = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    assert signed_in["data"]["signIn"]["confirmed"] is False
    headers = {"Authorization": f"Bearer {signed_in['data']['signIn']['token']}"}
    assert await gql(SESSION, headers=headers) == {
        "data": {"session": {"user": {"nickname": "@alice", "name": "Alice"}}}
    }


async def test_blocked_participant_cannot_sign_in(make: Make, gql: Any, app: Any) -> None:
    await make.account(email="alice@example.org", blocked=True)

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    assert result["errors"] == [
        {
            **INVALID_CREDENTIALS,
            "message": "This account is blocked.",
            "extensions": {"code": "FORBIDDEN", "reason": "BLOCKED"},
        }
    ]
    assert await _token_rows(app) == []


async def test_blocked_state_is_not_revealed_without_the_password(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org", blocked=True)

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": "a wrong guess"})

    assert result == {"data": {"signIn": None}, "errors": [INVALID_CREDENTIALS]}


async def test_deleted_participant_cannot_sign_in(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org", deleted_at=datetime.now(UTC))

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    assert result == {"data": {"signIn": None}, "errors": [INVALID_CREDENTIALS]}


async def test_password_hash_is_upgraded_when_the_hashing_cost_changes(make: Make, gql: Any, app: Any) -> None:
    user = await make.account(email="alice@example.org")  # hashed with cheap parameters
    assert PasswordHasher().check_needs_rehash(user.encrypted_password or "")

    await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    async with app.state.sessionmaker() as session:
        stored = (await session.get(models.User, user.id)).encrypted_password  # type: ignore[union-attr]
    assert stored != user.encrypted_password
    assert stored.startswith("$argon2id$")  # type: ignore[union-attr]
    assert not PasswordHasher().check_needs_rehash(stored)  # type: ignore[arg-type]
    assert PasswordHasher().verify(stored, PASSWORD)  # type: ignore[arg-type]
