"""Loaders of the viewer's own account, which public visibility rules would hide while unconfirmed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import col

import models
from resolvers.loading import make_loader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv


def viewer_account(env: LoaderEnv) -> Loader:  # type: ignore[type-arg]
    """``user id -> row`` for the signed-in viewer only, confirmed or not (never blocked or deleted).

    A participant who has not confirmed yet still sees themselves in ``session``.
    """
    u = models.User

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, models.User]:
        own = [k for k in keys if k == env.scope.viewer.user_id]
        if not own:
            return {}
        stmt = select(u).where(
            col(u.id).in_(own),
            col(u.organization_id) == env.scope.organization_id,
            col(u.blocked).is_(False),
            col(u.deleted_at).is_(None),
        )
        return {row.id: row for row in (await session.scalars(stmt)).all() if row.id is not None}

    return make_loader(env, fn)
