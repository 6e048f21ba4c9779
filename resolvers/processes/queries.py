"""Root-level reads of participatory processes, groups and types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

import models
from resolvers.filters import Direction, ordered, start_of
from resolvers.visibility import Scope, process_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, slots=True)
class SpaceFilter:
    published_before: date | None = None
    published_since: date | None = None
    hashtag: str | None = None


@dataclass(frozen=True, slots=True)
class SpaceSort:
    """Sort keys in priority order; ``id`` always breaks ties."""

    keys: tuple[tuple[str, Direction], ...] = ()


_PROCESS_SORT_COLUMNS = {
    "id": models.ParticipatoryProcess.id,
    "start_date": models.ParticipatoryProcess.start_date,
    "published_at": models.ParticipatoryProcess.published_at,
}


async def list_processes(
    session: AsyncSession, *, scope: Scope, filter: SpaceFilter, sort: SpaceSort
) -> Sequence[models.ParticipatoryProcess]:
    p = models.ParticipatoryProcess
    stmt = select(p).where(process_visible(scope))
    if filter.published_before is not None:
        stmt = stmt.where(p.published_at < start_of(filter.published_before))  # type: ignore[arg-type, operator]
    if filter.published_since is not None:
        stmt = stmt.where(p.published_at >= start_of(filter.published_since))  # type: ignore[arg-type, operator]
    if filter.hashtag:
        tag = filter.hashtag.removeprefix("#")
        stmt = stmt.where(func.lower(p.hashtag) == tag.lower())
    order = [ordered(_PROCESS_SORT_COLUMNS[key], direction) for key, direction in sort.keys]  # type: ignore[arg-type]
    stmt = stmt.order_by(*order, p.id)  # type: ignore[arg-type]
    return (await session.scalars(stmt)).all()


async def find_process(
    session: AsyncSession, *, scope: Scope, id: int | None, slug: str | None
) -> models.ParticipatoryProcess | None:
    p = models.ParticipatoryProcess
    stmt = select(p).where(process_visible(scope))
    if id is not None:
        stmt = stmt.where(p.id == id)  # type: ignore[arg-type]
    if slug is not None:
        stmt = stmt.where(p.slug == slug)  # type: ignore[arg-type]
    if id is None and slug is None:
        return None
    return (await session.scalars(stmt.limit(1))).first()


async def list_groups(session: AsyncSession, *, scope: Scope) -> Sequence[models.ParticipatoryProcessGroup]:
    g = models.ParticipatoryProcessGroup
    stmt = select(g).where(g.organization_id == scope.organization_id).order_by(g.id)  # type: ignore[arg-type]
    return (await session.scalars(stmt)).all()


async def list_types(session: AsyncSession, *, scope: Scope) -> Sequence[models.ParticipatoryProcessType]:
    t = models.ParticipatoryProcessType
    stmt = select(t).where(t.organization_id == scope.organization_id).order_by(t.id)  # type: ignore[arg-type]
    return (await session.scalars(stmt)).all()
