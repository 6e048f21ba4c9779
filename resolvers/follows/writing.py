"""The one way a follow is written, shared by ``follow`` and the mutations that follow on taking part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.dialects.postgresql import insert

import models

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

_UNIQUE = ["user_id", "followable_kind", "followable_id"]


async def add_follow(session: AsyncSession, *, organization_id: int, user_id: int, kind: str, pk: int) -> bool:
    """Follow inside the caller's transaction; True when a row was added, False when it was already there.

    The unique constraint decides, so simultaneous follows by one participant leave one row and no error.
    """
    f = models.Follow
    added = await session.scalar(
        insert(f)
        .values(organization_id=organization_id, user_id=user_id, followable_kind=kind, followable_id=pk)
        .on_conflict_do_nothing(index_elements=_UNIQUE)
        .returning(f.id)  # type: ignore[call-overload]
    )
    return added is not None
