"""Voting in a budget: every rule of the component, accepted and refused with its stable reason."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.budgets.conftest import (
    ADD,
    CANCEL,
    CHECKOUT,
    REMOVE,
    as_,
    budgets_component,
    count_rows,
    error_codes,
    order,
    reload,
    target,
    voted,
)
from tests.builders import Make

# Only the budget cap applies unless a test turns a rule on.
NO_RULES: dict[str, Any] = {"vote_rule_threshold_percent_enabled": False}


async def _budget(make: Make, *, total: int = 100_000, step: dict[str, Any] | None = None, **settings: Any) -> Any:
    component = await budgets_component(make, step=step, **(NO_RULES | settings))
    return await make.budget(component=component, total_budget=total)


async def _run(execute: Any, make: Make, document: str, row: Any, user: models.User) -> dict[str, Any]:
    return await execute(document, target(row), organization=await make.org(None), viewer=as_(user))  # type: ignore[no-any-return]


async def test_participant_chooses_projects_then_checks_out_and_the_votes_count(make: Make, execute: Any) -> None:
    budget = await _budget(make, step={"votes": "enabled", "show_votes": True})
    park, library = await make.project(budget=budget, budget_amount=30_000), await make.project(budget=budget)
    me = await make.user()

    first = await _run(execute, make, ADD, park, me)
    second = await _run(execute, make, ADD, library, me)
    final = await _run(execute, make, CHECKOUT.replace("checkedOut", "checkedOut checkedOutAt"), budget, me)

    assert voted(first, "addProjectToOrder") == {
        "viewerOrder": {"total": 30_000, "checkedOut": False, "projects": [{"id": str(park.id)}]}
    }
    assert voted(second, "addProjectToOrder")["viewerOrder"]["total"] == 40_000
    order_seen = voted(final, "checkoutOrder")["viewerOrder"]
    assert (order_seen["checkedOut"], order_seen["total"], order_seen["checkedOutAt"] is not None) == (
        True,
        40_000,
        True,
    )
    assert [(await reload(make, p)).confirmed_orders_count for p in (park, library)] == [1, 1]
    votes = await execute(
        "query($id: ID!) { node(id: $id) { ... on Project { confirmedVotes } } }",
        {"id": str(park.id)},
        organization=await make.org(None),
    )
    assert votes == {"data": {"node": {"confirmedVotes": 1}}}


async def test_confirmed_votes_stay_hidden_unless_the_step_shows_them(make: Make, execute: Any) -> None:
    budget = await _budget(make)
    project = await make.project(budget=budget, confirmed_orders_count=3)

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Project { confirmedVotes selected } } }",
        {"id": str(project.id)},
        organization=await make.org(None),
    )

    assert body == {"data": {"node": {"confirmedVotes": None, "selected": False}}}


@pytest.mark.parametrize(("votes", "reason"), [("disabled", "VOTES_DISABLED"), ("finished", "VOTES_FINISHED")])
async def test_nothing_changes_unless_the_step_opens_voting(make: Make, execute: Any, votes: str, reason: str) -> None:
    budget = await _budget(make, step={"votes": votes})
    project = await make.project(budget=budget)
    me = await make.user()
    await order(make, user=me, budget=budget, projects=[project])

    bodies = [
        await _run(execute, make, ADD, await make.project(budget=budget), me),
        await _run(execute, make, REMOVE, project, me),
        await _run(execute, make, CHECKOUT, budget, me),
        await _run(execute, make, CANCEL, budget, me),
    ]

    assert [error_codes(b) for b in bodies] == [[("FORBIDDEN", reason)]] * 4
    assert await count_rows(make, models.LineItem) == 1


async def test_only_signed_in_confirmed_participants_vote(make: Make, execute: Any) -> None:
    project = await make.project(budget=await _budget(make))
    unconfirmed = await make.user(confirmed_at=None)
    org = await make.org(None)

    anonymous = await execute(ADD, target(project), organization=org, viewer=Viewer())
    pending = await execute(ADD, target(project), organization=org, viewer=as_(unconfirmed))

    assert error_codes(anonymous) == [("UNAUTHENTICATED", None)]
    assert error_codes(pending) == [("FORBIDDEN", "UNCONFIRMED")]
    assert await count_rows(make, models.Order) == 0


async def test_an_order_never_costs_more_than_the_budget(make: Make, execute: Any) -> None:
    budget = await _budget(make, total=50_000)
    big = await make.project(budget=budget, budget_amount=40_000)
    small = await make.project(budget=budget, budget_amount=10_001)
    me = await make.user()

    ok = await _run(execute, make, ADD, big, me)
    too_much = await _run(execute, make, ADD, small, me)

    assert voted(ok, "addProjectToOrder")["viewerOrder"]["total"] == 40_000
    assert error_codes(too_much) == [("FORBIDDEN", "BUDGET_EXCEEDED")]
    assert await count_rows(make, models.LineItem) == 1


async def test_a_project_is_in_an_order_once_and_leaves_it_once(make: Make, execute: Any) -> None:
    project = await make.project(budget=await _budget(make))
    me = await make.user()

    await _run(execute, make, ADD, project, me)
    twice = await _run(execute, make, ADD, project, me)
    removed = await _run(execute, make, REMOVE, project, me)
    again = await _run(execute, make, REMOVE, project, me)

    assert error_codes(twice) == [("CONFLICT", "ALREADY_IN_ORDER")]
    assert voted(removed, "removeProjectFromOrder") == {
        "viewerOrder": {"total": 0, "checkedOut": False, "projects": []}
    }
    assert error_codes(again) == [("CONFLICT", "NOT_IN_ORDER")]


async def test_threshold_rule_wants_a_share_of_the_budget_spent(make: Make, execute: Any) -> None:
    budget = await _budget(make, vote_rule_threshold_percent_enabled=True, vote_threshold_percent=70)
    sixty = await make.project(budget=budget, budget_amount=60_000)
    ten = await make.project(budget=budget, budget_amount=10_000)
    me = await make.user()

    await _run(execute, make, ADD, sixty, me)
    below = await _run(execute, make, CHECKOUT, budget, me)
    await _run(execute, make, ADD, ten, me)
    reached = await _run(execute, make, CHECKOUT, budget, me)

    assert error_codes(below) == [("FORBIDDEN", "BELOW_MINIMUM")]
    assert voted(reached, "checkoutOrder")["viewerOrder"]["checkedOut"] is True


async def test_minimum_projects_rule_wants_enough_projects(make: Make, execute: Any) -> None:
    budget = await _budget(make, vote_rule_minimum_budget_projects_enabled=True, vote_minimum_budget_projects_number=2)
    one, two = await make.project(budget=budget), await make.project(budget=budget)
    me = await make.user()

    await _run(execute, make, ADD, one, me)
    too_few = await _run(execute, make, CHECKOUT, budget, me)
    await _run(execute, make, ADD, two, me)
    enough = await _run(execute, make, CHECKOUT, budget, me)

    assert error_codes(too_few) == [("FORBIDDEN", "TOO_FEW_PROJECTS")]
    assert voted(enough, "checkoutOrder")["viewerOrder"]["checkedOut"] is True


async def test_selected_projects_rule_bounds_how_many_projects(make: Make, execute: Any) -> None:
    budget = await _budget(
        make,
        vote_rule_selected_projects_enabled=True,
        vote_selected_projects_minimum=2,
        vote_selected_projects_maximum=3,
    )
    projects = [await make.project(budget=budget, budget_amount=1_000) for _ in range(4)]
    me = await make.user()

    await _run(execute, make, ADD, projects[0], me)
    too_few = await _run(execute, make, CHECKOUT, budget, me)
    for project in projects[1:3]:
        await _run(execute, make, ADD, project, me)
    too_many = await _run(execute, make, ADD, projects[3], me)
    ok = await _run(execute, make, CHECKOUT, budget, me)

    assert error_codes(too_few) == [("FORBIDDEN", "TOO_FEW_PROJECTS")]
    assert error_codes(too_many) == [("FORBIDDEN", "TOO_MANY_PROJECTS")]
    assert len(voted(ok, "checkoutOrder")["viewerOrder"]["projects"]) == 3


async def test_an_empty_order_cannot_be_checked_out(make: Make, execute: Any) -> None:
    budget = await _budget(make)

    body = await _run(execute, make, CHECKOUT, budget, await make.user())

    assert error_codes(body) == [("FORBIDDEN", "EMPTY_ORDER")]


async def test_a_final_vote_is_frozen_until_cancelled(make: Make, execute: Any) -> None:
    budget = await _budget(make)
    chosen, other = await make.project(budget=budget), await make.project(budget=budget)
    me = await make.user()
    await order(make, user=me, budget=budget, projects=[chosen], checked_out=True)

    bodies = [
        await _run(execute, make, CHECKOUT, budget, me),
        await _run(execute, make, ADD, other, me),
        await _run(execute, make, REMOVE, chosen, me),
    ]

    assert [error_codes(b) for b in bodies] == [[("FORBIDDEN", "ALREADY_CHECKED_OUT")]] * 3
    assert (await reload(make, chosen)).confirmed_orders_count == 1


async def test_participant_cancels_a_final_vote_while_voting_is_open(make: Make, execute: Any) -> None:
    budget = await _budget(make)
    chosen = await make.project(budget=budget)
    me = await make.user()
    await order(make, user=me, budget=budget, projects=[chosen], checked_out=True)

    cancelled = await _run(execute, make, CANCEL, budget, me)
    nothing_left = await _run(execute, make, CANCEL, budget, me)

    assert voted(cancelled, "cancelOrder") == {"viewerOrder": None}
    assert error_codes(nothing_left) == [("CONFLICT", "NOT_CHECKED_OUT")]
    assert (await reload(make, chosen)).confirmed_orders_count == 0
    assert await count_rows(make, models.LineItem) == 0


async def test_an_unfinished_order_is_not_cancelled(make: Make, execute: Any) -> None:
    budget = await _budget(make)
    me = await make.user()
    await order(make, user=me, budget=budget, projects=[await make.project(budget=budget)])

    body = await _run(execute, make, CANCEL, budget, me)

    assert error_codes(body) == [("CONFLICT", "NOT_CHECKED_OUT")]


async def test_an_anonymous_visitor_has_no_order_and_a_participant_sees_only_theirs(make: Make, execute: Any) -> None:
    budget = await _budget(make)
    project = await make.project(budget=budget)
    me, someone = await make.user(), await make.user()
    await order(make, user=someone, budget=budget, projects=[project])
    query = "query($id: ID!) { node(id: $id) { ... on Budget { viewerOrder { total } } } }"
    org = await make.org(None)

    anonymous = await execute(query, {"id": str(budget.id)}, organization=org)
    mine = await execute(query, {"id": str(budget.id)}, organization=org, viewer=as_(me))
    theirs = await execute(query, {"id": str(budget.id)}, organization=org, viewer=as_(someone))

    assert anonymous == mine == {"data": {"node": {"viewerOrder": None}}}
    assert theirs == {"data": {"node": {"viewerOrder": {"total": 10_000}}}}
