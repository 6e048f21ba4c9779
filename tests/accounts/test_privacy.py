"""No email address, password hash or token hash ever leaves the API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import models
from tests.accounts.conftest import REGISTER, SESSION, SIGN_IN, STRONG, Emails, registration, token_in
from tests.builders import Make

INTROSPECT = "{ __schema { types { name fields { name } } } }"
PRIVATE_NAMES = {"email", "encryptedPassword", "password", "tokenHash"}


async def test_no_response_carries_an_email_a_password_hash_or_a_token_hash(
    make: Make, gql: Any, app: Any, emails: Emails
) -> None:
    await make.org(None)
    bodies: list[str] = []

    async def run(query: str, variables: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
        result = await gql(query, variables, **kw)
        bodies.append(repr(result))
        return result

    await run(REGISTER, registration())
    await run(REGISTER, registration(nickname="other"))  # taken email: the error must not echo it
    await run(
        "mutation($t: String!) { confirmEmail(token: $t) { user { id name nickname } } }",
        {"t": token_in((await emails())[0])},
    )
    signed = await run(SIGN_IN, {"email": "alice@example.org", "password": STRONG})
    headers = {"Authorization": f"Bearer {signed['data']['signIn']['token']}"}
    await run(SESSION, headers=headers)
    await run("{ users { id name nickname } }", headers=headers)
    await run('{ user(nickname: "alice") { id name nickname } }', headers=headers)

    async with app.state.sessionmaker() as session:
        user = (await session.scalars(select(models.User))).one()
        hashes = list((await session.scalars(select(models.AccessToken.token_hash))).all())
        hashes += list((await session.scalars(select(models.UserToken.token_hash))).all())
    secrets = ["alice@example.org", user.encrypted_password or "", *hashes]
    text = "\n".join(bodies).lower()
    assert [s for s in secrets if s.lower() in text] == []


async def test_no_output_type_has_a_private_field(make: Make, gql: Any) -> None:
    await make.org(None)

    result = await gql(INTROSPECT)

    exposed = {
        (t["name"], f["name"])
        for t in result["data"]["__schema"]["types"]
        for f in (t["fields"] or [])
        if f["name"] in PRIVATE_NAMES
    }
    assert exposed == set()
