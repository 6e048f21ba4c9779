"""Account look-ups that public visibility does not cover: by email, and uniqueness checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import col

import models
from models.users import UserKind

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

TAKEN = "has already been taken"


async def user_by_email(
    session: AsyncSession, *, organization_id: int, email: str, lock: bool = False
) -> models.User | None:
    """The participant (not a group, not deleted) with this address, case-insensitively."""
    u = models.User
    stmt = select(u).where(
        col(u.organization_id) == organization_id,
        func.lower(u.email) == email.strip().lower(),
        col(u.kind) == UserKind.USER.value,
        col(u.deleted_at).is_(None),
    )
    if lock:
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


async def taken_fields(
    session: AsyncSession,
    *,
    organization_id: int,
    email: str | None = None,
    nickname: str | None = None,
    except_user_id: int | None = None,
) -> dict[str, str]:
    """Which of ``email`` and ``nickname`` another account of the organization already has.

    Both compare case-insensitively, as the unique indexes do; deleted accounts keep theirs so
    that a pseudonym never comes to name someone else.
    """
    u = models.User
    taken: dict[str, str] = {}
    checks = (("email", u.email, email), ("nickname", u.nickname, nickname))
    for name, column, value in checks:
        if value is None:
            continue
        stmt = select(col(u.id)).where(col(u.organization_id) == organization_id, func.lower(column) == value.lower())
        if except_user_id is not None:
            stmt = stmt.where(col(u.id) != except_user_id)
        if (await session.execute(stmt.limit(1))).first() is not None:
            taken[name] = TAKEN
    return taken


def conflict_fields(constraint_error: str) -> dict[str, str]:
    """The fields a unique-index violation (lost race) names, from its message."""
    fields = {}
    if "email" in constraint_error:
        fields["email"] = TAKEN
    if "nickname" in constraint_error:
        fields["nickname"] = TAKEN
    return fields or {"email": TAKEN}
