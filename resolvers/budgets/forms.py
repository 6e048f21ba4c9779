"""What an admin writes in a budget or a project, checked before anything is stored. Pure functions.

Translated attributes take a localized JSON object or a plain string in the input's ``locale``
(``resolvers.debates.forms.translations``). Errors name the input field as the client wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from resolvers.debates.forms import check_text, raise_invalid

TITLE_MAX = 150
TEXT_MAX = 10_000
ADDRESS_MAX = 1024
AMOUNT_MAX = 2**63 - 1

BUDGET_FIELDS = ("title", "description", "weight", "total_budget")
PROJECT_FIELDS = (
    "title",
    "description",
    "budget_amount",
    "category_id",
    "scope_id",
    "address",
    "latitude",
    "longitude",
)
TRANSLATED = frozenset({"title", "description"})
IDS = frozenset({"category_id", "scope_id"})
GRAPHQL_NAMES = {
    "title": "title",
    "description": "description",
    "weight": "weight",
    "total_budget": "totalBudget",
    "budget_amount": "budgetAmount",
    "category_id": "categoryId",
    "scope_id": "scopeId",
    "address": "address",
    "latitude": "latitude",
    "longitude": "longitude",
    "proposal_ids": "proposalIds",
    "selected": "selected",
}


@dataclass(frozen=True, slots=True)
class BudgetInput:
    """``BudgetAttributes``: only what the client sent (an update changes only those)."""

    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProjectInput:
    """``ProjectAttributes``: ``values`` are columns; ``proposal_ids`` replaces the links when given;
    ``selected`` marks (or unmarks) the project as chosen for funding when given."""

    values: Mapping[str, Any] = field(default_factory=dict)
    proposal_ids: tuple[int, ...] | None = None
    selected: bool | None = None

    @property
    def provided(self) -> frozenset[str]:
        return frozenset(self.values)


def _name(attr: str) -> str:
    return f"attributes.{GRAPHQL_NAMES[attr]}"


def _amount(values: Mapping[str, Any], attr: str, errors: dict[str, str]) -> None:
    amount = values.get(attr)
    if amount is None:
        errors[_name(attr)] = "required"
    elif not 0 < amount <= AMOUNT_MAX:
        errors[_name(attr)] = "must be greater than 0"


def _texts(values: Mapping[str, Any], errors: dict[str, str]) -> None:
    check_text(
        values.get("title") or {}, field=_name("title"), minimum=1, maximum=TITLE_MAX, required=True, errors=errors
    )
    check_text(
        values.get("description") or {},
        field=_name("description"),
        minimum=1,
        maximum=TEXT_MAX,
        required=False,
        errors=errors,
    )


def check_budget(values: Mapping[str, Any]) -> None:
    """The budget as it would be stored (current values with the given ones over them)."""
    errors: dict[str, str] = {}
    _texts(values, errors)
    _amount(values, "total_budget", errors)
    if values.get("weight") is None:
        errors[_name("weight")] = "must be a number (0 when left out)"
    raise_invalid(errors, "budget")


def check_project(values: Mapping[str, Any]) -> None:
    """The project as it would be stored (current values with the given ones over them)."""
    errors: dict[str, str] = {}
    _texts(values, errors)
    _amount(values, "budget_amount", errors)
    address = values.get("address")
    if address is not None and len(address) > ADDRESS_MAX:
        errors[_name("address")] = f"must be at most {ADDRESS_MAX} characters long"
    latitude, longitude = values.get("latitude"), values.get("longitude")
    if (latitude is None) != (longitude is None):
        errors[_name("latitude")] = "give both latitude and longitude, or neither"
    if latitude is not None and not -90 <= latitude <= 90:
        errors[_name("latitude")] = "must be between -90 and 90"
    if longitude is not None and not -180 <= longitude <= 180:
        errors[_name("longitude")] = "must be between -180 and 180"
    raise_invalid(errors, "project")
