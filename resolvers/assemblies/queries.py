"""Root-level reads of assemblies and their types.

``assemblies`` takes Decidim's process filter and sort (Decidim reuses them too). Assemblies have no
start date: ``startDate`` orders them by ``creation_date``, where Decidim would fail with a 500.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select

import models
from resolvers.filters import ordered, start_of
from resolvers.visibility import Scope, assembly_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.processes.queries import SpaceFilter, SpaceSort

_SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "id": models.Assembly.id,  # type: ignore[dict-item]
    "start_date": models.Assembly.creation_date,  # type: ignore[dict-item]
    "published_at": models.Assembly.published_at,  # type: ignore[dict-item]
}


async def list_assemblies(
    session: AsyncSession, *, scope: Scope, filter: SpaceFilter, sort: SpaceSort
) -> Sequence[models.Assembly]:
    """Visible assemblies at every level of the tree, as Decidim's ``assemblies`` lists them."""
    a = models.Assembly
    stmt = select(a).where(assembly_visible(scope))
    if filter.published_before is not None:
        stmt = stmt.where(a.published_at < start_of(filter.published_before))  # type: ignore[arg-type, operator]
    if filter.published_since is not None:
        stmt = stmt.where(a.published_at >= start_of(filter.published_since))  # type: ignore[arg-type, operator]
    if filter.hashtag:
        tag = filter.hashtag.removeprefix("#")
        stmt = stmt.where(func.lower(a.hashtag) == tag.lower())
    order = [ordered(_SORT_COLUMNS[key], direction) for key, direction in sort.keys]
    return (await session.scalars(stmt.order_by(*order, a.id))).all()  # type: ignore[arg-type]


async def list_types(session: AsyncSession, *, scope: Scope) -> Sequence[models.AssembliesType]:
    t = models.AssembliesType
    stmt = select(t).where(t.organization_id == scope.organization_id).order_by(t.id)  # type: ignore[arg-type]
    return (await session.scalars(stmt)).all()
