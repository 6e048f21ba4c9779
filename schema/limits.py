"""Protections against expensive or abusive documents, applied to every operation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, ParserCache, QueryDepthLimiter, ValidationCache

if TYPE_CHECKING:
    from app.settings import LimitSettings


def limit_extensions(limits: LimitSettings) -> list[Any]:
    return [
        lambda: ParserCache(maxsize=limits.parser_cache_size),
        lambda: ValidationCache(maxsize=limits.parser_cache_size),
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
        lambda: QueryDepthLimiter(max_depth=limits.max_depth),
    ]
