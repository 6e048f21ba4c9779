"""Named API tokens for scripts: created, listed and revoked from the command line.

The token is returned once by ``create_api_token``; only its SHA-256 is stored, like sign-in tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import col

import models
from resolvers.accounts.tokens import new_token, now, token_hash
from resolvers.errors import BadUserInput, NotFound
from resolvers.organization.queries import organization_for_host

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

KNOWN_SCOPES = ("api:read", "api:write")
_DURATION = re.compile(r"^\s*(\d+)\s*([dhw])\s*$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_duration(text: str) -> timedelta:
    """``90d``, ``12h``, ``2w``: a positive number of hours, days or weeks."""
    match = _DURATION.match(text.lower())
    if match is None or int(match.group(1)) == 0:
        msg = f"bad duration {text!r}: use a positive number followed by h, d or w (e.g. 90d)"
        raise BadUserInput(msg, fields={"expires_in": "bad duration"})
    return int(match.group(1)) * _UNITS[match.group(2)]


def parse_scopes(text: str) -> list[str]:
    scopes = sorted({part.strip() for part in text.split(",") if part.strip()})
    unknown = [s for s in scopes if s not in KNOWN_SCOPES]
    if not scopes or unknown:
        msg = f"unknown scope {', '.join(unknown) or '(none)'}: choose from {', '.join(KNOWN_SCOPES)}"
        raise BadUserInput(msg, fields={"scopes": "unknown scope"})
    return scopes


@dataclass(frozen=True, slots=True)
class TokenLine:
    id: int
    name: str
    user_email: str
    scopes: list[str]
    expires_at: datetime
    last_used_at: datetime | None
    revoked: bool


async def create_api_token(
    session: AsyncSession, *, email: str, name: str, scopes: str, expires_in: str, host: str
) -> tuple[str, models.AccessToken]:
    """Validate everything before writing; the caller commits."""
    ttl = parse_duration(expires_in)
    scope_list = parse_scopes(scopes)
    if not name.strip():
        msg = "the token needs a name"
        raise BadUserInput(msg, fields={"name": "blank"})
    org = await organization_for_host(session, host)
    u = models.User
    user = await session.scalar(
        select(u).where(
            col(u.organization_id) == org.id,
            func.lower(col(u.email)) == email.strip().lower(),
            col(u.deleted_at).is_(None),
        )
    )
    if user is None:
        msg = f"no participant with email {email!r} in {org.host}"
        raise NotFound(msg)
    token = new_token()
    row = models.AccessToken(
        organization_id=org.id,  # type: ignore[arg-type]
        user_id=user.id,  # type: ignore[arg-type]
        token_hash=token_hash(token),
        kind="api",
        name=name.strip(),
        scopes=scope_list,
        expires_at=now() + ttl,
    )
    session.add(row)
    await session.flush()
    return token, row


async def list_api_tokens(session: AsyncSession) -> list[TokenLine]:
    t, u = models.AccessToken, models.User
    rows = await session.execute(
        select(t, col(u.email)).join(u, col(u.id) == col(t.user_id)).where(col(t.kind) == "api").order_by(col(t.id))
    )
    return [
        TokenLine(
            id=row.id,  # type: ignore[arg-type]
            name=row.name or "",
            user_email=email or "",
            scopes=list(row.scopes),
            expires_at=row.expires_at,
            last_used_at=row.last_used_at,
            revoked=row.revoked_at is not None,
        )
        for row, email in rows.all()
    ]


async def revoke_api_token(session: AsyncSession, *, token_id: int) -> models.AccessToken:
    t = models.AccessToken
    row = await session.scalar(select(t).where(col(t.id) == token_id, col(t.kind) == "api").with_for_update())
    if row is None:
        msg = f"no API token with id {token_id}"
        raise NotFound(msg)
    if row.revoked_at is None:
        row.revoked_at = now()
    return row
