"""Running an admin write from a resolver: one transaction, rows refreshed, loaders cleared."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import strawberry
from sqlmodel import SQLModel

from resolvers.filters import parse_id

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession
    from strawberry.types import Info

    from resolvers.visibility import Scope

T = TypeVar("T")


async def write(info: Info, work: Callable[[AsyncSession, Scope], Awaitable[T]]) -> T:
    ctx = info.context
    async with ctx.sessionmaker() as session, session.begin():
        out = await work(session, ctx.scope)
        # Server-set columns (timestamps) are read back now: the rows outlive the session.
        for row in out if isinstance(out, list) else [out]:
            if isinstance(row, SQLModel) and row in session:
                await session.refresh(row)
    # Whatever this request loaded before the write is stale now.
    ctx.loaders.clear_all()
    return out


def attributes(value: object, *, ids: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The attributes a client gave (``UNSET`` ones dropped), under model names; ``ids`` parsed."""
    out: dict[str, Any] = {}
    for name, given in vars(value).items():
        if given is strawberry.UNSET:
            continue
        if name in ids:
            given = parse_id(given, field=name)  # noqa: PLW2901 - the parsed form replaces the raw one
        out[name] = given
    return out


def id_of(value: strawberry.ID | str, field: str) -> int:
    parsed = parse_id(value, field=field)
    assert parsed is not None  # noqa: S101 - the schema makes it non-null
    return parsed
