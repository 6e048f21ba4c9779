"""Protections against expensive or abusive documents, applied to every operation.

``limit_extensions`` gives the Strawberry extensions, as per-request factories, in the order they
must run. The numbers come from ``app.settings.LimitSettings`` (passed in by ``app.asgi``: the
schema package never reads the application's settings). What each limit measures is in
``schema.limits.analysis``; the codes a client can branch on:

``TOO_MANY_TOKENS``, ``GRAPHQL_PARSE_FAILED``, ``TOO_MANY_DIRECTIVES``, ``QUERY_TOO_DEEP``,
``TOO_MANY_ALIASES``, ``QUERY_TOO_RECURSIVE``, ``TOO_MANY_DUPLICATE_FIELDS``, ``QUERY_TOO_COMPLEX``
and ``BAD_USER_INPUT`` (a `first`/`last` outside 0..max_page_size).
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry.extensions import SchemaExtension

from schema.limits.analysis import Limits
from schema.limits.extensions import DocumentLimits, LimitAwareValidationCache, LimitedParserCache, LimitsCache

# A list without `first`/`last` (steps, categories, components, attachments...) is priced as if it
# held this many items: what a participatory space typically shows (a handful of steps, around ten
# categories or components). It makes unpaginated nested lists multiply as connections do.
LIST_SIZE_ESTIMATE = 10

__all__ = ["LIST_SIZE_ESTIMATE", "Limits", "limit_extensions"]


def limit_extensions(
    *,
    max_depth: int,
    max_aliases: int,
    max_tokens: int,
    max_cost: int,
    max_page_size: int,
    cache_size: int,
    max_directives: int = 50,
    max_recursion: int = 3,
    max_duplicate_fields: int = 20,
    list_size: int = LIST_SIZE_ESTIMATE,
) -> list[Callable[[], SchemaExtension]]:
    limits = Limits(
        max_depth=max_depth,
        max_aliases=max_aliases,
        max_directives=max_directives,
        max_recursion=max_recursion,
        max_duplicate_fields=max_duplicate_fields,
        max_cost=max_cost,
        max_page_size=max_page_size,
        list_size=list_size,
    )
    analyses = LimitsCache(cache_size)
    # Factories, so no extension instance is shared between concurrent requests; the caches behind
    # ParserCache and ValidationCache are shared (module-level, keyed by size) and the validation
    # rules are the same classes on every request, so cached validations are reused.
    return [
        lambda: LimitedParserCache(maxsize=cache_size, max_tokens=max_tokens),
        lambda: DocumentLimits(limits, analyses),
        lambda: LimitAwareValidationCache(maxsize=cache_size),
    ]
