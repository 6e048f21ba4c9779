"""A result's progress: its own figure, or the weighted average of its children's when it has any.

Decidim stores a parent's progress when a child changes; we compute it on read from the live subtree,
so a parent can never show a figure its children no longer support.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

import models

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

DECIMALS = 2


@dataclass(frozen=True, slots=True)
class ProgressNode:
    """What the roll-up looks at for one result."""

    id: int
    parent_id: int | None
    progress: float | None
    weight: int


def _average(values: Sequence[tuple[float, int]]) -> float:
    total_weight = sum(weight for _, weight in values)
    if total_weight == 0:
        # Weights all zero say nothing about importance: every child counts the same.
        return sum(progress for progress, _ in values) / len(values)
    return sum(progress * weight for progress, weight in values) / total_weight


def rolled_up(nodes: Iterable[ProgressNode], roots: Iterable[int]) -> dict[int, float | None]:
    """The progress each of ``roots`` shows, given ``nodes``: the roots and all their live descendants.

    A result without children shows its own progress; one with children shows
    ``sum(weight * progress) / sum(weight)`` over its children, each child's progress being itself rolled
    up, and a child without any progress counting as 0 (nothing done that anyone reported).
    """
    by_id = {n.id: n for n in nodes}
    children: dict[int, list[int]] = defaultdict(list)
    for node in by_id.values():
        if node.parent_id is not None and node.parent_id in by_id:
            children[node.parent_id].append(node.id)
    found: dict[int, float | None] = {}

    def effective(start: int) -> float | None:
        # Post-order walk with an explicit stack: deep trees must not hit Python's recursion limit.
        stack: list[tuple[int, bool]] = [(start, False)]
        on_path: set[int] = set()
        while stack:
            pk, expanded = stack.pop()
            if pk in found:
                continue
            kids = [k for k in children.get(pk, []) if k not in on_path]
            if not kids:
                found[pk] = by_id[pk].progress
                continue
            if not expanded:
                on_path.add(pk)
                stack.append((pk, True))
                stack.extend((k, False) for k in kids if k not in found)
                continue
            on_path.discard(pk)
            values = [(found.get(k) or 0.0, by_id[k].weight) for k in kids]
            found[pk] = round(_average(values), DECIMALS)
        return found.get(start)

    return {pk: effective(pk) if pk in by_id else None for pk in roots}


async def subtrees(session: AsyncSession, *, organization_id: int, root_ids: Sequence[int]) -> list[ProgressNode]:
    """The live (not deleted) results under ``root_ids``, the roots included, in one recursive statement.

    UNION (not UNION ALL) makes the walk stop even if a cycle ever slipped into the data.
    """
    r = models.Result
    base = select(r.id, r.parent_id, r.progress, r.weight).where(  # type: ignore[call-overload]
        r.id.in_(root_ids),  # type: ignore[union-attr]
        r.organization_id == organization_id,
        r.deleted_at.is_(None),  # type: ignore[union-attr]
    )
    tree = base.cte("result_subtree", recursive=True)
    child = aliased(r)
    tree = tree.union(
        select(child.id, child.parent_id, child.progress, child.weight).where(  # type: ignore[call-overload]
            child.parent_id == tree.c.id,
            child.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    )
    rows = (await session.execute(select(tree.c.id, tree.c.parent_id, tree.c.progress, tree.c.weight))).all()
    return [ProgressNode(id=int(i), parent_id=p, progress=g, weight=int(w)) for i, p, g, w in rows]
