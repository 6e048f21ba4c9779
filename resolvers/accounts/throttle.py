"""Throttling of requests that guess passwords, probe addresses or send emails.

Each attempt is a row of ``sign_in_attempts``; a limit is "at most N such rows in any window".
Time comes from the database clock, the same one that stamps the rows.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import func, literal, select
from sqlmodel import col

import models
from resolvers.errors import RateLimited

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.accounts.rules import Limit

# Column sizes of sign_in_attempts.
_KEY_LENGTH = 255
_ADDRESS_LENGTH = 64


class Action(StrEnum):
    SIGN_IN = "sign_in"
    REGISTER = "register"
    EMAIL_REQUEST = "email_request"


async def seconds_until_allowed(
    session: AsyncSession,
    *,
    organization_id: int,
    action: Action,
    limit: Limit,
    where: ColumnElement[bool],
    failures_only: bool = False,
    since_success: bool = False,
) -> int:
    """0 when one more attempt fits in the limit, else how long until the oldest counted one ages out.

    ``since_success`` forgets failures before the account's last successful sign-in, as a
    participant who finally remembered their password expects.
    """
    a = models.SignInAttempt
    created_at = col(a.created_at)
    window_start = func.now() - literal(limit.window)
    same_kind = [col(a.organization_id) == organization_id, col(a.action) == action.value, where]
    conditions: list[ColumnElement[bool]] = [*same_kind, created_at > window_start]
    if failures_only:
        conditions.append(col(a.succeeded).is_(False))
    if since_success:
        last_success = select(func.max(created_at)).where(*same_kind, col(a.succeeded).is_(True)).scalar_subquery()
        # Without a success in the window, the window's start is the bound already applied.
        conditions.append(created_at > func.coalesce(last_success, window_start))
    # The limit-th most recent counted attempt: while it is inside the window, the limit is reached.
    stmt = (
        select(func.extract("epoch", created_at + literal(limit.window) - func.now()))
        .where(*conditions)
        .order_by(created_at.desc())
        .offset(limit.attempts - 1)
        .limit(1)
    )
    remaining = (await session.execute(stmt)).scalar()
    return 0 if remaining is None else max(1, math.ceil(float(remaining)))


def account_key(email: str) -> str:
    return email.strip().lower()[:_KEY_LENGTH]


def key_is(key: str) -> ColumnElement[bool]:
    return col(models.SignInAttempt.account_key) == key


def address_is(address: str) -> ColumnElement[bool]:
    return col(models.SignInAttempt.client_address) == address[:_ADDRESS_LENGTH]


def raise_if_waiting(seconds: int, message: str) -> None:
    if seconds > 0:
        raise RateLimited(message, retry_after=seconds)


def add_attempt(
    session: AsyncSession,
    *,
    organization_id: int,
    action: Action,
    key: str,
    address: str,
    succeeded: bool,
) -> None:
    session.add(
        models.SignInAttempt(
            organization_id=organization_id,
            action=action.value,
            account_key=key[:_KEY_LENGTH],
            client_address=address[:_ADDRESS_LENGTH],
            succeeded=succeeded,
        )
    )


async def record_now(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    organization_id: int,
    action: Action,
    key: str,
    address: str,
    succeeded: bool = False,
) -> None:
    """Record an attempt in its own transaction, so it counts even though the request then fails."""
    async with sessionmaker() as session, session.begin():
        add_attempt(
            session, organization_id=organization_id, action=action, key=key, address=address, succeeded=succeeded
        )
