"""The voting rules as a table, without a database: each rule accepted and refused with its reason."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.budgets import policies
from resolvers.budgets.policies import OrderFacts
from resolvers.errors import Conflict, Forbidden

OPEN: dict[str, Any] = {"votes": "enabled"}
THRESHOLD = OPEN | {"vote_rule_threshold_percent_enabled": True, "vote_threshold_percent": 70}
MINIMUM = OPEN | {"vote_rule_minimum_budget_projects_enabled": True, "vote_minimum_budget_projects_number": 2}
SELECTED = OPEN | {
    "vote_rule_selected_projects_enabled": True,
    "vote_selected_projects_minimum": 2,
    "vote_selected_projects_maximum": 3,
}


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (OPEN, None),
        ({"votes": "disabled"}, "VOTES_DISABLED"),
        ({}, "VOTES_DISABLED"),
        ({"votes": "finished"}, "VOTES_FINISHED"),
    ],
)
def test_votes_open(settings: dict[str, Any], expected: str | None) -> None:
    assert policies.votes_open(settings) == expected


@pytest.mark.parametrize(
    ("settings", "order", "amount", "expected"),
    [
        (OPEN, OrderFacts(total_budget=100), 100, None),
        (OPEN, OrderFacts(total_budget=100, amount=60), 41, "BUDGET_EXCEEDED"),
        (OPEN, OrderFacts(total_budget=100, checked_out=True), 1, "ALREADY_CHECKED_OUT"),
        ({"votes": "finished"}, OrderFacts(total_budget=100), 1, "VOTES_FINISHED"),
        (SELECTED, OrderFacts(total_budget=100, projects=2, amount=2), 1, None),
        (SELECTED, OrderFacts(total_budget=100, projects=3, amount=3), 1, "TOO_MANY_PROJECTS"),
        (
            SELECTED | {"vote_selected_projects_maximum": 9},
            OrderFacts(total_budget=10, amount=10),
            1,
            "BUDGET_EXCEEDED",
        ),
    ],
)
def test_may_add(settings: dict[str, Any], order: OrderFacts, amount: int, expected: str | None) -> None:
    assert policies.may_add(settings, order, amount=amount) == expected


@pytest.mark.parametrize(
    ("settings", "order", "expected"),
    [
        (OPEN, OrderFacts(total_budget=100), "EMPTY_ORDER"),
        (OPEN, OrderFacts(total_budget=100, amount=1, projects=1), None),
        (OPEN, OrderFacts(total_budget=100, amount=1, projects=1, checked_out=True), "ALREADY_CHECKED_OUT"),
        (OPEN, OrderFacts(total_budget=100, amount=101, projects=1), "BUDGET_EXCEEDED"),
        (THRESHOLD, OrderFacts(total_budget=100, amount=69, projects=1), "BELOW_MINIMUM"),
        (THRESHOLD, OrderFacts(total_budget=100, amount=70, projects=1), None),
        (THRESHOLD, OrderFacts(total_budget=1_000_001, amount=700_000, projects=1), "BELOW_MINIMUM"),
        (THRESHOLD, OrderFacts(total_budget=1_000_001, amount=700_001, projects=1), None),
        (MINIMUM, OrderFacts(total_budget=100, amount=1, projects=1), "TOO_FEW_PROJECTS"),
        (MINIMUM, OrderFacts(total_budget=100, amount=2, projects=2), None),
        (SELECTED, OrderFacts(total_budget=100, amount=1, projects=1), "TOO_FEW_PROJECTS"),
        (SELECTED, OrderFacts(total_budget=100, amount=4, projects=4), "TOO_MANY_PROJECTS"),
        (SELECTED, OrderFacts(total_budget=100, amount=3, projects=3), None),
        ({"votes": "disabled"}, OrderFacts(total_budget=100, amount=1, projects=1), "VOTES_DISABLED"),
    ],
)
def test_may_checkout(settings: dict[str, Any], order: OrderFacts, expected: str | None) -> None:
    assert policies.may_checkout(settings, order) == expected


@pytest.mark.parametrize(
    ("settings", "order", "expected"),
    [
        (OPEN, OrderFacts(total_budget=1, checked_out=True), None),
        (OPEN, OrderFacts(total_budget=1), "NOT_CHECKED_OUT"),
        (OPEN, None, "NOT_CHECKED_OUT"),
        ({"votes": "finished"}, OrderFacts(total_budget=1, checked_out=True), "VOTES_FINISHED"),
    ],
)
def test_may_cancel(settings: dict[str, Any], order: OrderFacts | None, expected: str | None) -> None:
    assert policies.may_cancel(settings, order) == expected


@pytest.mark.parametrize(
    ("workflow", "engaged", "assigned", "expected"),
    [
        ("one", False, None, None),
        ("one", True, None, "ONE_BUDGET_ONLY"),
        ("all", True, None, None),
        ("random", False, 10, None),
        ("random", False, 11, "BUDGET_NOT_ASSIGNED"),
    ],
)
def test_may_vote_in(workflow: str, engaged: bool, assigned: int | None, expected: str | None) -> None:
    settings = {"workflow": workflow}
    assert (
        policies.may_vote_in(settings, budget_id=10, engaged_elsewhere=engaged, assigned_budget_id=assigned) == expected
    )


def test_random_assignment_is_stable_and_spreads_participants() -> None:
    budgets = [30, 10, 20]
    assert [policies.assigned_budget(budgets, user_id=u) for u in range(6)] == [10, 20, 30, 10, 20, 30]
    assert policies.assigned_budget([], user_id=1) is None


def test_administration_and_deletions() -> None:
    assert policies.may_administer(admin=True) is None
    assert policies.may_administer(admin=False) == "NOT_ADMIN"
    assert policies.may_delete_project(confirmed_orders=0) is None
    assert policies.may_delete_project(confirmed_orders=1) == "HAS_VOTES"
    assert policies.may_delete_budget(has_final_votes=True) == "HAS_VOTES"
    assert policies.votes_visible({"show_votes": True}) is True


def test_repeated_actions_are_conflicts_and_missing_rights_are_forbidden() -> None:
    assert isinstance(policies.denial("ALREADY_IN_ORDER"), Conflict)
    assert isinstance(policies.denial("NOT_CHECKED_OUT"), Conflict)
    assert policies.denial("ALREADY_CHECKED_OUT").extensions() == {"code": "FORBIDDEN", "reason": "ALREADY_CHECKED_OUT"}
    assert isinstance(policies.denial("BUDGET_EXCEEDED"), Forbidden)
