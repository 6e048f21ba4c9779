"""Building blocks for per-request dataloaders.

Each batch opens its own short session: loaders dispatch concurrently and one
``AsyncSession`` must never be shared between concurrent awaits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, select, tuple_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

K = TypeVar("K", bound=Hashable)

Loader = DataLoader[Any, Any]
"""Every loader of the ``Loaders`` container; keys and values vary by loader."""
V = TypeVar("V")

Clause = Callable[["Scope"], ColumnElement[bool]]


@dataclass(frozen=True, slots=True)
class LoaderEnv:
    sessionmaker: async_sessionmaker[AsyncSession]
    scope: Scope


BatchFn = Callable[["AsyncSession", Sequence[K]], Awaitable[dict[K, V]]]


def make_loader(env: LoaderEnv, fn: BatchFn[K, V], *, default: Callable[[], Any] = lambda: None) -> Loader:
    """A DataLoader whose batch runs ``fn(session, keys) -> {key: value}`` and aligns the result."""

    async def batch(keys: Sequence[K]) -> list[Any]:
        async with env.sessionmaker() as session:
            found = await fn(session, keys)
        return [found[k] if k in found else default() for k in keys]

    return DataLoader(batch, get_cache_key=lambda k: k)


def one_by_id(env: LoaderEnv, model: type[Any], *, visible: Clause | None = None) -> Loader:
    """``id -> row`` for rows the viewer may see (``None`` otherwise)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, Any]:
        stmt = select(model).where(model.id.in_(keys), model.organization_id == env.scope.organization_id)
        if visible is not None:
            stmt = stmt.where(visible(env.scope))
        return {row.id: row for row in (await session.scalars(stmt)).all()}

    return make_loader(env, fn)


def many_by_column(
    env: LoaderEnv,
    model: type[Any],
    column: ColumnElement[Any],
    *,
    visible: Clause | None = None,
    order_by: Sequence[ColumnElement[Any]] = (),
) -> Loader:
    """``value of column -> [rows]`` in ``order_by`` order, then id."""

    async def fn(session: AsyncSession, keys: Sequence[Any]) -> dict[Any, list[Any]]:
        stmt = (
            select(model)
            .where(column.in_(keys), model.organization_id == env.scope.organization_id)
            .order_by(*order_by, model.id)
        )
        if visible is not None:
            stmt = stmt.where(visible(env.scope))
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in (await session.scalars(stmt)).all():
            grouped[getattr(row, column.key)].append(row)  # type: ignore[arg-type]
        return grouped

    return make_loader(env, fn, default=list)


def many_by_pair(
    env: LoaderEnv,
    model: type[Any],
    columns: tuple[ColumnElement[str], ColumnElement[int]],
    *,
    visible: Clause | None = None,
    order_by: Sequence[ColumnElement[Any]] = (),
) -> Loader:
    """``(kind, id) -> [rows]`` for polymorphic owners (attachments, categories, links...)."""
    kind_col, id_col = columns

    async def fn(session: AsyncSession, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Any]]:
        stmt = (
            select(model)
            .where(tuple_(kind_col, id_col).in_(list(keys)), model.organization_id == env.scope.organization_id)
            .order_by(*order_by, model.id)
        )
        if visible is not None:
            stmt = stmt.where(visible(env.scope))
        grouped: dict[tuple[str, int], list[Any]] = defaultdict(list)
        for row in (await session.scalars(stmt)).all():
            grouped[(getattr(row, kind_col.key), getattr(row, id_col.key))].append(row)  # type: ignore[arg-type]
        return grouped

    return make_loader(env, fn, default=list)
