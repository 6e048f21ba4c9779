"""Keyset pagination: pages partitioned by parent in one statement, stable under inserts."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import models
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import PageRequest, SortKey, decode_cursor, paginate_partitions


def _keys() -> list[SortKey]:
    c = models.Component
    return [
        SortKey("weight", c.weight, Direction.DESC),  # type: ignore[arg-type]
        SortKey("id", c.id, Direction.ASC),  # type: ignore[arg-type]
    ]


async def _page(app: Any, spaces: list[int], page: PageRequest) -> dict[Any, Any]:
    async with app.state.sessionmaker() as session:
        return await paginate_partitions(
            session,
            select(models.Component),
            partition=models.Component.space_id,  # type: ignore[arg-type]
            partitions=spaces,
            keys=_keys(),
            page=page,
            default_size=50,
        )


async def test_pages_of_several_parents_come_from_one_statement(app: Any, make: Any, count_queries: Any) -> None:
    a, b = await make.process(), await make.process()
    a_rows = [await make.component(space=a, weight=w) for w in (1, 3, 2, 3)]
    b_rows = [await make.component(space=b, weight=w) for w in (5, 4)]
    with count_queries() as log:
        pages = await _page(app, [a.id, b.id], PageRequest(first=3))
    assert log.count == 1
    expected_a = [a_rows[1].id, a_rows[3].id, a_rows[2].id]  # weight desc, then id
    assert [r.id for r in pages[a.id].rows] == expected_a
    assert pages[a.id].has_next_page is True
    assert [r.id for r in pages[b.id].rows] == [b_rows[0].id, b_rows[1].id]
    assert pages[b.id].has_next_page is False


async def test_next_page_after_cursor_is_stable_when_rows_are_inserted_before_it(app: Any, make: Any) -> None:
    space = await make.process()
    rows = [await make.component(space=space, weight=10 - i) for i in range(5)]
    first = (await _page(app, [space.id], PageRequest(first=2)))[space.id]
    await make.component(space=space, weight=100)  # lands on page one, must not shift page two
    second = (await _page(app, [space.id], PageRequest(first=2, after=first.cursors[-1])))[space.id]
    assert [r.id for r in second.rows] == [rows[2].id, rows[3].id]
    assert second.has_previous_page is True


async def test_last_before_walks_backwards_in_display_order(app: Any, make: Any) -> None:
    space = await make.process()
    rows = [await make.component(space=space, weight=10 - i) for i in range(5)]
    all_rows = (await _page(app, [space.id], PageRequest(first=5)))[space.id]
    back = (await _page(app, [space.id], PageRequest(last=2, before=all_rows.cursors[3])))[space.id]
    assert [r.id for r in back.rows] == [rows[1].id, rows[2].id]
    assert back.has_previous_page is True


def test_a_forged_cursor_is_a_client_error() -> None:
    with pytest.raises(BadUserInput):
        decode_cursor("not-a-cursor!!", arity=2, argument="after")


def test_page_sizes_above_the_cap_are_refused() -> None:
    with pytest.raises(BadUserInput):
        PageRequest(first=51).validate(max_size=50)


def test_a_cursor_with_a_malformed_date_is_a_client_error() -> None:
    import base64

    forged = base64.urlsafe_b64encode(b'[{"t": "not-a-date"}, 1]').decode().rstrip("=")
    with pytest.raises(BadUserInput):
        decode_cursor(forged, arity=2, argument="after")
