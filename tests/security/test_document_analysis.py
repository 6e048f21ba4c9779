"""The document analysis on its own (no database): abstract types, fragments, hostile shapes."""

from __future__ import annotations

import time
from typing import Any

import pytest
from graphql import build_schema, parse

from schema.limits.analysis import Limits, analyse
from schema.limits.base import MAX_NESTING

SCHEMA = build_schema(
    """
    interface Node { id: ID! }
    interface Named { name: String }
    type Cheap implements Node { id: ID! }
    type Costly implements Node & Named { id: ID! name: String children: [Costly] }
    type Query { node: Node nodes: [Node] costly: Costly }
    """
)


def limits(**overrides: int) -> Limits:
    numbers = {
        "max_depth": 15,
        "max_aliases": 30,
        "max_directives": 50,
        "max_recursion": 3,
        "max_duplicate_fields": 20,
        "max_cost": 0,  # every document breaks it, so each test reads its cost
        "max_page_size": 50,
        "list_size": 10,
    }
    return Limits(**(numbers | overrides))


def measure(query: str, **overrides: int) -> list[dict[str, Any]]:
    return [dict(e.extensions or {}) for e in analyse(SCHEMA, parse(query), None, limits(**overrides))]


def cost(query: str) -> int:
    (error,) = measure(query)
    assert error["code"] == "QUERY_TOO_COMPLEX"
    return int(error["cost"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ node { id } }", 2),
        # Only one of the fragments applies to the object returned: the dearer one is priced.
        ("{ node { id ... on Cheap { id } ... on Costly { name children { id } } } }", 1 + 1 + 1 + 11),
        # Fragments on two interfaces that one type implements both apply to it.
        ("{ node { ... on Node { id } ... on Named { name } ... on Costly { id } } }", 1 + 3),
        ("{ nodes { ...C } } fragment C on Costly { children { id } }", 1 + 10 * 11),
        # One fragment, priced on two parents: memoised per parent type.
        ("{ costly { ...N } node { ...N } } fragment N on Node { id }", 2 + 2),
    ],
)
def test_cost_of_abstract_selections_is_the_dearest_possible_type(query: str, expected: int) -> None:
    assert cost(query) == expected


def test_a_fragment_spread_twice_in_one_selection_is_counted_once_as_it_is_executed_once() -> None:
    assert cost("{ costly { ...F ...F } } fragment F on Costly { children { id } }") == 1 + 11


def test_fragment_cycles_are_left_to_graphql_core() -> None:
    assert measure("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", max_cost=100) == []


def test_unknown_fields_types_and_fragments_are_tolerated() -> None:
    query = "{ missing { deeper } node { ... on Nowhere { id } ...Absent } }"

    assert measure(query, max_cost=100) == []


def test_fragments_chained_beyond_the_nesting_bound_are_refused_as_too_deep() -> None:
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(MAX_NESTING + 5))
    query = f"{{ ...F0 }} {chain} fragment F{MAX_NESTING + 5} on Query {{ __typename }}"

    assert measure(query, max_cost=100) == [{"code": "QUERY_TOO_DEEP", "maxDepth": 15}]


def test_fragments_spreading_two_others_are_measured_in_linear_time() -> None:
    """A Fibonacci-shaped fragment graph: expanding it would take 2**60 steps."""
    levels = 60
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 2} }}" for i in range(levels))
    leaves = f"fragment F{levels} on Query {{ a: __typename }} fragment F{levels + 1} on Query {{ b: __typename }}"
    query = f"{{ ...F0 }} {chain} {leaves}"

    started = time.perf_counter()
    errors = measure(query, max_cost=10**9)
    elapsed = time.perf_counter() - started

    assert elapsed < 0.5
    # A fragment reached along two paths of spreads counts twice (graphql-core merges it): an
    # over-estimate, on the safe side, which refuses this shape.
    assert {e["code"] for e in errors} == {"TOO_MANY_ALIASES", "TOO_MANY_DUPLICATE_FIELDS", "QUERY_TOO_COMPLEX"}


def test_introspection_does_not_count_towards_depth_but_towards_recursion() -> None:
    type_ref = "kind name " + "ofType { kind name " * 12 + "}" * 12
    deep_type = f"{{ __schema {{ types {{ fields {{ type {{ {type_ref} }} }} }} }} }}"

    assert measure(deep_type, max_cost=10**6) == []


def test_the_cost_is_capped_to_stay_exact_in_javascript() -> None:
    query = "{ costly { " + "children { " * 17 + "id" + " }" * 17 + " } }"

    errors = measure(query, max_recursion=100, max_depth=100)

    assert [e["code"] for e in errors] == ["QUERY_TOO_COMPLEX"]
    assert errors[0]["cost"] <= 2**53
