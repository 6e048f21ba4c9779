"""Bearer tokens on /graphql: who a token stands for, and the 401 for one that stands for nobody."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

import models
from app.auth import client_address
from tests.accounts.conftest import SESSION
from tests.builders import Make

REFUSED = {
    "errors": [
        {
            "message": "The access token is invalid, expired or revoked. Sign in again.",
            "extensions": {"code": "UNAUTHENTICATED"},
        }
    ]
}


async def _refused(client: httpx.AsyncClient, token: str, *, host: str = "participa.test") -> None:
    response = await client.post(
        "/graphql", json={"query": SESSION}, headers={"Authorization": f"Bearer {token}", "host": host}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert response.json() == REFUSED


async def test_signed_in_participant_sees_their_session(make: Make, gql: Any, bearer: Any) -> None:
    user = await make.user(nickname="alice", name="Alice")

    result = await gql(SESSION, headers=await bearer(user))

    assert result == {"data": {"session": {"user": {"nickname": "@alice", "name": "Alice"}}}}


async def test_request_without_a_token_is_anonymous(make: Make, gql: Any) -> None:
    await make.org(None)

    assert await gql(SESSION) == {"data": {"session": None}}


async def test_other_authorization_schemes_are_not_ours_and_are_ignored(make: Make, gql: Any) -> None:
    await make.org(None)

    assert await gql(SESSION, headers={"Authorization": "Basic c3RhZ2luZzpzdGFnaW5n"}) == {"data": {"session": None}}


async def test_unknown_token_is_refused_with_401(make: Make, client: httpx.AsyncClient) -> None:
    await make.org(None)

    await _refused(client, "not-a-token-we-issued")


async def test_empty_bearer_token_is_refused(make: Make, client: httpx.AsyncClient) -> None:
    await make.org(None)
    response = await client.post("/graphql", json={"query": SESSION}, headers={"Authorization": "Bearer "})

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


async def test_expired_token_is_refused(make: Make, client: httpx.AsyncClient) -> None:
    user = await make.user()
    token = await make.signed_in(user, expires_at=datetime.now(UTC) - timedelta(seconds=1))

    await _refused(client, token)


async def test_revoked_token_is_refused(make: Make, client: httpx.AsyncClient) -> None:
    user = await make.user()
    token = await make.signed_in(user, revoked_at=datetime.now(UTC))

    await _refused(client, token)


async def test_token_issued_on_one_organization_is_refused_on_another(make: Make, client: httpx.AsyncClient) -> None:
    a = await make.organization(host="a.test")
    await make.organization(host="b.test")
    token = await make.signed_in(await make.user(organization=a))

    await _refused(client, token, host="b.test")


async def test_blocked_participant_token_stops_working(make: Make, client: httpx.AsyncClient) -> None:
    token = await make.signed_in(await make.user(blocked=True))

    await _refused(client, token)


async def test_admin_token_gives_admin_visibility(make: Make, gql: Any, bearer: Any) -> None:
    await make.process(slug="draft", published_at=None)
    query = "{ participatoryProcesses { slug } }"

    as_admin = await gql(query, headers=await bearer(await make.user(admin=True)))
    as_participant = await gql(query, headers=await bearer(await make.user()))

    assert as_admin == {"data": {"participatoryProcesses": [{"slug": "draft"}]}}
    assert as_participant == {"data": {"participatoryProcesses": []}}


async def test_last_use_is_written_at_most_once_a_minute(make: Make, gql: Any, app: Any) -> None:
    user = await make.user()
    token, row = await make.access_token(user)
    headers = {"Authorization": f"Bearer {token}"}

    async def last_used() -> datetime | None:
        async with app.state.sessionmaker() as session:
            stmt = select(models.AccessToken.last_used_at).where(models.AccessToken.id == row.id)
            return (await session.execute(stmt)).scalar_one()

    await gql(SESSION, headers=headers)
    first = await last_used()
    await gql(SESSION, headers=headers)
    assert first is not None
    assert await last_used() == first


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, ["203.0.113.7"], "127.0.0.9"),  # not trusted: any client can write the header
        (1, ["198.51.100.1, 203.0.113.7"], "203.0.113.7"),  # our proxy appended the last entry
        (2, ["198.51.100.1, 203.0.113.7", "10.0.0.2"], "203.0.113.7"),
        (2, ["203.0.113.7"], "127.0.0.9"),  # fewer entries than proxies: the header is not ours
    ],
)
def test_client_address_believes_only_trusted_proxies(hops: int, forwarded: list[str], expected: str) -> None:
    from starlette.requests import Request

    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    request = Request({"type": "http", "headers": headers, "client": ("127.0.0.9", 5000)})

    assert client_address(request, trusted_proxy_hops=hops) == expected
