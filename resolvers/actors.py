"""Who may act: the signed-in participant behind a viewer, with the reason when they may not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.errors import Forbidden, Unauthenticated

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope


async def require_participant(session: AsyncSession, scope: Scope, *, lock: bool = False) -> models.User:
    """The viewer's own row, if they may act (confirmed, not blocked, not deleted).

    Raises ``Unauthenticated`` for anonymous viewers and ``Forbidden`` with a ``reason``
    (``UNCONFIRMED``, ``BLOCKED``, ``DELETED``) otherwise. ``lock`` takes a row lock that
    serialises this participant's concurrent writes (e.g. against a support limit).
    """
    if scope.viewer.user_id is None:
        msg = "Sign in to do this."
        raise Unauthenticated(msg)
    u = models.User
    stmt = select(u).where(u.id == scope.viewer.user_id, u.organization_id == scope.organization_id)  # type: ignore[arg-type]
    if lock:
        stmt = stmt.with_for_update()
    user = (await session.scalars(stmt)).first()
    if user is None or user.deleted_at is not None:
        msg = "This account no longer exists."
        raise Forbidden(msg, reason="DELETED")
    if user.blocked:
        msg = "This account is blocked."
        raise Forbidden(msg, reason="BLOCKED")
    if user.confirmed_at is None:
        msg = "Confirm your email address before taking part."
        raise Forbidden(msg, reason="UNCONFIRMED")
    return user
