"""Secrets sent to participants: bearer tokens and one-time email tokens. Only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlmodel import col

import models
from resolvers.errors import BadUserInput, InvalidToken
from resolvers.viewer import Viewer

if TYPE_CHECKING:
    from datetime import timedelta

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


class Purpose(StrEnum):
    CONFIRMATION = "confirmation"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a purpose, not a secret


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


async def issue_access_token(
    session: AsyncSession, *, user: models.User, ttl: timedelta, kind: str = "session"
) -> tuple[str, models.AccessToken]:
    token = new_token()
    row = models.AccessToken(
        organization_id=user.organization_id,
        user_id=user.id,  # type: ignore[arg-type]
        token_hash=token_hash(token),
        kind=kind,
        expires_at=now() + ttl,
    )
    session.add(row)
    await session.flush()
    return token, row


async def viewer_for_token(
    sessionmaker: async_sessionmaker[AsyncSession], *, organization_id: int, token: str, touch_interval: timedelta
) -> Viewer:
    """The viewer a bearer token stands for, or ``InvalidToken``.

    Tokens belong to one organization: a token shown on another host is unknown there. A blocked
    or deleted participant's tokens stop working at once, whatever their expiry. Admin rights
    need a confirmed address.
    """
    t, u = models.AccessToken, models.User
    stmt = (
        select(col(t.id), col(t.user_id), col(t.scopes), col(t.last_used_at), col(u.admin), col(u.confirmed_at))
        .join(u, col(u.id) == col(t.user_id))
        .where(
            col(t.token_hash) == token_hash(token),
            col(t.organization_id) == organization_id,
            col(t.revoked_at).is_(None),
            col(t.expires_at) > now(),
            col(u.blocked).is_(False),
            col(u.deleted_at).is_(None),
        )
    )
    async with sessionmaker() as session:
        row = (await session.execute(stmt)).first()
        if row is None:
            msg = "The access token is invalid, expired or revoked. Sign in again."
            raise InvalidToken(msg)
        token_id, user_id, scopes, last_used_at, admin, confirmed_at = row
        moment = now()
        if last_used_at is None or moment - last_used_at >= touch_interval:
            await session.execute(update(t).where(t.id == token_id).values(last_used_at=moment))  # type: ignore[arg-type]
            await session.commit()
    return Viewer(
        user_id=user_id,
        organization_admin=bool(admin) and confirmed_at is not None,
        scopes=frozenset(scopes),
    )


async def revoke_session_tokens(session: AsyncSession, *, user_id: int, except_hash: str | None = None) -> None:
    """Sign the participant out everywhere (but on the token ``except_hash``, when given)."""
    t = models.AccessToken
    stmt = update(t).where(
        t.user_id == user_id,  # type: ignore[arg-type]
        t.kind == "session",  # type: ignore[arg-type]
        t.revoked_at.is_(None),  # type: ignore[union-attr]
    )
    if except_hash is not None:
        stmt = stmt.where(t.token_hash != except_hash)  # type: ignore[arg-type]
    await session.execute(stmt.values(revoked_at=now()))


async def issue_user_token(session: AsyncSession, *, user: models.User, purpose: Purpose, ttl: timedelta) -> str:
    """A new one-time token; earlier unused ones for the same purpose stop working."""
    ut = models.UserToken
    moment = now()
    await session.execute(
        update(ut)
        .where(ut.user_id == user.id, ut.purpose == purpose.value, ut.used_at.is_(None))  # type: ignore[arg-type,union-attr]
        .values(used_at=moment)
    )
    token = new_token()
    session.add(
        models.UserToken(
            organization_id=user.organization_id,
            user_id=user.id,  # type: ignore[arg-type]
            purpose=purpose.value,
            token_hash=token_hash(token),
            expires_at=moment + ttl,
        )
    )
    return token


async def find_user_token(
    session: AsyncSession, *, organization_id: int, token: str, purpose: Purpose, lock: bool = False
) -> tuple[models.UserToken, models.User]:
    """The usable token row and its (not deleted) participant, or ``BadUserInput`` on ``token``.

    ``lock`` holds the token row until commit, so two requests cannot both use it.
    """
    ut, u = models.UserToken, models.User
    stmt = (
        select(ut, u)
        .join(u, col(u.id) == col(ut.user_id))
        .where(
            col(ut.token_hash) == token_hash(token.strip()),
            col(ut.purpose) == purpose.value,
            col(ut.organization_id) == organization_id,
            col(u.deleted_at).is_(None),
        )
    )
    if lock:
        stmt = stmt.with_for_update(of=ut)  # type: ignore[arg-type]
    found = (await session.execute(stmt)).first()
    if found is None:
        msg = "This link is not valid."
        raise BadUserInput(msg, fields={"token": "is invalid"}, reason="INVALID")
    row, user = found
    if row.used_at is not None:
        msg = "This link was already used, or a newer one replaced it."
        raise BadUserInput(msg, fields={"token": "was already used"}, reason="USED")
    if row.expires_at <= now():
        msg = "This link has expired."
        raise BadUserInput(msg, fields={"token": "has expired"}, reason="EXPIRED")
    return row, user
