"""The shape of a document: depth, aliases, recursion and duplicated fields.

None of these depends on types or variables, so each fragment is measured once and reused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
)

from schema.limits.base import (
    INTROSPECTION_ROOTS,
    MAX_NESTING,
    QUERY_TOO_RECURSIVE,
    RECURSION_EXEMPT,
    TOO_MANY_DUPLICATE_FIELDS,
    Limits,
    TooDeepError,
    limit_error,
)


@dataclass(slots=True)
class Shape:
    depth: int = 0
    aliases: int = 0
    # For each field name, the most times it occurs along one path below (and including) this node.
    recursion: dict[str, int] = field(default_factory=dict)
    # How often each response key is selected at this level, inline fragments and spreads flattened.
    keys: dict[str, int] = field(default_factory=dict)

    def add(self, other: Shape) -> None:
        """Combine a sibling: paths do not overlap, so depths and recursion take the max."""
        self.depth = max(self.depth, other.depth)
        self.aliases += other.aliases
        mine = self.recursion
        for name, count in other.recursion.items():
            if count > mine.get(name, 0):
                mine[name] = count

    def add_keys(self, other: Shape) -> None:
        mine = self.keys
        for key, count in other.keys.items():
            mine[key] = mine.get(key, 0) + count


class ShapeWalker:
    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode], limits: Limits) -> None:
        self.fragments = fragments
        self.limits = limits
        self.memo: dict[str, Shape] = {}
        self.in_progress: set[str] = set()
        self.errors: list[GraphQLError] = []
        self.reported: set[str] = set()

    def selections(self, selection_set: SelectionSetNode, level: int) -> Shape:
        if level > MAX_NESTING:
            raise TooDeepError
        shape = Shape()
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

    def _field(self, node: FieldNode, selection_set: SelectionSetNode, level: int) -> Shape:
        aliases = 1 if node.alias else 0
        child = self.selections(selection_set, level + 1)
        name = node.name.value
        recursion = dict(child.recursion)  # the child may be a memoised fragment: never mutate it
        if name not in RECURSION_EXEMPT:
            recursion[name] = recursion.get(name, 0) + 1
            if recursion[name] > self.limits.max_recursion and name not in self.reported:
                self.reported.add(name)
                self.errors.append(
                    limit_error(
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
        return Shape(depth=depth, aliases=aliases + child.aliases, recursion=recursion)

    def _fragment(self, name: str, level: int) -> Shape:
        if name in self.memo:
            return self.memo[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.in_progress:
            return Shape()  # unknown fragments and cycles are reported by graphql-core's rules
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
            limit_error(
                f"Field '{key}' is selected {count} times in one selection set; "
                f"at most {self.limits.max_duplicate_fields} are allowed.",
                TOO_MANY_DUPLICATE_FIELDS,
                [selection_set],
                field=key,
                count=count,
                maxDuplicateFields=self.limits.max_duplicate_fields,
            )
        )
