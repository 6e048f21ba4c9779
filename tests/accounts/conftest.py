"""Helpers of the account tests: the outbox (where tokens arrive), rules and mail delivery swaps."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

import pytest
from sqlalchemy import select

import models
from app.mail import OutboxDelivery, SmtpTransport
from app.settings import MailSettings
from resolvers.accounts.rules import AccountRules

REGISTER = """
mutation Register($input: RegisterInput!) {
  register(input: $input) { user { nickname name } }
}
"""
SIGN_IN = """
mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token expiresAt confirmed user { nickname } }
}
"""
SESSION = "{ session { user { nickname name } } }"
STRONG = "une phrase de passe solide"

_TOKEN = re.compile(r"(?:confirmation_token|reset_password_token)=([^\s&]+)")

Emails = Callable[..., Awaitable[list[models.OutboxEmail]]]


def registration(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "email": "alice@example.org",
        "password": STRONG,
        "nickname": "alice",
        "name": "Alice Martin",
        "locale": "fr",
        "tosAgreement": True,
    }
    return {"input": values | overrides}


def token_in(email: models.OutboxEmail) -> str:
    """The one-time token an account email carries (in its link)."""
    found = _TOKEN.search(email.body)
    assert found, email.body
    return unquote(found.group(1))


@pytest.fixture
def emails(app: Any) -> Emails:
    """Outbox rows, oldest first, optionally only those of one ``kind``."""

    async def rows(*, kind: str | None = None) -> list[models.OutboxEmail]:
        e = models.OutboxEmail
        stmt = select(e).order_by(e.id)  # type: ignore[arg-type]
        if kind is not None:
            stmt = stmt.where(e.kind == kind)  # type: ignore[arg-type]
        async with app.state.sessionmaker() as session:
            return list((await session.scalars(stmt)).all())

    return rows


@pytest.fixture
def use_rules(app: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AccountRules]:
    """Swap the application's account rules for this test: ``use_rules(session_ttl=...)``."""

    def swap(**changes: Any) -> AccountRules:
        rules = AccountRules(**changes)
        monkeypatch.setattr(app.state, "account_rules", rules, raising=False)
        return rules

    return swap


@pytest.fixture
def unreachable_smtp(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deliver through SMTP on a port where nothing listens."""
    settings = MailSettings(smtp_host="127.0.0.1", smtp_port=1, smtp_starttls=False, smtp_timeout_seconds=2)
    delivery = OutboxDelivery(app.state.sessionmaker, SmtpTransport(settings))
    monkeypatch.setattr(app.state, "mail_delivery", delivery, raising=False)
