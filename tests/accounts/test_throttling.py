"""Failed sign-ins are throttled per account and per client address, aliases included."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

import models
from resolvers.accounts.passwords import Passwords
from tests.accounts.conftest import SIGN_IN
from tests.builders import PASSWORD, Make
from tests.conftest import TEST_HOST

TOO_MANY = "Too many failed sign-in attempts. Try again later."


@pytest.fixture(autouse=True)
def _cheap_hashing(use_rules: Any) -> None:
    # Throttling is about counting; cheap hashing keeps dozens of attempts fast.
    use_rules(passwords=Passwords(time_cost=1, memory_kib=8, parallelism=1))


def _aliased_sign_ins(emails: list[str], password: str) -> str:
    fields = "\n".join(
        f'  a{i}: signIn(email: "{email}", password: "{password}") {{ token }}' for i, email in enumerate(emails)
    )
    return f"mutation {{\n{fields}\n}}"


def _codes(result: dict[str, Any]) -> list[str]:
    ordered = sorted(result["errors"], key=lambda e: int(e["path"][0][1:]))
    return [e["extensions"]["code"] for e in ordered]


async def _failures(app: Any) -> int:
    a = models.SignInAttempt
    async with app.state.sessionmaker() as session:
        stmt = select(func.count()).select_from(a).where(a.succeeded.is_(False))  # type: ignore[attr-defined]
        return int((await session.execute(stmt)).scalar_one())


@pytest.fixture
async def other_client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client calling from another address."""
    transport = httpx.ASGITransport(app=app, client=("198.51.100.2", 4000))
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{TEST_HOST}") as c:
        yield c


async def test_sixth_attempt_on_an_account_is_refused_without_checking_the_password(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org")
    for _ in range(5):
        failed = await gql(SIGN_IN, {"email": "alice@example.org", "password": "a wrong guess"})
        assert failed["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    result = await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD})

    [error] = result["errors"]
    assert error["message"] == TOO_MANY
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert 890 <= error["extensions"]["retryAfter"] <= 900


async def test_ten_aliased_attempts_in_one_document_are_counted_one_by_one(make: Make, gql: Any, app: Any) -> None:
    await make.account(email="alice@example.org")

    result = await gql(_aliased_sign_ins(["alice@example.org"] * 10, "a wrong guess"))

    assert result["data"] == {f"a{i}": None for i in range(10)}
    assert _codes(result) == ["UNAUTHENTICATED"] * 5 + ["RATE_LIMITED"] * 5
    assert await _failures(app) == 5


async def test_failures_from_one_address_are_limited_across_accounts(
    make: Make, gql: Any, other_client: httpx.AsyncClient
) -> None:
    await make.account(email="alice@example.org")
    guesses = [f"someone{i}@example.org" for i in range(20)]

    probing = await gql(_aliased_sign_ins([*guesses, "alice@example.org"], PASSWORD))

    assert _codes(probing) == ["UNAUTHENTICATED"] * 20 + ["RATE_LIMITED"]
    elsewhere = await other_client.post(
        "/graphql", json={"query": SIGN_IN, "variables": {"email": "alice@example.org", "password": PASSWORD}}
    )
    assert elsewhere.json()["data"]["signIn"]["token"]


async def test_forged_forwarded_for_header_does_not_escape_the_address_limit(make: Make, gql: Any) -> None:
    await make.org(None)
    for i in range(20):
        headers = {"X-Forwarded-For": f"203.0.113.{i}"}
        await gql(SIGN_IN, {"email": f"someone{i}@example.org", "password": "guess"}, headers=headers)

    result = await gql(SIGN_IN, {"email": "x@example.org", "password": "guess"}, headers={"X-Forwarded-For": "1.2.3.4"})

    assert result["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_successful_sign_in_forgives_earlier_failures_of_the_account(make: Make, gql: Any) -> None:
    await make.account(email="alice@example.org")
    wrong = {"email": "alice@example.org", "password": "a wrong guess"}
    for _ in range(4):
        await gql(SIGN_IN, wrong)
    assert (await gql(SIGN_IN, {"email": "alice@example.org", "password": PASSWORD}))["data"]["signIn"]["token"]

    result = await gql(_aliased_sign_ins(["alice@example.org"] * 6, "a wrong guess"))

    assert _codes(result) == ["UNAUTHENTICATED"] * 5 + ["RATE_LIMITED"]
