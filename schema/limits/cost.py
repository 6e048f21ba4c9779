"""The cost of an operation and the page sizes it asks for; both depend on the request's variables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
)
from graphql.type import SchemaMetaFieldDef, TypeMetaFieldDef

from schema.limits.base import BAD_USER_INPUT, COST_CEILING, MAX_NESTING, PAGE_ARGUMENTS, Limits, TooDeepError


class PageChecker:
    """Resolves `first`/`last` values and refuses those outside 0..max_page_size."""

    def __init__(self, max_page_size: int, variables: Mapping[str, Any] | None) -> None:
        self.max_page_size = max_page_size
        self.variables = variables or {}
        self.defaults: dict[str, ValueNode] = {}
        self.errors: dict[tuple[int, str], GraphQLError] = {}

    def for_operation(self, operation: OperationDefinitionNode) -> PageChecker:
        """A checker that also knows the operation's variable defaults; errors are shared."""
        checker = PageChecker(self.max_page_size, self.variables)
        checker.errors = self.errors
        checker.defaults = {
            d.variable.name.value: d.default_value
            for d in operation.variable_definitions or ()
            if d.default_value is not None
        }
        return checker

    def int_value(self, value: ValueNode) -> int | None:
        """The integer a value node stands for, or None when absent, null or not an integer."""
        if isinstance(value, VariableNode):
            name = value.name.value
            if name in self.variables:
                raw = self.variables[name]
                return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
            default = self.defaults.get(name)
            return self.int_value(default) if default is not None else None
        if isinstance(value, IntValueNode):
            return int(value.value)
        return None

    def page_size(self, node: FieldNode, definition: GraphQLField | None) -> int:
        """How many items the field returns: the smallest of `first`/`last`, else their default."""
        sizes: list[int] = []
        for argument in node.arguments or ():
            if argument.name.value in PAGE_ARGUMENTS and not isinstance(argument.value, NullValueNode):
                size = self.int_value(argument.value)
                if size is not None:
                    sizes.append(max(size, 0))
        if not sizes and definition is not None:
            for name in PAGE_ARGUMENTS:
                arg = definition.args.get(name)
                default = arg.default_value if arg is not None else None
                if isinstance(default, int) and not isinstance(default, bool):
                    sizes.append(max(default, 0))
        return min(sizes) if sizes else self.max_page_size

    def check(self, node: FieldNode) -> None:
        for argument in node.arguments or ():
            name = argument.name.value
            if name not in PAGE_ARGUMENTS:
                continue
            size = self.int_value(argument.value)
            if size is None or 0 <= size <= self.max_page_size:
                continue
            self.errors.setdefault(
                (id(argument), name),
                GraphQLError(
                    f"`{name}` on field '{node.name.value}' is {size}; pages hold 0 to {self.max_page_size} records.",
                    nodes=[argument],
                    extensions={
                        "code": BAD_USER_INPUT,
                        "fields": {name: f"must be between 0 and {self.max_page_size}"},
                        "maxPageSize": self.max_page_size,
                    },
                ),
            )


class CostWalker:
    """Each field costs 1; a page multiplies its selection by its size, a plain list by an estimate.

    On an abstract type the cost is the most expensive of its possible object types, each counting
    the fragments whose type condition applies to it.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        pages: PageChecker,
        limits: Limits,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.pages = pages
        self.limits = limits
        self.memo: dict[tuple[str, str | None, bool], int] = {}
        self.in_progress: set[tuple[str, str | None, bool]] = set()

    def selections(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None, *, paged: bool, level: int
    ) -> int:
        """``paged``: this is a page's own selection, whose lists (edges, nodes) are the page itself."""
        if level > MAX_NESTING:
            raise TooDeepError
        common = 0
        conditional: list[tuple[GraphQLNamedType, int]] = []
        spreads: set[str] = set()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                common += self._field(selection, parent, paged=paged, level=level)
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = self._type(selection.type_condition.name.value) if selection.type_condition else parent
                cost = self.selections(selection.selection_set, condition, paged=paged, level=level + 1)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in spreads:
                spreads.add(selection.name.value)
                fragment = self.fragments.get(selection.name.value)
                if fragment is None:
                    continue
                condition = self._type(fragment.type_condition.name.value)
                cost = self._fragment(fragment, condition, paged=paged, level=level + 1)
            else:
                continue
            if condition is None or parent is None or condition is parent:
                common += cost
            else:
                conditional.append((condition, cost))
        if conditional:
            common += max(
                (
                    sum(c for cond, c in conditional if self._applies(cond, runtime))
                    for runtime in self._runtime(parent)
                ),
                default=0,
            )
        return min(common, COST_CEILING)

    def _field(self, node: FieldNode, parent: GraphQLNamedType | None, *, paged: bool, level: int) -> int:
        self.pages.check(node)
        definition = self._field_definition(parent, node.name.value)
        if node.selection_set is None:
            return 1
        child_type: GraphQLNamedType | None = None
        is_list = False
        if definition is not None:
            output = definition.type
            if isinstance(output, GraphQLNonNull):
                output = output.of_type
            is_list = isinstance(output, GraphQLList)
            child_type = get_named_type(output)
        has_page = any(
            (definition is not None and name in definition.args)
            or (definition is None and any(a.name.value == name for a in node.arguments or ()))
            for name in PAGE_ARGUMENTS
        )
        if has_page:
            # A connection object's own lists (edges, nodes) are the page; a paginated plain list's
            # items may hold lists of their own.
            multiplier, child_paged = self.pages.page_size(node, definition), not is_list
        elif is_list and not paged:
            multiplier, child_paged = self.limits.list_size, False
        else:
            multiplier, child_paged = 1, False
        inner = self.selections(node.selection_set, child_type, paged=child_paged, level=level + 1)
        return min(1 + multiplier * inner, COST_CEILING)

    def _fragment(
        self, fragment: FragmentDefinitionNode, condition: GraphQLNamedType | None, *, paged: bool, level: int
    ) -> int:
        key = (fragment.name.value, condition.name if condition else None, paged)
        if key in self.memo:
            return self.memo[key]
        if key in self.in_progress:
            return 0  # a cycle: graphql-core's NoFragmentCycles rule reports it
        self.in_progress.add(key)
        try:
            cost = self.selections(fragment.selection_set, condition, paged=paged, level=level)
        finally:
            self.in_progress.discard(key)
        self.memo[key] = cost
        return cost

    def _type(self, name: str) -> GraphQLNamedType | None:
        return self.schema.get_type(name)

    def _field_definition(self, parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
        if name == "__schema" and parent is self.schema.query_type:
            return SchemaMetaFieldDef
        if name == "__type" and parent is self.schema.query_type:
            return TypeMetaFieldDef
        found: GraphQLField | None = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found = parent.fields.get(name)
        return found

    def _runtime(self, parent: GraphQLNamedType | None) -> list[GraphQLNamedType | None]:
        if parent is not None and is_abstract_type(parent):
            possible: list[GraphQLNamedType | None] = list(self.schema.get_possible_types(parent))
            return possible or [parent]
        return [parent]

    def _applies(self, condition: GraphQLNamedType, runtime: GraphQLNamedType | None) -> bool:
        if runtime is None or condition is runtime:
            return True
        if is_abstract_type(condition) and isinstance(runtime, GraphQLObjectType):
            return self.schema.is_sub_type(condition, runtime)
        return False
