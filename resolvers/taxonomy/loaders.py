from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select, tuple_

import models
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.visibility import space_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope

ALL_CATEGORIES = "all"
TOP_LEVEL = "top"


def _category_visible(scope: Scope) -> ColumnElement[bool]:
    c = models.Category
    return space_visible(c.space_kind, c.space_id, scope)  # type: ignore[arg-type]


def scope_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Scope)


def scopes_by_parent(env: LoaderEnv) -> Loader:
    s = models.Scope
    return many_by_column(env, s, s.parent_id)  # type: ignore[arg-type]


def area_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Area)


def area_type_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.AreaType)


def category_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Category, visible=_category_visible)


def subcategories_by_parent(env: LoaderEnv) -> Loader:
    c = models.Category
    return many_by_column(env, c, c.parent_id, visible=_category_visible, order_by=(c.weight,))  # type: ignore[arg-type]


def categories_by_space(env: LoaderEnv) -> Loader:
    """``(space_kind, space_id, parents) -> [Category]``.

    ``parents`` is ``"all"`` (no filter), ``"top"`` (top-level only) or a tuple of parent ids,
    following Decidim's ``CategoryFilter.parentId``.
    """
    c = models.Category

    async def fn(
        session: AsyncSession, keys: Sequence[tuple[str, int, object]]
    ) -> dict[tuple[str, int, object], list[models.Category]]:
        spaces = list({(k, i) for k, i, _ in keys})
        stmt = (
            select(c)
            .where(
                c.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
                _category_visible(env.scope),
                tuple_(c.space_kind, c.space_id).in_(spaces),
            )
            .order_by(c.weight, c.id)  # type: ignore[arg-type]
        )
        by_space: dict[tuple[str, int], list[models.Category]] = defaultdict(list)
        for row in (await session.scalars(stmt)).all():
            by_space[(row.space_kind, row.space_id)].append(row)
        found: dict[tuple[str, int, object], list[models.Category]] = {}
        for kind, space_id, parents in keys:
            rows = by_space.get((kind, space_id), [])
            if parents == TOP_LEVEL:
                rows = [r for r in rows if r.parent_id is None]
            elif isinstance(parents, tuple):
                rows = [r for r in rows if r.parent_id in parents]
            found[(kind, space_id, parents)] = rows
        return found

    return make_loader(env, fn, default=list)
