"""Registering, confirming the address, and the whole way to a signed-in session and back."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

import models
from tests.accounts.conftest import REGISTER, SESSION, SIGN_IN, STRONG, Emails, registration, token_in
from tests.builders import Make

CONFIRM = "mutation($token: String!) { confirmEmail(token: $token) { user { nickname } } }"
INVALID = {"code": "BAD_USER_INPUT"}


async def _users(app: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int((await session.execute(select(func.count()).select_from(models.User))).scalar_one())


async def test_visitor_registers_confirms_signs_in_and_signs_out(
    make: Make, gql: Any, client: httpx.AsyncClient, emails: Emails
) -> None:
    await make.org(None)

    registered = await gql(REGISTER, registration())
    assert registered == {"data": {"register": {"user": {"nickname": "@alice", "name": "Alice Martin"}}}}

    [email] = await emails()
    assert (email.to_address, email.kind, email.status) == ("alice@example.org", "confirmation", "logged")
    assert email.body.count("https://participa.test/users/confirmation?confirmation_token=") == 1
    confirmed = await gql(CONFIRM, {"token": token_in(email)})
    assert confirmed == {"data": {"confirmEmail": {"user": {"nickname": "@alice"}}}}

    signed_in = await gql(SIGN_IN, {"email": "Alice@Example.org", "password": STRONG})
    token = signed_in["data"]["signIn"]["token"]
    assert len(token) >= 43  # 32 random bytes, base64url
    assert signed_in["data"]["signIn"]["confirmed"] is True
    headers = {"Authorization": f"Bearer {token}"}

    session = await gql(SESSION, headers=headers)
    assert session == {"data": {"session": {"user": {"nickname": "@alice", "name": "Alice Martin"}}}}

    signed_out = await gql("mutation { signOut }", headers=headers)
    assert signed_out == {"data": {"signOut": True}}

    refused = await client.post("/graphql", json={"query": SESSION}, headers=headers)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert refused.json() == {
        "errors": [
            {
                "message": "The access token is invalid, expired or revoked. Sign in again.",
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ]
    }


async def test_visitor_cannot_register_with_an_email_already_taken(make: Make, gql: Any, emails: Emails) -> None:
    await make.user(email="alice@example.org")

    result = await gql(REGISTER, registration(email="  ALICE@example.org "))

    assert result == {
        "data": {"register": None},
        "errors": [
            {
                "message": "This account cannot be created.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["register"],
                "extensions": {"code": "CONFLICT", "fields": {"email": "has already been taken"}},
            }
        ],
    }
    assert await emails() == []


async def test_visitor_cannot_register_with_a_nickname_already_taken(make: Make, gql: Any, app: Any) -> None:
    await make.user(nickname="alice")
    before = await _users(app)

    result = await gql(REGISTER, registration(nickname="@Alice"))

    assert result["errors"][0]["extensions"] == {"code": "CONFLICT", "fields": {"nickname": "has already been taken"}}
    assert await _users(app) == before


async def test_nickname_of_another_organization_is_free(make: Make, gql: Any) -> None:
    await make.user(nickname="alice", organization=await make.organization(host="other.test"))
    await make.org(None)

    result = await gql(REGISTER, registration())

    assert result == {"data": {"register": {"user": {"nickname": "@alice", "name": "Alice Martin"}}}}


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short1!", "must be at least 10 characters long"),
        ("motdepasse123", "is too common"),
        ("aaaaabbbbbaaaaa", "must use at least 5 different characters"),
        ("alice@example.org", "must not be your email address"),
        ("i-am-alice-2026", "must not contain your nickname"),
    ],
)
async def test_visitor_cannot_register_with_a_weak_password(
    make: Make, gql: Any, emails: Emails, password: str, problem: str
) -> None:
    await make.org(None)

    result = await gql(REGISTER, registration(password=password))

    assert result["data"] == {"register": None}
    assert result["errors"][0]["extensions"] == {**INVALID, "fields": {"password": problem}}
    assert await emails() == []


async def test_visitor_cannot_register_without_accepting_the_terms(make: Make, gql: Any, app: Any) -> None:
    await make.org(None)

    result = await gql(REGISTER, registration(tosAgreement=False))

    assert result["errors"][0]["extensions"] == {**INVALID, "fields": {"tosAgreement": "must be accepted"}}
    assert await _users(app) == 0


async def test_every_invalid_field_is_reported_at_once(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(
        REGISTER, registration(email="not-an-email", nickname="a b", name=" ", locale="de", tosAgreement=False)
    )

    assert result["errors"][0]["message"] == "Some fields are not valid."
    assert result["errors"][0]["extensions"] == {
        **INVALID,
        "fields": {
            "email": "is not a valid email address",
            "nickname": "must be 3 to 20 characters among a-z, 0-9, _ and -",
            "name": "can't be blank",
            "locale": "must be one of fr, en",
            "tosAgreement": "must be accepted",
        },
    }


async def test_registrations_are_throttled_per_client_address(make: Make, gql: Any, use_rules: Any) -> None:
    from datetime import timedelta

    from resolvers.accounts.rules import Limit

    use_rules(registrations_per_address=Limit(2, timedelta(hours=1)))
    await make.org(None)
    await gql(REGISTER, registration(email="a@example.org", nickname="aaa"))
    await gql(REGISTER, registration(email="a@example.org", nickname="bbb"))  # a probe: taken

    result = await gql(REGISTER, registration(email="c@example.org", nickname="ccc"))

    [error] = result["errors"]
    assert error["message"] == "Too many registrations from your network. Try again later."
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert 3500 < error["extensions"]["retryAfter"] <= 3600


async def test_confirmation_link_works_only_once(make: Make, gql: Any, emails: Emails) -> None:
    await make.org(None)
    await gql(REGISTER, registration())
    token = token_in((await emails())[0])
    await gql(CONFIRM, {"token": token})

    again = await gql(CONFIRM, {"token": token})

    assert again["errors"][0]["message"] == "This link was already used, or a newer one replaced it."
    assert again["errors"][0]["extensions"] == {**INVALID, "fields": {"token": "was already used"}, "reason": "USED"}


async def test_unknown_confirmation_token_is_refused(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(CONFIRM, {"token": "not-a-token"})

    assert result["errors"][0]["extensions"] == {**INVALID, "fields": {"token": "is invalid"}, "reason": "INVALID"}


async def test_resent_confirmation_replaces_the_first_link(make: Make, gql: Any, emails: Emails) -> None:
    await make.org(None)
    await gql(REGISTER, registration())

    resent = await gql('mutation { resendConfirmation(email: "alice@example.org") }')

    assert resent == {"data": {"resendConfirmation": True}}
    first, second = await emails(kind="confirmation")
    assert (await gql(CONFIRM, {"token": token_in(first)}))["errors"][0]["extensions"]["reason"] == "USED"
    assert (await gql(CONFIRM, {"token": token_in(second)}))["data"] == {
        "confirmEmail": {"user": {"nickname": "@alice"}}
    }


async def test_resend_confirmation_does_not_reveal_whether_an_address_has_an_account(
    make: Make, gql: Any, emails: Emails
) -> None:
    await make.user(email="confirmed@example.org")

    unknown = await gql('mutation { resendConfirmation(email: "nobody@example.org") }')
    confirmed = await gql('mutation { resendConfirmation(email: "confirmed@example.org") }')

    assert unknown == confirmed == {"data": {"resendConfirmation": True}}
    assert await emails() == []
