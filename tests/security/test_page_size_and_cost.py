"""Page sizes and the cost model, on a tiny schema built here (Participa has no connection yet).

The limits apply to any field argument named `first` or `last`, so this schema only needs such
fields: a paginated list, a Relay-style connection and a plain list.
"""

from __future__ import annotations

from typing import Any

import pytest
import strawberry

from schema.errors import ErrorCodes
from schema.limits import limit_extensions

MAX_PAGE_SIZE = 50


@strawberry.type
class Item:
    id: int

    @strawberry.field
    def children(self, first: int | None = None, last: int | None = None) -> list[Item]:
        return [Item(id=self.id * 100 + i) for i in range(first or last or 0)]

    @strawberry.field
    def related(self) -> list[Item]:
        return [Item(id=self.id + 1)]


@strawberry.type
class Edge:
    node: Item


@strawberry.type
class ItemConnection:
    edges: list[Edge]
    total_count: int


@strawberry.type
class Query:
    @strawberry.field
    def items(self, first: int | None = None, last: int | None = None) -> list[Item]:
        return [Item(id=i) for i in range(first or last or 3)]

    @strawberry.field
    def connection(self, first: int = 10) -> ItemConnection:
        return ItemConnection(edges=[Edge(node=Item(id=i)) for i in range(first)], total_count=99)


def build(max_cost: int = 1_000_000) -> strawberry.Schema:
    extensions = limit_extensions(
        max_depth=15,
        max_aliases=30,
        max_tokens=2000,
        max_cost=max_cost,
        max_page_size=MAX_PAGE_SIZE,
        cache_size=16,
    )
    return strawberry.Schema(query=Query, extensions=[ErrorCodes, *extensions])


async def run(schema: strawberry.Schema, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await schema.execute(query, variable_values=variables)
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [e.formatted for e in result.errors]
    return body


def page_error(argument: str, size: int, column: int) -> dict[str, Any]:
    return {
        "message": f"`{argument}` on field 'items' is {size}; pages hold 0 to {MAX_PAGE_SIZE} records.",
        "locations": [{"line": 1, "column": column}],
        "extensions": {
            "code": "BAD_USER_INPUT",
            "fields": {argument: f"must be between 0 and {MAX_PAGE_SIZE}"},
            "maxPageSize": MAX_PAGE_SIZE,
        },
    }


# -- page size --------------------------------------------------------------------------------------


@pytest.mark.parametrize("argument", ["first", "last"])
async def test_a_full_page_is_served(argument: str) -> None:
    body = await run(build(), f"{{ items({argument}: {MAX_PAGE_SIZE}) {{ id }} }}")

    assert body == {"data": {"items": [{"id": i} for i in range(MAX_PAGE_SIZE)]}}


@pytest.mark.parametrize("argument", ["first", "last"])
async def test_a_page_larger_than_the_cap_is_refused_before_execution(argument: str) -> None:
    body = await run(build(), f"{{ items({argument}: {MAX_PAGE_SIZE + 1}) {{ id }} }}")

    assert body == {"data": None, "errors": [page_error(argument, MAX_PAGE_SIZE + 1, 9)]}


async def test_a_negative_page_size_is_refused() -> None:
    body = await run(build(), "{ items(first: -1) { id } }")

    assert body == {"data": None, "errors": [page_error("first", -1, 9)]}


async def test_a_page_size_given_in_a_variable_is_capped_too() -> None:
    query = "query($n: Int) { items(first: $n) { id } }"

    assert (await run(build(), query, {"n": 2})) == {"data": {"items": [{"id": 0}, {"id": 1}]}}
    assert (await run(build(), query, {"n": 1000})) == {"data": None, "errors": [page_error("first", 1000, 24)]}


async def test_a_variables_default_page_size_is_capped_too() -> None:
    body = await run(build(), "query($n: Int = 500) { items(first: $n) { id } }")

    assert body == {"data": None, "errors": [page_error("first", 500, 30)]}


async def test_page_sizes_inside_fragments_are_capped() -> None:
    body = await run(build(), "{ ...F } fragment F on Query { items { children(last: 99) { id } } }")

    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert body["errors"][0]["message"] == "`last` on field 'children' is 99; pages hold 0 to 50 records."


# -- cost -------------------------------------------------------------------------------------------


def too_complex(cost: int, limit: int) -> dict[str, Any]:
    return {
        "message": f"Operation 'anonymous' has cost {cost}, above the limit of {limit}. Ask for fewer fields or "
        "smaller pages (`first`/`last`), or split the operation.",
        "locations": [{"line": 1, "column": 1}],
        "extensions": {"code": "QUERY_TOO_COMPLEX", "cost": cost, "maxCost": limit},
    }


NESTED_PAGES = "query($n: Int) { items(first: $n) { children(first: $n) { id } } }"


@pytest.mark.parametrize(("size", "cost"), [(None, 1 + 50 * (1 + 50 * 1)), (2, 1 + 2 * (1 + 2 * 1))])
async def test_a_page_multiplies_the_cost_of_its_selection_by_its_size(size: int | None, cost: int) -> None:
    """Without a size the page is assumed full (max_page_size)."""
    variables = {} if size is None else {"n": size}

    accepted = await run(build(max_cost=cost), NESTED_PAGES, variables)
    refused = await run(build(max_cost=cost - 1), NESTED_PAGES, variables)

    assert "errors" not in accepted
    assert refused == {"data": None, "errors": [too_complex(cost, cost - 1)]}


async def test_a_plain_list_is_priced_as_ten_items() -> None:
    cost = 1 + 1 * (1 + 10 * (1 + 1))  # items(first: 1) > related (x10) > id, __typename

    body = await run(build(max_cost=cost - 1), "{ items(first: 1) { related { id __typename } } }")

    assert body["errors"] == [too_complex(cost, cost - 1)]


async def test_the_edges_of_a_connection_are_its_page_not_another_list() -> None:
    cost = 1 + 5 * (1 + (1 + (1 + 1)))  # connection(first: 5) > totalCount, edges > node > id

    body = await run(build(max_cost=cost - 1), "{ connection(first: 5) { totalCount edges { node { id } } } }")

    assert body["errors"] == [too_complex(cost, cost - 1)]


async def test_a_page_sizes_schema_default_is_used_when_the_argument_is_absent() -> None:
    cost = 1 + 10 * (1 + (1 + 1))  # connection's `first` defaults to 10

    body = await run(build(max_cost=cost - 1), "{ connection { edges { node { id } } } }")

    assert body["errors"] == [too_complex(cost, cost - 1)]


async def test_a_new_page_size_is_priced_afresh_and_a_new_cursor_is_not() -> None:
    """The analysis is cached by document and page-size values only."""
    schema = build(max_cost=7)

    small = await run(schema, NESTED_PAGES, {"n": 2})
    large = await run(schema, NESTED_PAGES, {"n": 3})
    small_again = await run(schema, NESTED_PAGES, {"n": 2})

    assert "errors" not in small
    assert large["errors"] == [too_complex(1 + 3 * (1 + 3), 7)]
    assert small_again == small
