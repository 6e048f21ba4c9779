"""Per-space statistics (Decidim's ``stats`` on spaces), computed from visible content only."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select, tuple_
from sqlmodel import col

import models
from resolvers.loading import make_loader
from resolvers.visibility import component_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv


def stats_by_space(env: LoaderEnv) -> Loader:
    """``(space_kind, space_id) -> [(name, value)]``.

    Today: the number of published components of each manifest (``pages_count``,
    ``budgets_count``...). Domains that own resources add their counts as they arrive.
    """
    c = models.Component

    async def fn(
        session: AsyncSession, keys: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], list[tuple[str, int]]]:
        stmt = (
            select(c.space_kind, c.space_id, c.manifest_name, func.count())  # type: ignore[call-overload]
            .where(
                component_visible(env.scope),
                col(c.published_at).is_not(None),
                tuple_(c.space_kind, c.space_id).in_(keys),
            )
            .group_by(c.space_kind, c.space_id, c.manifest_name)
            .order_by(c.manifest_name)
        )
        found: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
        for kind, space_id, manifest_name, count in (await session.execute(stmt)).all():
            found[(kind, space_id)].append((f"{manifest_name}_components_count", int(count)))
        return found

    return make_loader(env, fn, default=list)
