from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_

import models
from resolvers.filters import Direction, ordered, start_of
from resolvers.loading import make_loader, one_by_id
from resolvers.visibility import component_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv


@dataclass(frozen=True, slots=True)
class ComponentQuery:
    """Decidim's ComponentFilter and ComponentSort, already parsed. Hashable: it is part of loader keys."""

    locale: str = "fr"
    published_before: date | None = None
    published_since: date | None = None
    manifest_name: str | None = None
    name: str | None = None
    with_geolocation_enabled: bool | None = None
    with_comments_enabled: bool | None = None
    sort: tuple[tuple[str, Direction], ...] = ()
    sort_locale: str = "fr"


def _apply(stmt: Select[Any], q: ComponentQuery) -> Select[Any]:
    c = models.Component
    if q.published_before is not None:
        stmt = stmt.where(c.published_at < start_of(q.published_before))  # type: ignore[arg-type, operator]
    if q.published_since is not None:
        stmt = stmt.where(c.published_at >= start_of(q.published_since))  # type: ignore[arg-type, operator]
    if q.manifest_name:
        stmt = stmt.where(c.manifest_name == q.manifest_name.lower())  # type: ignore[arg-type]
    if q.name:
        stmt = stmt.where(c.name[q.locale].astext.ilike(f"%{_escape_like(q.name)}%", escape="\\"))  # type: ignore[index]
    if q.with_geolocation_enabled is not None:
        flag = func.coalesce(c.settings["geocoding_enabled"].as_boolean(), False)  # type: ignore[index]
        stmt = stmt.where(flag.is_(q.with_geolocation_enabled))
    if q.with_comments_enabled is not None:
        flag = func.coalesce(c.settings["comments_enabled"].as_boolean(), False)  # type: ignore[index]
        stmt = stmt.where(flag.is_(q.with_comments_enabled))
    columns: dict[str, ColumnElement[Any]] = {
        "id": c.id,  # type: ignore[dict-item]
        "weight": c.weight,  # type: ignore[dict-item]
        "type": c.manifest_name,  # type: ignore[dict-item]
        "name": c.name[q.sort_locale].astext,  # type: ignore[index]
    }
    return stmt.order_by(*(ordered(columns[k], d) for k, d in q.sort), c.weight, c.id)  # type: ignore[arg-type]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def component_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Component, visible=component_visible)


def components_by_space(env: LoaderEnv) -> Loader:
    """``(space_kind, space_id, ComponentQuery) -> [Component]``: one statement per distinct query."""
    c = models.Component

    async def fn(
        session: AsyncSession, keys: Sequence[tuple[str, int, ComponentQuery]]
    ) -> dict[tuple[str, int, ComponentQuery], list[models.Component]]:
        by_query: dict[ComponentQuery, list[tuple[str, int]]] = defaultdict(list)
        for kind, space_id, q in keys:
            by_query[q].append((kind, space_id))
        found: dict[tuple[str, int, ComponentQuery], list[models.Component]] = defaultdict(list)
        for q, spaces in by_query.items():
            stmt = select(c).where(component_visible(env.scope), tuple_(c.space_kind, c.space_id).in_(spaces))
            for row in (await session.scalars(_apply(stmt, q))).all():
                found[(row.space_kind, row.space_id, q)].append(row)
        return found

    return make_loader(env, fn, default=list)
