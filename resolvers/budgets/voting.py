"""Voting: participants choose projects in an order, then check it out (a final vote), or cancel it.

Exact under simultaneous requests:
- the participant's row is locked first: their simultaneous actions, in any budget of the component,
  apply one after the other (which is what makes the ``one`` workflow hold);
- the order row is locked ``FOR UPDATE`` and one order per participant and budget is a unique
  constraint; a project is in an order at most once (unique constraint, ``ON CONFLICT DO NOTHING``);
- ``confirmed_orders_count`` moves with ``SET n = n ± 1`` in the checkout/cancel transaction, after
  locking the projects in id order, so concurrent checkouts sharing projects never deadlock;
- the budget row is held ``FOR KEY SHARE``, so an admin's delete waits for (and sees) a checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert

import models
from resolvers.actors import require_participant
from resolvers.budgets import policies
from resolvers.debates.writing import component_and_settings, transaction
from resolvers.errors import NotFound
from resolvers.visibility import budget_visible, project_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.components.settings import EffectiveSettings
    from resolvers.visibility import Scope

MANIFEST = "budgets"


@dataclass(frozen=True, slots=True)
class Voted:
    """The budget an order belongs to, with the settings the action was judged by (to render it)."""

    budget: models.Budget
    settings: EffectiveSettings


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


async def _budget(session: AsyncSession, *, scope: Scope, component_id: int, budget_id: int) -> models.Budget:
    b = models.Budget
    stmt = (
        select(b)
        .where(b.id == budget_id, b.component_id == component_id, budget_visible(scope))  # type: ignore[arg-type]
        .with_for_update(read=True, key_share=True, of=b)  # type: ignore[arg-type]
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such budget in this component."
        raise NotFound(msg)
    return row


async def _project(session: AsyncSession, *, scope: Scope, component_id: int, project_id: int) -> models.Project:
    p = models.Project
    stmt = select(p).where(p.id == project_id, p.component_id == component_id, project_visible(scope))  # type: ignore[arg-type]
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such project in this component."
        raise NotFound(msg)
    return row


async def _check_workflow(
    session: AsyncSession, settings: EffectiveSettings, *, budget: models.Budget, user_id: int
) -> None:
    b, o, li = models.Budget, models.Order, models.LineItem
    siblings = select(b.id).where(b.component_id == budget.component_id)  # type: ignore[call-overload]
    engaged = select(
        exists().where(
            o.user_id == user_id,  # type: ignore[arg-type]
            o.budget_id != budget.id,  # type: ignore[arg-type]
            o.budget_id.in_(siblings),  # type: ignore[attr-defined]
            (o.checked_out_at.is_not(None)) | exists().where(li.order_id == o.id),  # type: ignore[union-attr,arg-type]
        )
    )
    workflow = settings.get("workflow")
    engaged_elsewhere, assigned = False, None
    if workflow == "one":
        engaged_elsewhere = bool(await session.scalar(engaged))
    elif workflow == "random":
        ids = (await session.scalars(siblings)).all()
        assigned = policies.assigned_budget([int(i) for i in ids], user_id=user_id)
    reason = policies.may_vote_in(
        settings,
        budget_id=budget.id,  # type: ignore[arg-type]
        engaged_elsewhere=engaged_elsewhere,
        assigned_budget_id=assigned,
    )
    _deny(reason)


async def _order(session: AsyncSession, *, budget: models.Budget, user_id: int, create: bool) -> models.Order | None:
    """The participant's order in the budget, locked until commit (created empty first when ``create``)."""
    o = models.Order
    if create:
        await session.execute(
            insert(o)
            .values(organization_id=budget.organization_id, budget_id=budget.id, user_id=user_id)
            .on_conflict_do_nothing(index_elements=["budget_id", "user_id"])
        )
    stmt = (
        select(o)
        .where(o.budget_id == budget.id, o.user_id == user_id)  # type: ignore[arg-type]
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(stmt)).first()


async def _lines(session: AsyncSession, order: models.Order | None) -> dict[int, int]:
    """``project id -> amount`` of the order's projects."""
    if order is None:
        return {}
    li, p = models.LineItem, models.Project
    stmt = select(li.project_id, p.budget_amount).join(p, p.id == li.project_id).where(li.order_id == order.id)  # type: ignore[call-overload,arg-type]
    return {int(pid): int(amount) for pid, amount in (await session.execute(stmt)).all()}


def _facts(budget: models.Budget, order: models.Order | None, lines: dict[int, int]) -> policies.OrderFacts:
    return policies.OrderFacts(
        total_budget=budget.total_budget,
        amount=sum(lines.values()),
        projects=len(lines),
        checked_out=order is not None and order.checked_out_at is not None,
    )


async def _move_confirmed(session: AsyncSession, project_ids: Sequence[int], delta: int) -> None:
    if not project_ids:
        return
    p = models.Project
    ids = sorted(project_ids)
    # Locks in id order first: two checkouts sharing projects then wait for each other instead of deadlocking.
    await session.execute(select(p.id).where(p.id.in_(ids)).order_by(p.id).with_for_update(key_share=True))  # type: ignore[call-overload,union-attr,arg-type]
    await session.execute(
        update(p).where(p.id.in_(ids)).values(confirmed_orders_count=p.confirmed_orders_count + delta)  # type: ignore[union-attr]
    )


async def _start(session: AsyncSession, *, scope: Scope, component_id: int) -> tuple[models.User, EffectiveSettings]:
    user = await require_participant(session, scope, lock=True)
    _, settings = await component_and_settings(session, scope=scope, component_id=component_id, manifest_name=MANIFEST)
    return user, settings


async def add_project(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, project_id: int
) -> Voted:
    async with transaction(sessionmaker) as session:
        user, settings = await _start(session, scope=scope, component_id=component_id)
        project = await _project(session, scope=scope, component_id=component_id, project_id=project_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=project.budget_id)
        _deny(policies.votes_open(settings))
        await _check_workflow(session, settings, budget=budget, user_id=user.id)  # type: ignore[arg-type]
        order = await _order(session, budget=budget, user_id=user.id, create=True)  # type: ignore[arg-type]
        assert order is not None  # noqa: S101 - inserted or found just above, under lock
        lines = await _lines(session, order)
        if project_id in lines and order.checked_out_at is None:
            raise policies.denial("ALREADY_IN_ORDER")
        _deny(policies.may_add(settings, _facts(budget, order, lines), amount=project.budget_amount))
        li = models.LineItem
        inserted = await session.scalar(
            insert(li)  # type: ignore[call-overload]
            .values(organization_id=order.organization_id, order_id=order.id, project_id=project_id)
            .on_conflict_do_nothing()
            .returning(li.id)
        )
        if inserted is None:
            raise policies.denial("ALREADY_IN_ORDER")
        order.updated_at = datetime.now(UTC)
    return Voted(budget, settings)


async def remove_project(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, project_id: int
) -> Voted:
    async with transaction(sessionmaker) as session:
        user, settings = await _start(session, scope=scope, component_id=component_id)
        project = await _project(session, scope=scope, component_id=component_id, project_id=project_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=project.budget_id)
        order = await _order(session, budget=budget, user_id=user.id, create=False)  # type: ignore[arg-type]
        _deny(policies.may_remove(settings, _facts(budget, order, {})))
        li = models.LineItem
        removed = None
        if order is not None:
            removed = await session.scalar(
                delete(li).where(li.order_id == order.id, li.project_id == project_id).returning(li.id)  # type: ignore[arg-type,call-overload]
            )
        if removed is None:
            raise policies.denial("NOT_IN_ORDER")
        order.updated_at = datetime.now(UTC)  # type: ignore[union-attr]
    return Voted(budget, settings)


async def checkout(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    budget_id: int,
    now: datetime | None = None,
) -> Voted:
    """Make the vote final: every rule of the component is checked on the order as it stands."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user, settings = await _start(session, scope=scope, component_id=component_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        _deny(policies.votes_open(settings))
        await _check_workflow(session, settings, budget=budget, user_id=user.id)  # type: ignore[arg-type]
        order = await _order(session, budget=budget, user_id=user.id, create=False)  # type: ignore[arg-type]
        lines = await _lines(session, order)
        _deny(policies.may_checkout(settings, _facts(budget, order, lines)))
        assert order is not None  # noqa: S101 - an absent order is empty, refused just above
        await _move_confirmed(session, list(lines), 1)
        order.checked_out_at = now
        order.updated_at = now
    return Voted(budget, settings)


async def cancel(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, budget_id: int
) -> Voted:
    """Withdraw a final vote while voting is open: as Decidim, the order goes (with its projects)."""
    async with transaction(sessionmaker) as session:
        user, settings = await _start(session, scope=scope, component_id=component_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        order = await _order(session, budget=budget, user_id=user.id, create=False)  # type: ignore[arg-type]
        lines = await _lines(session, order)
        _deny(policies.may_cancel(settings, _facts(budget, order, lines) if order is not None else None))
        assert order is not None  # noqa: S101 - refused just above when absent
        await _move_confirmed(session, list(lines), -1)
        await session.execute(delete(models.Order).where(models.Order.id == order.id))  # type: ignore[arg-type]
    return Voted(budget, settings)
