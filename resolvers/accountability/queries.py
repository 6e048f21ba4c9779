"""Reading results: Participa's filter and sort (Decidim's API has neither), keyset pages, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Date, Integer, Select, func, literal, or_, select

import models
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, check_cursors, paginate_partitions
from resolvers.visibility import Scope, result_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

SORT_KEYS = ("start_date", "end_date", "weight", "id")
"""Sort keys in the order they apply when several are given; ``id`` always breaks ties."""

_EPOCH = date(1970, 1, 1)
# Keyset keys must never be null: an undated result sorts as if dated at the end of time.
_UNDATED = 2**31 - 1


@dataclass(frozen=True, slots=True)
class ResultQuery:
    """A parsed ``ResultFilter`` and ``ResultSort``. Hashable: it is part of loader keys."""

    parent_id: int | None = None
    top_level: bool | None = None
    status_id: int | None = None
    category_id: int | None = None
    scope_id: int | None = None
    external_id: str | None = None
    sort: tuple[tuple[str, Direction], ...] = ()


def _day_number(column: Any) -> ColumnElement[int]:
    # Days since 1970 rather than the date itself: cursors carry integers, which need no decoding rules.
    return func.coalesce(column - literal(_EPOCH, Date), _UNDATED, type_=Integer)


def _column(key: str) -> ColumnElement[Any]:
    r = models.Result
    if key == "start_date":
        return _day_number(r.start_date)
    if key == "end_date":
        return _day_number(r.end_date)
    return r.weight if key == "weight" else r.id  # type: ignore[return-value]


def sort_keys(query: ResultQuery) -> list[SortKey]:
    given = dict(query.sort)
    keys = [SortKey(k, _column(k), given[k]) for k in SORT_KEYS if k in given and k != "id"]
    keys.append(SortKey("id", _column("id"), given.get("id", Direction.ASC)))
    return keys


def filtered(stmt: Select[Any], query: ResultQuery) -> Select[Any]:
    r = models.Result
    if query.parent_id is not None:
        stmt = stmt.where(r.parent_id == query.parent_id)  # type: ignore[arg-type]
    if query.top_level is not None:
        root = r.parent_id.is_(None)  # type: ignore[union-attr]
        stmt = stmt.where(root if query.top_level else ~root)
    if query.status_id is not None:
        stmt = stmt.where(r.status_id == query.status_id)  # type: ignore[arg-type]
    if query.category_id is not None:
        c = models.Category
        tree = select(c.id).where(or_(c.id == query.category_id, c.parent_id == query.category_id))  # type: ignore[arg-type,call-overload]
        stmt = stmt.where(r.category_id.in_(tree))  # type: ignore[union-attr]
    if query.scope_id is not None:
        stmt = stmt.where(r.scope_id == query.scope_id)  # type: ignore[arg-type]
    if query.external_id is not None:
        stmt = stmt.where(r.external_id == query.external_id)  # type: ignore[arg-type]
    return stmt


async def result_pages(
    session: AsyncSession,
    *,
    scope: Scope,
    component_ids: Sequence[int],
    query: ResultQuery,
    page: PageRequest,
    default_size: int,
) -> dict[int, Page]:
    """One page of visible results for each component, all from one statement."""
    keys = sort_keys(query)
    check_cursors(page, keys)
    stmt = filtered(select(models.Result).where(result_visible(scope)), query)
    pages = await paginate_partitions(
        session,
        stmt,
        partition=models.Result.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=keys,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def result_counts(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], query: ResultQuery
) -> dict[int, int]:
    """How many visible results match, per component (``totalCount``)."""
    r = models.Result
    stmt = filtered(
        select(r.component_id, func.count()).where(result_visible(scope), r.component_id.in_(component_ids)),  # type: ignore[attr-defined,call-overload]
        query,
    ).group_by(r.component_id)  # type: ignore[arg-type]
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}
