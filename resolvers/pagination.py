"""Keyset pagination (no OFFSET), batched across parents with one statement.

A cursor encodes the sort-key values of a row, not a position, so it stays valid when rows
are inserted concurrently and can bound every partition of a batch at once. Sort keys must be
non-null expressions ending with a unique column (the id).
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import ColumnElement, DateTime, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from resolvers.errors import BadUserInput
from resolvers.filters import Direction

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, slots=True)
class PageRequest:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def validate(self, *, max_size: int) -> PageRequest:
        for name in ("first", "last"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= max_size:
                msg = f"`{name}` must be between 0 and {max_size}."
                raise BadUserInput(msg, fields={name: f"between 0 and {max_size}"})
        if self.first is not None and self.last is not None:
            msg = "Use `first` or `last`, not both."
            raise BadUserInput(msg, fields={"last": "not with first"})
        return self

    @property
    def backwards(self) -> bool:
        return self.last is not None or (self.before is not None and self.first is None)

    def size(self, default: int) -> int:
        if self.last is not None:
            return self.last
        return self.first if self.first is not None else default


@dataclass(frozen=True, slots=True)
class SortKey:
    name: str
    expression: ColumnElement[Any]
    direction: Direction


@dataclass(slots=True)
class Page:
    rows: list[Any] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)
    has_next_page: bool = False
    has_previous_page: bool = False


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    return value


def _restore(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"t"}:
        return datetime.fromisoformat(value["t"])
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([_jsonable(v) for v in values])).decode().rstrip("=")


def decode_cursor(cursor: str, *, arity: int, argument: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = orjson.loads(raw)
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != arity:
        msg = f"Invalid cursor in `{argument}`: use a cursor this list returned with the same order."
        raise BadUserInput(msg, fields={argument: "invalid cursor"})
    try:
        return [_restore(v) for v in values]
    except (TypeError, ValueError):
        msg = f"Invalid cursor in `{argument}`: use a cursor this list returned with the same order."
        raise BadUserInput(msg, fields={argument: "invalid cursor"}) from None


_INT64 = 2**63


def _fits(value: Any, key: SortKey) -> bool:
    """Whether a decoded cursor value can stand for ``key``: an aware datetime or a 64-bit integer."""
    if isinstance(key.expression.type, DateTime):
        return isinstance(value, datetime) and value.tzinfo is not None
    return type(value) is int and -_INT64 <= value < _INT64


def check_cursors(page: PageRequest, keys: Sequence[SortKey]) -> None:
    """Refuse cursors made for another order (or forged) before they reach SQL as mistyped values."""
    for argument, cursor in (("after", page.after), ("before", page.before)):
        if cursor is None:
            continue
        values = decode_cursor(cursor, arity=len(keys), argument=argument)
        if not all(_fits(v, k) for v, k in zip(values, keys, strict=True)):
            msg = f"Invalid cursor in `{argument}`: use a cursor this list returned with the same order."
            raise BadUserInput(msg, fields={argument: "invalid cursor"})


def _beyond(keys: Sequence[SortKey], values: Sequence[Any], *, forward: bool) -> ColumnElement[bool]:
    """Rows strictly after (forward) or before the row whose sort values are ``values``."""
    clauses = []
    for i, key in enumerate(keys):
        ascending = (key.direction is Direction.ASC) == forward
        step = key.expression > values[i] if ascending else key.expression < values[i]
        clauses.append(and_(*(k.expression == values[j] for j, k in enumerate(keys[:i])), step))
    return or_(*clauses)


def _order(keys: Sequence[SortKey], *, reverse: bool) -> list[ColumnElement[Any]]:
    out = []
    for key in keys:
        ascending = (key.direction is Direction.ASC) != reverse
        out.append(key.expression.asc() if ascending else key.expression.desc())
    return out  # type: ignore[return-value]


async def paginate_partitions(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    partition: ColumnElement[Any],
    partitions: Sequence[Hashable],
    keys: Sequence[SortKey],
    page: PageRequest,
    default_size: int,
) -> dict[Hashable, Page]:
    """One statement that pages every partition (e.g. the proposals of many components) at once.

    ``stmt`` selects the entity; a ROW_NUMBER per partition keeps ``size + 1`` rows of each, the
    extra row telling whether another page exists.
    """
    size = page.size(default_size)
    backwards = page.backwards
    arity = len(keys)
    check_cursors(page, keys)
    stmt = stmt.where(partition.in_(list(partitions)))
    if page.after is not None:
        stmt = stmt.where(_beyond(keys, decode_cursor(page.after, arity=arity, argument="after"), forward=True))
    if page.before is not None:
        stmt = stmt.where(_beyond(keys, decode_cursor(page.before, arity=arity, argument="before"), forward=False))
    rank = func.row_number().over(partition_by=partition, order_by=_order(keys, reverse=backwards)).label("_rank")
    labelled = [k.expression.label(f"_k{i}") for i, k in enumerate(keys)]
    inner = stmt.add_columns(rank, partition.label("_partition"), *labelled).subquery()
    entity = stmt.column_descriptions[0]["entity"]
    row_alias = aliased(entity, inner)
    outer = (
        select(row_alias, inner.c._partition, *(inner.c[f"_k{i}"] for i in range(arity)))
        .where(inner.c._rank <= size + 1)
        .order_by(inner.c._partition, inner.c._rank)
    )
    grouped: dict[Hashable, list[tuple[Any, list[Any]]]] = defaultdict(list)
    for row in (await session.execute(outer)).all():
        grouped[row[1]].append((row[0], list(row[2:])))
    pages: dict[Hashable, Page] = {}
    for part in partitions:
        fetched = grouped.get(part, [])
        more = len(fetched) > size
        fetched = fetched[:size]
        if backwards:
            fetched.reverse()
        pages[part] = Page(
            rows=[r for r, _ in fetched],
            cursors=[encode_cursor(v) for _, v in fetched],
            has_next_page=more if not backwards else page.before is not None,
            has_previous_page=more if backwards else page.after is not None,
        )
    return pages
