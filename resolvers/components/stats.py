"""Per-space statistics (Decidim's ``stats`` on spaces), computed from visible content only."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select, tuple_
from sqlmodel import col

import models
from resolvers.loading import make_loader
from resolvers.metrics.definitions import METRICS
from resolvers.metrics.queries import live_figures
from resolvers.viewer import Viewer
from resolvers.visibility import Scope, component_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

# Decidim's space figures, in the order its space pages show them.
SPACE_FIGURES = tuple(m for m in METRICS.values() if not m.organization_wide_only and m.stat)


def stats_by_space(env: LoaderEnv) -> Loader:
    """``(space_kind, space_id) -> [(name, value)]``: the number of published components of each manifest
    (``pages_components_count``...), then Decidim's figures (``proposals_count``, ``supports_count``,
    ``participants_count``...) from the metrics' definitions, for every space of the batch in one
    statement each. Zero figures are left out, as Decidim's space pages do.

    Figures are public ones, as the viewer would see them without administration rights: unpublished
    components an admin previews never count; a member of a private space sees its figures.
    """
    c = models.Component
    public = Scope(organization_id=env.scope.organization_id, viewer=Viewer(user_id=env.scope.viewer.user_id))

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
        figures = await live_figures(
            session,
            organization_id=public.organization_id,
            time_zone="UTC",
            metrics=SPACE_FIGURES,
            spaces=list(keys),
            scope=public,
        )
        for key in keys:
            for metric in SPACE_FIGURES:
                figure = figures.get((metric.name, key))
                if figure is not None and figure.count and metric.stat:
                    found[key].append((metric.stat, figure.count))
        return found

    return make_loader(env, fn, default=list)
