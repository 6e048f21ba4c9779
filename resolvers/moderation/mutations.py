"""Moderators hide and unhide resources of their space; organization admins block and unblock participants."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import col

import models
from models.users import UserKind
from resolvers.errors import Forbidden, NotFound, Unauthenticated
from resolvers.moderation.hiding import load_target, moderation_row, set_hidden
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope


async def change_visibility(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    kind: str,
    pk: int,
    hidden: bool,
    now: datetime | None = None,
) -> models.Moderation:
    """Hide or unhide (idempotent); MODERATE in the resource's space. Answers the moderation as it ends."""
    async with sessionmaker() as session, session.begin():
        if scope.viewer.user_id is None:  # before any lookup: anonymous callers learn nothing about ids
            msg = "Sign in to do this."
            raise Unauthenticated(msg)
        target = await load_target(session, organization_id=scope.organization_id, kind=kind, pk=pk)
        await require(session, scope, action=Action.MODERATE, space_kind=target.space_kind, space_id=target.space_id)
        await set_hidden(session, target, hidden=hidden, now=now or datetime.now(UTC))
        return await moderation_row(session, target)


async def change_blocked(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    user_id: int,
    blocked: bool,
    now: datetime | None = None,
) -> models.User:
    """Block or unblock a participant (organization admins). A blocked participant's tokens stop working at once."""
    async with sessionmaker() as session, session.begin():
        await require(session, scope, action=Action.BLOCK_USER)
        u = models.User
        user = (
            await session.scalars(
                select(u)
                .where(
                    col(u.id) == user_id, col(u.organization_id) == scope.organization_id, col(u.deleted_at).is_(None)
                )
                .with_for_update()
            )
        ).first()
        if user is None:
            msg = f"No participant with id {user_id}."
            raise NotFound(msg)
        if user.id == scope.viewer.user_id:
            msg = "You cannot block yourself."
            raise Forbidden(msg, reason="OWN_ACCOUNT")
        if blocked and user.admin and user.kind == UserKind.USER.value:
            msg = "Organization admins cannot be blocked; remove their admin rights first."
            raise Forbidden(msg, reason="ADMIN_ACCOUNT")
        if user.blocked != blocked:
            user.blocked = blocked
            user.blocked_at = (now or datetime.now(UTC)) if blocked else None
        await session.flush()
        await session.refresh(user)
    return user
