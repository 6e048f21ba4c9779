"""Reading posts: Decidim's ``PostFilter`` and ``PostSort`` (plus Participa's), keyset pages, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, func, select

import models
from resolvers.filters import Direction, start_of
from resolvers.pagination import Page, PageRequest, SortKey, check_cursors, paginate_partitions
from resolvers.visibility import Scope, post_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

SORT_KEYS = ("published_at", "created_at", "updated_at", "endorsement_count", "id")
"""Sort keys in the order they apply when several are given; ``id`` always breaks ties."""


@dataclass(frozen=True, slots=True)
class PostQuery:
    """A parsed ``PostFilter`` and ``PostSort``. Hashable: it is part of loader keys.

    Each ``*_before`` bound excludes its day, each ``*_since`` includes it (days start at 00:00 UTC).
    """

    created_before: date | None = None
    created_since: date | None = None
    updated_before: date | None = None
    updated_since: date | None = None
    published_before: date | None = None
    published_since: date | None = None
    sort: tuple[tuple[str, Direction], ...] = ()


def _column(key: str) -> ColumnElement[Any]:
    p = models.Post
    columns: dict[str, Any] = {
        "published_at": p.published_at,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "endorsement_count": p.endorsements_count,
        "id": p.id,
    }
    return columns[key]  # type: ignore[no-any-return]


def sort_keys(query: PostQuery) -> list[SortKey]:
    """Keyset sort keys; every column is NOT NULL and the last is the unique id."""
    given = dict(query.sort)
    keys = [SortKey(k, _column(k), given[k]) for k in SORT_KEYS if k in given and k != "id"]
    keys.append(SortKey("id", _column("id"), given.get("id", Direction.ASC)))
    return keys


def filtered(stmt: Select[Any], query: PostQuery) -> Select[Any]:
    for key in ("created", "updated", "published"):
        column = _column(f"{key}_at")
        before: date | None = getattr(query, f"{key}_before")
        since: date | None = getattr(query, f"{key}_since")
        if before is not None:
            stmt = stmt.where(column < start_of(before))
        if since is not None:
            stmt = stmt.where(column >= start_of(since))
    return stmt


async def post_pages(
    session: AsyncSession,
    *,
    scope: Scope,
    component_ids: Sequence[int],
    query: PostQuery,
    page: PageRequest,
    default_size: int,
) -> dict[int, Page]:
    """One page of visible posts for each component, all from one statement."""
    keys = sort_keys(query)
    check_cursors(page, keys)
    stmt = filtered(select(models.Post).where(post_visible(scope)), query)
    pages = await paginate_partitions(
        session,
        stmt,
        partition=models.Post.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=keys,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def post_counts(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], query: PostQuery
) -> dict[int, int]:
    """How many visible posts match, per component (``totalCount``)."""
    p = models.Post
    stmt = filtered(
        select(p.component_id, func.count()).where(post_visible(scope), p.component_id.in_(component_ids)),  # type: ignore[attr-defined,call-overload]
        query,
    ).group_by(p.component_id)  # type: ignore[arg-type]
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}
