"""Token scopes, checked once for every mutation: writing needs ``api:write``.

A read-only API token (``api:read`` only) may still call what anonymous people may call: the
account mutations one needs before having a token, and anonymous survey answers. The check looks
at the operation's root fields before anything runs, so a denied document writes nothing at all,
even when it mixes an allowed field with a forbidden one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationType,
    SelectionSetNode,
)
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from resolvers.errors import Forbidden
from resolvers.permissions import may_write

if TYPE_CHECKING:
    from graphql import DocumentNode

# Root mutation fields that need no api:write (anonymous people must be able to call them).
OPEN_MUTATIONS = frozenset(
    {
        "register",
        "confirmEmail",
        "signIn",
        "requestPasswordReset",
        "resetPassword",
        "resendConfirmation",
        "answerSurvey",
    }
)
# ``component(id)`` is open only when all it selects is a survey answer.
OPEN_COMPONENT_FIELDS = frozenset(
    {("SurveysMutation", "answer"), ("SurveysMutation", "__typename"), (None, "__typename")}
)

INSUFFICIENT_SCOPE_MESSAGE = "This token may only read: it lacks the api:write scope."


def _fields(
    selections: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode], on: str | None = None
) -> Iterator[tuple[str | None, FieldNode]]:
    """The fields of one selection level, through fragments, with the type condition they sit under."""
    for node in selections.selections:
        if isinstance(node, FieldNode):
            yield on, node
        elif isinstance(node, InlineFragmentNode):
            condition = node.type_condition.name.value if node.type_condition else on
            yield from _fields(node.selection_set, fragments, condition)
        elif isinstance(node, FragmentSpreadNode):
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set, fragments, fragment.type_condition.name.value)


def _open(field: FieldNode, fragments: dict[str, FragmentDefinitionNode]) -> bool:
    name = field.name.value
    if name in OPEN_MUTATIONS or name == "__typename":
        return True
    if name == "component" and field.selection_set is not None:
        return all((on, sub.name.value) in OPEN_COMPONENT_FIELDS for on, sub in _fields(field.selection_set, fragments))
    return False


def needs_write_scope(document: DocumentNode, operation_name: str | None) -> bool:
    """True when the document's operation is a mutation touching a field outside the open list."""
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.MUTATION:
        return False
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return not all(_open(field, fragments) for _, field in _fields(operation.selection_set, fragments))


class RequireWriteScope(SchemaExtension):
    """Refuse, before execution, a signed-in caller's mutation that needs a scope its token lacks.

    Anonymous callers are left to each mutation, which answers UNAUTHENTICATED where signing in helps.
    """

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        viewer = getattr(ctx.context, "viewer", None)
        document = ctx.graphql_document
        if (
            viewer is not None
            and not viewer.is_anonymous
            and not may_write(viewer)
            and document is not None
            and needs_write_scope(document, ctx.operation_name)
        ):
            denial = Forbidden(INSUFFICIENT_SCOPE_MESSAGE, reason="INSUFFICIENT_SCOPE")
            ctx.result = ExecutionResult(data=None, errors=[GraphQLError(denial.message, original_error=denial)])
        yield
