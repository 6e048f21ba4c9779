"""Votes stay exact when requests race: real concurrent HTTP requests with bearer tokens.

Each request runs in its own transaction on its own connection, so these really race in PostgreSQL.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

import models
from tests.budgets.conftest import ADD, CHECKOUT, budgets_component, count_rows, order, reload, target
from tests.builders import Make

NO_RULES: dict[str, Any] = {"vote_rule_threshold_percent_enabled": False}


async def fire(gql: Any, calls: list[tuple[str, str, dict[str, str]]]) -> list[dict[str, Any]]:
    """Send every ``(token, document, variables)`` call at once."""

    async def one(token: str, document: str, variables: dict[str, str]) -> dict[str, Any]:
        return await gql(document, variables, headers={"authorization": f"Bearer {token}"})  # type: ignore[no-any-return]

    return list(await asyncio.gather(*(one(*call) for call in calls)))


def outcomes(bodies: list[dict[str, Any]]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for body in bodies:
        errors = body.get("errors")
        key = "ok" if not errors else f"{errors[0]['extensions']['code']}:{errors[0]['extensions'].get('reason')}"
        counted[key] = counted.get(key, 0) + 1
    return counted


async def test_ten_simultaneous_checkouts_by_one_participant_make_one_final_vote(make: Make, gql: Any) -> None:
    budget = await make.budget(component=await budgets_component(make, **NO_RULES))
    projects = [await make.project(budget=budget) for _ in range(3)]
    me = await make.user()
    await order(make, user=me, budget=budget, projects=projects)
    token = await make.signed_in(me)

    bodies = await fire(gql, [(token, CHECKOUT, target(budget))] * 10)

    assert outcomes(bodies) == {"ok": 1, "FORBIDDEN:ALREADY_CHECKED_OUT": 9}
    o = models.Order
    async with make.sessionmaker() as session:
        final = await session.scalar(select(func.count()).where(o.user_id == me.id, o.checked_out_at.is_not(None)))  # type: ignore[union-attr]
    assert final == 1
    assert [(await reload(make, p)).confirmed_orders_count for p in projects] == [1, 1, 1]


async def test_a_hundred_participants_checking_out_at_once_leave_exact_vote_counts(make: Make, gql: Any) -> None:
    budget = await make.budget(component=await budgets_component(make, **NO_RULES), total_budget=1_000_000)
    projects = [await make.project(budget=budget) for _ in range(5)]
    calls = []
    for n in range(100):
        voter = await make.user()
        # Overlapping choices: every checkout moves several shared counters at the same time.
        chosen = [p for i, p in enumerate(projects) if (n + i) % 3 != 0]
        await order(make, user=voter, budget=budget, projects=chosen)
        calls.append((await make.signed_in(voter), CHECKOUT, target(budget)))

    bodies = await fire(gql, calls)

    assert outcomes(bodies) == {"ok": 100}
    li, o = models.LineItem, models.Order
    for i, project in enumerate(projects):
        async with make.sessionmaker() as session:
            rows = await session.scalar(
                select(func.count())
                .select_from(li)
                .join(o, o.id == li.order_id)  # type: ignore[arg-type]
                .where(li.project_id == project.id, o.checked_out_at.is_not(None))  # type: ignore[arg-type,union-attr]
            )
        assert (await reload(make, project)).confirmed_orders_count == rows
        assert rows == sum(1 for n in range(100) if (n + i) % 3 != 0)
    assert await count_rows(make, models.Order) == 100


async def test_simultaneous_choices_in_two_budgets_keep_workflow_one(make: Make, gql: Any) -> None:
    component = await budgets_component(make, workflow="one", **NO_RULES)
    budgets = [await make.budget(component=component) for _ in range(2)]
    projects = [await make.project(budget=b) for b in budgets for _ in range(5)]
    token = await make.signed_in(await make.user())

    bodies = await fire(gql, [(token, ADD, target(p)) for p in projects])

    counted = outcomes(bodies)
    assert counted["FORBIDDEN:ONE_BUDGET_ONLY"] == 5
    assert counted["ok"] == 5
    async with make.sessionmaker() as session:
        orders_with_projects = await session.scalar(select(func.count(func.distinct(models.LineItem.order_id))))
    assert orders_with_projects == 1
