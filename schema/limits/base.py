"""What the document limits share: the numbers, the error codes, the nesting guard."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLError, Node

QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
QUERY_TOO_RECURSIVE = "QUERY_TOO_RECURSIVE"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES"
TOO_MANY_DUPLICATE_FIELDS = "TOO_MANY_DUPLICATE_FIELDS"
BAD_USER_INPUT = "BAD_USER_INPUT"

PAGE_ARGUMENTS = ("first", "last")
# Relay plumbing and introspection's type wrappers legitimately repeat along a path (Decidim and
# GitLab ignore the same names); every other field counts towards the recursion limit.
RECURSION_EXEMPT = frozenset({"edges", "node", "nodes", "ofType"})
# Introspection is answered from memory and bounded by the recursion and cost limits; its
# ``ofType`` chain alone is ten levels deep, so it does not count towards the depth limit.
INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
# Selection sets and fragments nested deeper than this stop the analysis (and the request) before
# Python's own recursion limit does; the parser allows 200 levels per definition, and fragments
# can chain beyond that.
MAX_NESTING = 100
# Past this the exact cost of a document is meaningless; capping keeps the reported figure exact
# in JavaScript clients (below 2**53).
COST_CEILING = 10**15


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """The numbers a document is measured against (see app/settings.py for the chosen values)."""

    max_depth: int
    max_aliases: int
    max_directives: int
    max_recursion: int
    max_duplicate_fields: int
    max_cost: int
    max_page_size: int
    # What a list without `first`/`last` is assumed to hold when its selection is priced.
    list_size: int


class TooDeepError(Exception):
    """Raised when nesting passes MAX_NESTING; the caller reports the operation as too deep."""


def limit_error(message: str, code: str, nodes: list[Node] | None = None, **details: object) -> GraphQLError:
    return GraphQLError(message, nodes=nodes, extensions={"code": code, **details})
