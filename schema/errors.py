"""One place that turns exceptions into GraphQL errors with a stable ``extensions.code``."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from resolvers.errors import DomainError

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

log = logging.getLogger("participa.graphql")

INTERNAL_MESSAGE = "Internal server error. Quote the request id when you report it."

# graphql-core suggests names in many messages (arguments, types, input fields, enum values);
# Strawberry's disable_field_suggestions strips them only from unknown-field errors.
_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


def _request_id(execution_context: ExecutionContext) -> str | None:
    return getattr(execution_context.context, "request_id", None)


def convert(error: GraphQLError, execution_context: ExecutionContext) -> GraphQLError:
    error.message = _SUGGESTION.sub("", error.message)
    original = error.original_error
    if isinstance(original, DomainError):
        return GraphQLError(
            original.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=original,
            extensions={**(error.extensions or {}), **original.extensions()},
        )
    if original is not None and not isinstance(original, GraphQLError):
        request_id = _request_id(execution_context)
        log.error(
            "unexpected error in %s (request %s)",
            ".".join(str(p) for p in (error.path or [])),
            request_id,
            exc_info=original,
        )
        return GraphQLError(
            INTERNAL_MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )
    if not (error.extensions or {}).get("code"):
        code = "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_REQUEST"
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=original,
            extensions={**(error.extensions or {}), "code": code},
        )
    return error


class ErrorCodes(SchemaExtension):
    """Give every error a code; mask unexpected ones (logged with the request id)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result: Any = self.execution_context.result
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [convert(e, self.execution_context) for e in errors]
        pre = getattr(self.execution_context, "pre_execution_errors", None)
        if pre is errors and errors:
            # Strawberry stores the executed result's own list here: convert (and log) once.
            self.execution_context.pre_execution_errors = result.errors
        elif pre:
            self.execution_context.pre_execution_errors = [convert(e, self.execution_context) for e in pre]
