"""Signing in (email and password for a bearer token) and out.

Failed sign-ins are throttled per account and per client address. The limits are checked
before the password, and each failure is committed before the error is raised, so attempts
batched in one document (aliases run one after the other) are counted one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import update

import models
from resolvers.accounts import throttle
from resolvers.accounts.queries import user_by_email
from resolvers.accounts.tokens import issue_access_token, now
from resolvers.errors import Forbidden, Unauthenticated

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.accounts.rules import AccountsEnv
    from resolvers.visibility import Scope

TOO_MANY = "Too many failed sign-in attempts. Try again later."


@dataclass(frozen=True, slots=True)
class SignedIn:
    token: str
    expires_at: datetime
    user: models.User


async def sign_in_wait(session: AsyncSession, *, organization_id: int, env: AccountsEnv, key: str) -> int:
    """Seconds before this account may be tried again from this address (0: now)."""
    rules = env.rules
    per_account = await throttle.seconds_until_allowed(
        session,
        organization_id=organization_id,
        action=throttle.Action.SIGN_IN,
        limit=rules.failed_sign_ins_per_account,
        where=throttle.key_is(key),
        failures_only=True,
        since_success=True,
    )
    # Per address a success does not forgive: one known password must not unlock guessing others.
    per_address = await throttle.seconds_until_allowed(
        session,
        organization_id=organization_id,
        action=throttle.Action.SIGN_IN,
        limit=rules.failed_sign_ins_per_address,
        where=throttle.address_is(env.client_address),
        failures_only=True,
    )
    return max(per_account, per_address)


async def sign_in(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    organization_id: int,
    env: AccountsEnv,
    email: str,
    password: str,
) -> SignedIn:
    """A new session token for the participant with these credentials.

    Unconfirmed participants may sign in (to see where they stand); blocked ones may not, which
    is said only to whoever knows the password.
    """
    key = throttle.account_key(email)
    async with sessionmaker() as session:
        wait = await sign_in_wait(session, organization_id=organization_id, env=env, key=key)
        throttle.raise_if_waiting(wait, TOO_MANY)
        user = await user_by_email(session, organization_id=organization_id, email=email)
    verdict = await env.rules.passwords.verify(user.encrypted_password if user else None, password)
    if user is None or not verdict.ok or user.blocked:
        await throttle.record_now(
            sessionmaker,
            organization_id=organization_id,
            action=throttle.Action.SIGN_IN,
            key=key,
            address=env.client_address,
        )
        if user is not None and verdict.ok:
            raise Forbidden("This account is blocked.", reason="BLOCKED")
        raise Unauthenticated("Invalid email or password.", reason="INVALID_CREDENTIALS")
    rehashed = await env.rules.passwords.hash(password) if verdict.needs_rehash else None
    async with sessionmaker() as session, session.begin():
        if rehashed is not None:
            u = models.User
            await session.execute(update(u).where(u.id == user.id).values(encrypted_password=rehashed))  # type: ignore[arg-type]
        token, row = await issue_access_token(session, user=user, ttl=env.rules.session_ttl)
        throttle.add_attempt(
            session,
            organization_id=organization_id,
            action=throttle.Action.SIGN_IN,
            key=key,
            address=env.client_address,
            succeeded=True,
        )
    return SignedIn(token=token, expires_at=row.expires_at, user=user)


async def sign_out(sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, env: AccountsEnv) -> None:
    """Revoke the token this request was made with."""
    if scope.viewer.user_id is None or env.token_hash is None:
        raise Unauthenticated("Sign in to do this.")
    t = models.AccessToken
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(t)
            .where(
                t.token_hash == env.token_hash,  # type: ignore[arg-type]
                t.user_id == scope.viewer.user_id,  # type: ignore[arg-type]
                t.organization_id == scope.organization_id,  # type: ignore[arg-type]
                t.revoked_at.is_(None),  # type: ignore[union-attr]
            )
            .values(revoked_at=now())
        )
