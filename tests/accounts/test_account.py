"""Changing one's own profile, signing out, and what unconfirmed participants may not do."""

from __future__ import annotations

from typing import Any

import httpx

from tests.accounts.conftest import SESSION
from tests.builders import Make

UPDATE = """
mutation Update($input: UpdateAccountInput!) {
  updateAccount(input: $input) { user { nickname name } }
}
"""


async def test_participant_updates_their_profile(make: Make, gql: Any, bearer: Any) -> None:
    user = await make.user(nickname="alice", name="Alice")
    headers = await bearer(user)

    result = await gql(UPDATE, {"input": {"name": "Alice M.", "nickname": "Alice_M", "locale": "en"}}, headers=headers)

    assert result == {"data": {"updateAccount": {"user": {"nickname": "@alice_m", "name": "Alice M."}}}}
    assert await gql(SESSION, headers=headers) == {
        "data": {"session": {"user": {"nickname": "@alice_m", "name": "Alice M."}}}
    }


async def test_participant_cannot_take_a_nickname_already_used(make: Make, gql: Any, bearer: Any) -> None:
    await make.user(nickname="bob")
    user = await make.user(nickname="alice")

    result = await gql(UPDATE, {"input": {"nickname": "BOB"}}, headers=await bearer(user))

    assert result["data"] == {"updateAccount": None}
    assert result["errors"][0]["extensions"] == {"code": "CONFLICT", "fields": {"nickname": "has already been taken"}}


async def test_participant_cannot_set_an_invalid_profile(make: Make, gql: Any, bearer: Any) -> None:
    user = await make.user()

    result = await gql(UPDATE, {"input": {"name": "", "nickname": "x", "locale": "de"}}, headers=await bearer(user))

    assert result["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {
            "name": "can't be blank",
            "nickname": "must be 3 to 20 characters among a-z, 0-9, _ and -",
            "locale": "must be one of fr, en",
        },
    }


async def test_unconfirmed_participant_cannot_act(make: Make, gql: Any, bearer: Any) -> None:
    user = await make.user(confirmed_at=None, name="Alice")

    result = await gql(UPDATE, {"input": {"name": "Someone else"}}, headers=await bearer(user))

    assert result["data"] == {"updateAccount": None}
    assert result["errors"][0]["message"] == "Confirm your email address before taking part."
    assert result["errors"][0]["extensions"] == {"code": "FORBIDDEN", "reason": "UNCONFIRMED"}


async def test_anonymous_visitor_cannot_update_an_account(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(UPDATE, {"input": {"name": "Someone"}})

    assert result["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


async def test_sign_out_revokes_only_the_token_it_is_made_with(make: Make, gql: Any, client: httpx.AsyncClient) -> None:
    user = await make.user()
    here, elsewhere = await make.signed_in(user), await make.signed_in(user)

    assert await gql("mutation { signOut }", headers={"Authorization": f"Bearer {here}"}) == {"data": {"signOut": True}}

    assert (await gql(SESSION, headers={"Authorization": f"Bearer {elsewhere}"}))["data"]["session"] is not None
    response = await client.post("/graphql", json={"query": SESSION}, headers={"Authorization": f"Bearer {here}"})
    assert response.status_code == 401


async def test_anonymous_visitor_cannot_sign_out(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql("mutation { signOut }")

    assert result["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
