"""The Strawberry extensions that apply the limits around parsing and validation.

Order matters and ``limit_extensions`` keeps it: parse (cached, token limit) -> the limits of
``analysis`` -> graphql-core's validation (cached). The limits run before the standard rules so a
document built to be expensive to validate (duplicated fields, overloaded directives) is refused
before graphql-core spends time on it, and they run per request because cost and page sizes depend
on the variables, which a cached validation never sees.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, GraphQLSyntaxError
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from schema.limits.analysis import analyse

if TYPE_CHECKING:
    from schema.limits.analysis import Limits

TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"

# graphql-core's wording when the parser stops at a limit; tests pin it (tests/security).
_PARSER_LIMIT = re.compile(r"Document contains more than \d+ (tokens|comments)")


class LimitedParserCache(ParserCache):
    """Strawberry's parser cache, with a token limit whose refusal carries a code.

    Strawberry's MaxTokensLimiter only passes the limit to the parser; the resulting syntax error
    is raised from this hook, outside the operation's error handling, so it would reach the client
    without any ``extensions.code``. Every syntax error raised here gets one.
    """

    def __init__(self, *, maxsize: int, max_tokens: int) -> None:
        super().__init__(maxsize=maxsize)
        self.max_tokens = max_tokens

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        options: dict[str, Any] = {
            **context.parse_options,
            # Comments are lexed too; the deprecated `max_tokens` counted them, these two limits split it.
            "max_lexical_tokens": self.max_tokens,
            "max_comments": self.max_tokens,
        }
        try:
            context.graphql_document = self.cached_parse_document(context.query, **options)
        except GraphQLSyntaxError as error:
            raise _coded_syntax_error(error, self.max_tokens) from None
        yield


def _coded_syntax_error(error: GraphQLSyntaxError, max_tokens: int) -> GraphQLError:
    if _PARSER_LIMIT.search(error.message):
        message = f"The document has more than {max_tokens} tokens; split the operation."
        extensions: dict[str, Any] = {"code": TOO_MANY_TOKENS, "maxTokens": max_tokens}
    else:
        message, extensions = error.message, {"code": GRAPHQL_PARSE_FAILED}
    return GraphQLError(
        message, nodes=error.nodes, source=error.source, positions=error.positions, extensions=extensions
    )


class LimitsCache:
    """Bounded memory of analyses, shared by the requests of one schema.

    The analysis reads the variables only through the integers given to `first`/`last`, so the key
    is the document's text plus each variable's integer value (None for any other value): a new
    cursor or filter value still hits the cache, a new page size does not. The text is kept as a
    digest, so a long document does not stay in memory through this cache.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.entries: OrderedDict[Hashable, tuple[GraphQLError, ...]] = OrderedDict()

    def analyse(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        query: str | None,
        variables: Mapping[str, Any] | None,
        limits: Limits,
    ) -> list[GraphQLError]:
        if query is None or self.maxsize <= 0:
            return analyse(schema, document, variables, limits)
        digest = hashlib.blake2b(query.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        key = (digest, tuple(sorted((name, _int_or_none(value)) for name, value in (variables or {}).items())))
        errors = self.entries.get(key)
        if errors is None:
            errors = tuple(analyse(schema, document, variables, limits))
            self.entries[key] = errors
            if len(self.entries) > self.maxsize:
                self.entries.popitem(last=False)
        else:
            self.entries.move_to_end(key)
        return list(errors)


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class DocumentLimits(SchemaExtension):
    """Refuse a parsed document that breaks a limit, before graphql-core validates it."""

    def __init__(self, limits: Limits, cache: LimitsCache) -> None:
        super().__init__()
        self.limits = limits
        self.cache = cache

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            # Strawberry keeps the GraphQLSchema private; ValidationCache reads it the same way.
            errors = self.cache.analyse(
                context.schema._schema, context.graphql_document, context.query, context.variables, self.limits
            )
            if errors:
                context.pre_execution_errors = errors
        yield


class LimitAwareValidationCache(ValidationCache):
    """Strawberry's validation cache, skipped when a limit has already refused the document."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if not context.pre_execution_errors:
            context.pre_execution_errors = self.cached_validate_document(
                context.schema._schema, context.graphql_document, context.validation_rules
            )
        yield
