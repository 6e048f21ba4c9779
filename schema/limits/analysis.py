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
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DirectiveNode,
    DocumentNode,
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
    Node,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
)
from graphql.type import SchemaMetaFieldDef, TypeMetaFieldDef

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


class _TooDeepError(Exception):
    """Raised when nesting passes MAX_NESTING; the caller reports the operation as too deep."""


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
            _error(
                f"The document uses {directives} directives; at most {limits.max_directives} are allowed.",
                TOO_MANY_DIRECTIVES,
                directives=directives,
                maxDirectives=limits.max_directives,
            )
        )
        # Directive overloading is an attack on the validator: refuse before doing more work.
        return errors

    shapes = _ShapeWalker(fragments, limits)
    pages = _PageChecker(limits.max_page_size, variables)
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
    shapes: _ShapeWalker,
    pages: _PageChecker,
    limits: Limits,
) -> list[GraphQLError]:
    name = operation.name.value if operation.name else "anonymous"
    try:
        shape = shapes.selections(operation.selection_set, 0)
        cost = _CostWalker(schema, fragments, pages.for_operation(operation), limits).selections(
            operation.selection_set, schema.get_root_type(operation.operation), paged=False, level=0
        )
    except (_TooDeepError, RecursionError):
        message = f"Operation '{name}' is nested too deeply to be analysed; the depth limit is {limits.max_depth}."
        return [_error(message, QUERY_TOO_DEEP, [operation], maxDepth=limits.max_depth)]

    errors: list[GraphQLError] = []
    if shape.depth > limits.max_depth:
        errors.append(
            _error(
                f"Operation '{name}' has depth {shape.depth}; the maximum is {limits.max_depth}.",
                QUERY_TOO_DEEP,
                [operation],
                depth=shape.depth,
                maxDepth=limits.max_depth,
            )
        )
    if shape.aliases > limits.max_aliases:
        errors.append(
            _error(
                f"Operation '{name}' uses {shape.aliases} aliases; at most {limits.max_aliases} are allowed.",
                TOO_MANY_ALIASES,
                [operation],
                aliases=shape.aliases,
                maxAliases=limits.max_aliases,
            )
        )
    if cost > limits.max_cost:
        errors.append(
            _error(
                f"Operation '{name}' has cost {cost}, above the limit of {limits.max_cost}. Ask for fewer "
                "fields or smaller pages (`first`/`last`), or split the operation.",
                QUERY_TOO_COMPLEX,
                [operation],
                cost=cost,
                maxCost=limits.max_cost,
            )
        )
    return errors


def _error(message: str, code: str, nodes: list[Node] | None = None, **details: object) -> GraphQLError:
    return GraphQLError(message, nodes=nodes, extensions={"code": code, **details})


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


# -- shape: depth, aliases, recursion, duplicated fields (independent of types and variables) ------


@dataclass(slots=True)
class _Shape:
    depth: int = 0
    aliases: int = 0
    # For each field name, the most times it occurs along one path below (and including) this node.
    recursion: dict[str, int] = field(default_factory=dict)
    # How often each response key is selected at this level, inline fragments and spreads flattened.
    keys: dict[str, int] = field(default_factory=dict)

    def add(self, other: _Shape) -> None:
        """Combine a sibling: paths do not overlap, so depths and recursion take the max."""
        self.depth = max(self.depth, other.depth)
        self.aliases += other.aliases
        mine = self.recursion
        for name, count in other.recursion.items():
            if count > mine.get(name, 0):
                mine[name] = count

    def add_keys(self, other: _Shape) -> None:
        mine = self.keys
        for key, count in other.keys.items():
            mine[key] = mine.get(key, 0) + count


class _ShapeWalker:
    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode], limits: Limits) -> None:
        self.fragments = fragments
        self.limits = limits
        self.memo: dict[str, _Shape] = {}
        self.in_progress: set[str] = set()
        self.errors: list[GraphQLError] = []
        self.reported: set[str] = set()

    def selections(self, selection_set: SelectionSetNode, level: int) -> _Shape:
        if level > MAX_NESTING:
            raise _TooDeepError
        shape = _Shape()
        keys = shape.keys
        spreads: set[str] = set()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                keys[key] = keys.get(key, 0) + 1
                if selection.selection_set is None:  # a leaf: depth 1, nothing below (the common case)
                    shape.depth = max(shape.depth, 1)
                    shape.aliases += 1 if selection.alias else 0
                else:
                    shape.add(self._field(selection, selection.selection_set, level))
            elif isinstance(selection, InlineFragmentNode):
                inner = self.selections(selection.selection_set, level + 1)
                shape.add(inner)
                shape.add_keys(inner)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in spreads:
                spreads.add(selection.name.value)
                inner = self._fragment(selection.name.value, level + 1)
                shape.add(inner)
                shape.add_keys(inner)
        self._check_duplicates(keys, selection_set)
        return shape

    def _field(self, node: FieldNode, selection_set: SelectionSetNode, level: int) -> _Shape:
        aliases = 1 if node.alias else 0
        child = self.selections(selection_set, level + 1)
        name = node.name.value
        recursion = dict(child.recursion)  # the child may be a memoised fragment: never mutate it
        if name not in RECURSION_EXEMPT:
            recursion[name] = recursion.get(name, 0) + 1
            if recursion[name] > self.limits.max_recursion and name not in self.reported:
                self.reported.add(name)
                self.errors.append(
                    _error(
                        f"Field '{name}' is nested {recursion[name]} times in one branch; "
                        f"at most {self.limits.max_recursion} are allowed.",
                        QUERY_TOO_RECURSIVE,
                        [node],
                        field=name,
                        count=recursion[name],
                        maxRecursion=self.limits.max_recursion,
                    )
                )
        depth = 1 if name in INTROSPECTION_ROOTS else 1 + child.depth
        return _Shape(depth=depth, aliases=aliases + child.aliases, recursion=recursion)

    def _fragment(self, name: str, level: int) -> _Shape:
        if name in self.memo:
            return self.memo[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.in_progress:
            return _Shape()  # unknown fragments and cycles are reported by graphql-core's rules
        self.in_progress.add(name)
        try:
            shape = self.selections(fragment.selection_set, level)
        finally:
            self.in_progress.discard(name)
        self.memo[name] = shape
        return shape

    def _check_duplicates(self, keys: dict[str, int], selection_set: SelectionSetNode) -> None:
        """Refuse field duplication: graphql-core compares same-named fields pairwise (quadratic)."""
        if not keys or max(keys.values()) <= self.limits.max_duplicate_fields:
            return
        key = max(keys, key=keys.__getitem__)
        count = keys[key]
        marker = f"duplicate:{key}"
        if marker in self.reported:
            return
        self.reported.add(marker)
        self.errors.append(
            _error(
                f"Field '{key}' is selected {count} times in one selection set; "
                f"at most {self.limits.max_duplicate_fields} are allowed.",
                TOO_MANY_DUPLICATE_FIELDS,
                [selection_set],
                field=key,
                count=count,
                maxDuplicateFields=self.limits.max_duplicate_fields,
            )
        )


# -- page sizes (depend on variables) ---------------------------------------------------------------


class _PageChecker:
    """Resolves `first`/`last` values and refuses those outside 0..max_page_size."""

    def __init__(self, max_page_size: int, variables: Mapping[str, Any] | None) -> None:
        self.max_page_size = max_page_size
        self.variables = variables or {}
        self.defaults: dict[str, ValueNode] = {}
        self.errors: dict[tuple[int, str], GraphQLError] = {}

    def for_operation(self, operation: OperationDefinitionNode) -> _PageChecker:
        """A checker that also knows the operation's variable defaults; errors are shared."""
        checker = _PageChecker(self.max_page_size, self.variables)
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


# -- cost (depends on types and variables) ----------------------------------------------------------


class _CostWalker:
    """Each field costs 1; a page multiplies its selection by its size, a plain list by an estimate.

    On an abstract type the cost is the most expensive of its possible object types, each counting
    the fragments whose type condition applies to it.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        pages: _PageChecker,
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
            raise _TooDeepError
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
            possible: list[GraphQLNamedType | None] = list(self.schema.get_possible_types(parent))  # type: ignore[arg-type]
            return possible or [parent]
        return [parent]

    def _applies(self, condition: GraphQLNamedType, runtime: GraphQLNamedType | None) -> bool:
        if runtime is None or condition is runtime:
            return True
        if is_abstract_type(condition) and isinstance(runtime, GraphQLObjectType):
            return self.schema.is_sub_type(condition, runtime)  # type: ignore[arg-type]
        return False
