"""Reading budgets: keyset pages and counts per component, the viewer's orders, what a write may target."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

import models
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, decode_cursor, paginate_partitions
from resolvers.visibility import budget_visible, project_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

_INT64 = 2**63

SORT_KEYS = [
    SortKey("weight", models.Budget.weight, Direction.ASC),  # type: ignore[arg-type]
    SortKey("id", models.Budget.id, Direction.ASC),  # type: ignore[arg-type]
]
"""Budgets in the order the admins gave them (``weight``), then creation order."""


def check_cursors(page: PageRequest) -> None:
    """Refuse forged cursors before they reach SQL as mistyped values."""
    for argument, cursor in (("after", page.after), ("before", page.before)):
        if cursor is None:
            continue
        values = decode_cursor(cursor, arity=len(SORT_KEYS), argument=argument)
        if not all(type(v) is int and -_INT64 <= v < _INT64 for v in values):
            msg = f"Invalid cursor in `{argument}`: use a cursor this list returned."
            raise BadUserInput(msg, fields={argument: "invalid cursor"})


async def budget_pages(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], page: PageRequest, default_size: int
) -> dict[int, Page]:
    """One page of visible budgets for each component, all from one statement."""
    check_cursors(page)
    pages = await paginate_partitions(
        session,
        select(models.Budget).where(budget_visible(scope)),
        partition=models.Budget.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=SORT_KEYS,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def budget_counts(session: AsyncSession, *, scope: Scope, component_ids: Sequence[int]) -> dict[int, int]:
    b = models.Budget
    stmt = (
        select(b.component_id, func.count())  # type: ignore[call-overload]
        .where(budget_visible(scope), b.component_id.in_(component_ids))  # type: ignore[attr-defined]
        .group_by(b.component_id)
    )
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}


@dataclass(frozen=True, slots=True)
class OrderView:
    """A participant's order with its projects (in the order they were chosen) and what they cost."""

    order: models.Order
    project_ids: list[int] = field(default_factory=list)
    total: int = 0


async def orders_of(session: AsyncSession, *, user_id: int, budget_ids: Sequence[int]) -> dict[int, OrderView]:
    """``budget id -> OrderView`` for the participant's orders in these budgets, in one statement."""
    o, li, p = models.Order, models.LineItem, models.Project
    stmt = (
        select(o, li.project_id, p.budget_amount)  # type: ignore[call-overload]
        .outerjoin(li, li.order_id == o.id)
        .outerjoin(p, p.id == li.project_id)
        .where(o.user_id == user_id, o.budget_id.in_(budget_ids))  # type: ignore[attr-defined]
        .order_by(o.id, li.id)
    )
    orders: dict[int, models.Order] = {}
    projects: dict[int, list[int]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    for order, project_id, amount in (await session.execute(stmt)).all():
        orders[order.budget_id] = order
        if project_id is not None:
            projects[order.budget_id].append(int(project_id))
            totals[order.budget_id] += int(amount or 0)
    return {bid: OrderView(order, projects[bid], totals[bid]) for bid, order in orders.items()}


async def reachable_budget(session: AsyncSession, *, scope: Scope, component_id: int, budget_id: int) -> bool:
    """The budget is one the viewer may see, in this component (what ``budget(id)`` may target)."""
    b = models.Budget
    stmt = select(b.id).where(b.id == budget_id, b.component_id == component_id, budget_visible(scope))  # type: ignore[call-overload]
    return await session.scalar(stmt) is not None


async def reachable_project(session: AsyncSession, *, scope: Scope, budget_id: int, project_id: int) -> bool:
    p = models.Project
    stmt = select(p.id).where(p.id == project_id, p.budget_id == budget_id, project_visible(scope))  # type: ignore[call-overload]
    return await session.scalar(stmt) is not None
