from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select, tuple_

import models
from resolvers.loading import make_loader, many_by_pair

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

Item = tuple[str, int]


def versions_by_item(env: LoaderEnv) -> Loader:
    """``(kind, id) -> [Version]``, oldest first. Callers reach it only through a visible item."""
    v = models.Version
    return many_by_pair(env, v, (v.item_kind, v.item_id))  # type: ignore[arg-type]


def version_counts_by_item(env: LoaderEnv) -> Loader:
    """``(kind, id) -> int``, counted in SQL so a list showing counts does not load every changeset."""
    v = models.Version

    async def fn(session: AsyncSession, keys: Sequence[Item]) -> dict[Item, int]:
        stmt = (
            select(v.item_kind, v.item_id, func.count())  # type: ignore[call-overload]
            .where(tuple_(v.item_kind, v.item_id).in_(list(keys)), v.organization_id == env.scope.organization_id)
            .group_by(v.item_kind, v.item_id)
        )
        return {(kind, item_id): int(n) for kind, item_id, n in (await session.execute(stmt)).all()}

    return make_loader(env, fn, default=lambda: 0)
