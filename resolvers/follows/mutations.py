"""``follow`` and ``unfollow``: one transaction each; doing either twice changes nothing the second time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete

import models
from resolvers.actors import require_participant
from resolvers.errors import NotFound
from resolvers.follows.followables import followable_kind
from resolvers.follows.writing import add_follow

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

    Sessions = async_sessionmaker[AsyncSession]


async def follow(sessions: Sessions, scope: Scope, *, followable_id: int) -> str:
    """The viewer follows a visible followable; answers its kind. Following again is a no-op."""
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        kind = await followable_kind(session, scope, followable_id)
        await add_follow(
            session,
            organization_id=scope.organization_id,
            user_id=user.id,  # type: ignore[arg-type]
            kind=kind,
            pk=followable_id,
        )
    return kind


async def unfollow(sessions: Sessions, scope: Scope, *, followable_id: int) -> None:
    """The viewer stops following. Not following it already is a no-op.

    A participant may also drop a follow of something they can no longer see (a space that went private):
    that touches only their own row and tells them nothing they did not know.
    """
    f = models.Follow
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        try:
            kind: str | None = await followable_kind(session, scope, followable_id)
        except NotFound:
            kind = None
        stmt = delete(f).where(f.user_id == user.id, f.followable_id == followable_id)  # type: ignore[arg-type]
        if kind is not None:
            stmt = stmt.where(f.followable_kind == kind)  # type: ignore[arg-type]
        gone = (await session.execute(stmt.returning(f.id))).first()  # type: ignore[call-overload]
        if kind is None and gone is None:
            msg = f"Nothing to follow has id {followable_id}."
            raise NotFound(msg)
