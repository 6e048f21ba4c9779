"""Which budgets a participant may vote in: the component's ``workflow`` (one, all, random)."""

from __future__ import annotations

from typing import Any

import models
from tests.budgets.conftest import (
    ADD,
    CHECKOUT,
    REMOVE,
    as_,
    budgets_component,
    count_rows,
    error_codes,
    order,
    target,
    voted,
)
from tests.builders import Make

NO_RULES: dict[str, Any] = {"vote_rule_threshold_percent_enabled": False}


async def _run(execute: Any, make: Make, document: str, row: Any, user: models.User) -> dict[str, Any]:
    return await execute(document, target(row), organization=await make.org(None), viewer=as_(user))  # type: ignore[no-any-return]


async def test_workflow_one_keeps_a_participant_to_one_budget(make: Make, execute: Any) -> None:
    component = await budgets_component(make, workflow="one", **NO_RULES)
    first, second = await make.budget(component=component), await make.budget(component=component)
    here, there = await make.project(budget=first), await make.project(budget=second)
    me = await make.user()

    await _run(execute, make, ADD, here, me)
    elsewhere = await _run(execute, make, ADD, there, me)
    await _run(execute, make, REMOVE, here, me)
    after_emptying = await _run(execute, make, ADD, there, me)

    assert error_codes(elsewhere) == [("FORBIDDEN", "ONE_BUDGET_ONLY")]
    assert voted(after_emptying, "addProjectToOrder")["viewerOrder"]["projects"] == [{"id": str(there.id)}]


async def test_workflow_one_refuses_any_other_budget_after_a_final_vote(make: Make, execute: Any) -> None:
    component = await budgets_component(make, workflow="one", **NO_RULES)
    first, second = await make.budget(component=component), await make.budget(component=component)
    me = await make.user()
    await order(make, user=me, budget=first, projects=[await make.project(budget=first)], checked_out=True)

    body = await _run(execute, make, ADD, await make.project(budget=second), me)

    assert error_codes(body) == [("FORBIDDEN", "ONE_BUDGET_ONLY")]


async def test_workflow_all_lets_a_participant_vote_in_every_budget(make: Make, execute: Any) -> None:
    component = await budgets_component(make, workflow="all", **NO_RULES)
    budgets = [await make.budget(component=component) for _ in range(2)]
    me = await make.user()

    bodies = [await _run(execute, make, ADD, await make.project(budget=b), me) for b in budgets]
    checkouts = [await _run(execute, make, CHECKOUT, b, me) for b in budgets]

    assert all("errors" not in b for b in bodies + checkouts)
    assert await count_rows(make, models.Order) == 2


async def test_workflow_random_gives_each_participant_one_budget(make: Make, execute: Any) -> None:
    component = await budgets_component(make, workflow="random", **NO_RULES)
    budgets = sorted([await make.budget(component=component) for _ in range(3)], key=lambda b: b.id)
    me = await make.user()
    mine = budgets[me.id % 3]
    other = next(b for b in budgets if b.id != mine.id)

    allowed = await _run(execute, make, ADD, await make.project(budget=mine), me)
    refused = await _run(execute, make, ADD, await make.project(budget=other), me)

    assert "errors" not in allowed
    assert error_codes(refused) == [("FORBIDDEN", "BUDGET_NOT_ASSIGNED")]
