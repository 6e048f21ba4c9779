"""Voting rules of a budgets component, and who may administer it. Pure functions, table-tested without a DB.

Each ``may_*`` returns ``None`` when allowed, else a stable reason (``extensions.reason``); ``denial``
turns a reason into the error to raise. The rules follow the component's settings as Decidim's orders do:

- the step's ``votes`` must be ``enabled`` (``finished`` and ``disabled`` refuse every change);
- ``workflow``: ``one`` lets a participant vote in one budget of the component only, ``random`` in the
  one budget they were given, ``all`` in every budget;
- an order never costs more than the budget's ``total_budget``;
- checking out needs the rules that are enabled: ``vote_rule_threshold_percent_enabled`` (spend at least
  ``vote_threshold_percent`` % of the budget), ``vote_rule_minimum_budget_projects_enabled`` (choose at
  least ``vote_minimum_budget_projects_number`` projects), ``vote_rule_selected_projects_enabled``
  (between ``vote_selected_projects_minimum`` and ``vote_selected_projects_maximum`` projects, the
  maximum also holding while choosing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from resolvers.errors import Conflict, DomainError, Forbidden

if TYPE_CHECKING:
    from collections.abc import Sequence

MESSAGES: dict[str, str] = {
    "VOTES_DISABLED": "Voting is not open in this step.",
    "VOTES_FINISHED": "Voting is over.",
    "ONE_BUDGET_ONLY": "In this component you may vote in one budget only, and you already chose another.",
    "BUDGET_NOT_ASSIGNED": "You may vote only in the budget you were given.",
    "ALREADY_CHECKED_OUT": "Your vote in this budget is final; cancel it first to change it.",
    "NOT_CHECKED_OUT": "You have no final vote in this budget to cancel.",
    "EMPTY_ORDER": "Choose at least one project first.",
    "BUDGET_EXCEEDED": "This goes beyond the budget.",
    "TOO_MANY_PROJECTS": "You have chosen more projects than allowed.",
    "TOO_FEW_PROJECTS": "Choose more projects before you vote.",
    "BELOW_MINIMUM": "Your projects do not reach the share of the budget required to vote.",
    "ALREADY_IN_ORDER": "This project is already in your vote.",
    "NOT_IN_ORDER": "This project is not in your vote.",
    "NOT_ADMIN": "Only administrators of the organization may do this.",
    "HAS_VOTES": "Final votes include it: it can no longer be deleted.",
}

# Reasons that describe the order's state against a repeated action, not a missing right.
CONFLICTS = frozenset({"ALREADY_IN_ORDER", "NOT_IN_ORDER", "NOT_CHECKED_OUT"})

ENABLED = "enabled"
FINISHED = "finished"


def denial(reason: str) -> DomainError:
    error = Conflict if reason in CONFLICTS else Forbidden
    return error(MESSAGES[reason], reason=reason)


class Settings(Protocol):
    """The settings in force for the component (``EffectiveSettings``)."""

    def get(self, key: str, default: Any = None) -> Any: ...


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """A participant's order in one budget, as the rules see it (an absent order is an empty one)."""

    total_budget: int
    amount: int = 0
    projects: int = 0
    checked_out: bool = False


def may_administer(*, admin: bool) -> str | None:
    return None if admin else "NOT_ADMIN"


def votes_open(settings: Settings) -> str | None:
    votes = settings.get("votes")
    if votes == ENABLED:
        return None
    return "VOTES_FINISHED" if votes == FINISHED else "VOTES_DISABLED"


def assigned_budget(budget_ids: Sequence[int], *, user_id: int) -> int | None:
    """The ``random`` workflow's budget for a participant: stable for them, spread evenly between budgets."""
    ordered = sorted(budget_ids)
    return ordered[user_id % len(ordered)] if ordered else None


def may_vote_in(
    settings: Settings, *, budget_id: int, engaged_elsewhere: bool, assigned_budget_id: int | None
) -> str | None:
    """``engaged_elsewhere``: the participant has a final vote, or projects chosen, in another budget."""
    workflow = settings.get("workflow", "one")
    if workflow == "one" and engaged_elsewhere:
        return "ONE_BUDGET_ONLY"
    if workflow == "random" and assigned_budget_id != budget_id:
        return "BUDGET_NOT_ASSIGNED"
    return None


def _maximum_projects(settings: Settings) -> int | None:
    if settings.get("vote_rule_selected_projects_enabled"):
        return int(settings.get("vote_selected_projects_maximum", 0))
    return None


def may_add(settings: Settings, order: OrderFacts, *, amount: int) -> str | None:
    """Adding a project of ``amount`` to the order. The first reason that applies wins."""
    closed = votes_open(settings)
    if closed:
        return closed
    if order.checked_out:
        return "ALREADY_CHECKED_OUT"
    if order.amount + amount > order.total_budget:
        return "BUDGET_EXCEEDED"
    maximum = _maximum_projects(settings)
    if maximum is not None and order.projects + 1 > maximum:
        return "TOO_MANY_PROJECTS"
    return None


def may_remove(settings: Settings, order: OrderFacts) -> str | None:
    return votes_open(settings) or ("ALREADY_CHECKED_OUT" if order.checked_out else None)


def _minimum_reached(settings: Settings, order: OrderFacts) -> str | None:
    if settings.get("vote_rule_threshold_percent_enabled"):
        percent = int(settings.get("vote_threshold_percent", 0))
        # Integers only: 70 % of 1,000,001 must not round in the participant's favour or against them.
        if order.amount * 100 < order.total_budget * percent:
            return "BELOW_MINIMUM"
    minimum = 0
    if settings.get("vote_rule_minimum_budget_projects_enabled"):
        minimum = int(settings.get("vote_minimum_budget_projects_number", 0))
    if settings.get("vote_rule_selected_projects_enabled"):
        minimum = max(minimum, int(settings.get("vote_selected_projects_minimum", 0)))
    return "TOO_FEW_PROJECTS" if order.projects < minimum else None


def may_checkout(settings: Settings, order: OrderFacts) -> str | None:
    """Making the vote final. Settings or amounts may have changed since the projects were chosen, so
    every rule is checked again here."""
    closed = votes_open(settings)
    if closed:
        return closed
    if order.checked_out:
        return "ALREADY_CHECKED_OUT"
    if order.projects == 0:
        return "EMPTY_ORDER"
    if order.amount > order.total_budget:
        return "BUDGET_EXCEEDED"
    maximum = _maximum_projects(settings)
    if maximum is not None and order.projects > maximum:
        return "TOO_MANY_PROJECTS"
    return _minimum_reached(settings, order)


def may_cancel(settings: Settings, order: OrderFacts | None) -> str | None:
    """As Decidim: a final vote may be withdrawn (the order is deleted) while voting is open."""
    closed = votes_open(settings)
    if closed:
        return closed
    return None if order is not None and order.checked_out else "NOT_CHECKED_OUT"


def votes_visible(settings: Settings) -> bool:
    """Projects' confirmed votes show only when the step says so."""
    return bool(settings.get("show_votes"))


def may_delete_project(*, confirmed_orders: int) -> str | None:
    return "HAS_VOTES" if confirmed_orders > 0 else None


def may_delete_budget(*, has_final_votes: bool) -> str | None:
    return "HAS_VOTES" if has_final_votes else None
