"""Measure a GraphQL document before graphql-core validates it.

One pass per operation gives its depth, aliases, recursion and duplicated fields; a second pass,
which knows the schema and the request's variables, gives its cost and checks page sizes. Each
fragment is measured once (per parent type) and reused: walkers that expand every spread take
time exponential in the number of fragments (``...A ...A`` in ``A``'s parent, and so on), which a
document of a few hundred tokens can exploit. A fragment spread twice in one selection set counts
once, as graphql-core executes it once.

The checks run on documents that graphql-core has not validated yet, so unknown fields, types and
fragments are tolerated (counted as plain fields); the standard rules report them afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    DirectiveNode,
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
)

from schema.limits.base import (
    QUERY_TOO_COMPLEX,
    QUERY_TOO_DEEP,
    TOO_MANY_ALIASES,
    TOO_MANY_DIRECTIVES,
    Limits,
    TooDeepError,
    limit_error,
)
from schema.limits.cost import CostWalker, PageChecker
from schema.limits.shape import ShapeWalker

__all__ = ["Limits", "analyse"]


def analyse(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    limits: Limits,
) -> list[GraphQLError]:
    """Every limit the document breaks, as GraphQL errors with a stable ``extensions.code``."""
    fragments: dict[str, FragmentDefinitionNode] = {}
    operations: list[OperationDefinitionNode] = []
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            fragments.setdefault(definition.name.value, definition)
        elif isinstance(definition, OperationDefinitionNode):
            operations.append(definition)

    errors: list[GraphQLError] = []
    directives = _count_directives(document)
    if directives > limits.max_directives:
        errors.append(
            limit_error(
                f"The document uses {directives} directives; at most {limits.max_directives} are allowed.",
                TOO_MANY_DIRECTIVES,
                directives=directives,
                maxDirectives=limits.max_directives,
            )
        )
        # Directive overloading is an attack on the validator: refuse before doing more work.
        return errors

    shapes = ShapeWalker(fragments, limits)
    pages = PageChecker(limits.max_page_size, variables)
    for operation in operations:
        errors.extend(
            _check_operation(
                schema=schema, operation=operation, fragments=fragments, shapes=shapes, pages=pages, limits=limits
            )
        )
    return [*errors, *shapes.errors, *pages.errors.values()]


def _check_operation(
    *,
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    shapes: ShapeWalker,
    pages: PageChecker,
    limits: Limits,
) -> list[GraphQLError]:
    name = operation.name.value if operation.name else "anonymous"
    try:
        shape = shapes.selections(operation.selection_set, 0)
        cost = CostWalker(schema, fragments, pages.for_operation(operation), limits).selections(
            operation.selection_set, schema.get_root_type(operation.operation), paged=False, level=0
        )
    except (TooDeepError, RecursionError):
        message = f"Operation '{name}' is nested too deeply to be analysed; the depth limit is {limits.max_depth}."
        return [limit_error(message, QUERY_TOO_DEEP, [operation], maxDepth=limits.max_depth)]

    errors: list[GraphQLError] = []
    if shape.depth > limits.max_depth:
        errors.append(
            limit_error(
                f"Operation '{name}' has depth {shape.depth}; the maximum is {limits.max_depth}.",
                QUERY_TOO_DEEP,
                [operation],
                depth=shape.depth,
                maxDepth=limits.max_depth,
            )
        )
    if shape.aliases > limits.max_aliases:
        errors.append(
            limit_error(
                f"Operation '{name}' uses {shape.aliases} aliases; at most {limits.max_aliases} are allowed.",
                TOO_MANY_ALIASES,
                [operation],
                aliases=shape.aliases,
                maxAliases=limits.max_aliases,
            )
        )
    if cost > limits.max_cost:
        errors.append(
            limit_error(
                f"Operation '{name}' has cost {cost}, above the limit of {limits.max_cost}. Ask for fewer "
                "fields or smaller pages (`first`/`last`), or split the operation.",
                QUERY_TOO_COMPLEX,
                [operation],
                cost=cost,
                maxCost=limits.max_cost,
            )
        )
    return errors


def _count_directives(document: DocumentNode) -> int:
    """Directives written anywhere in the document (what the validator has to process)."""
    count = 0
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        directives: tuple[DirectiveNode, ...] = getattr(node, "directives", None) or ()
        count += len(directives)
        stack.extend(getattr(node, "variable_definitions", None) or ())
        selection_set: SelectionSetNode | None = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return count
