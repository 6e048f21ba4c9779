"""What an administrator writes in a result or a milestone, checked before anything is stored. Pure functions.

Translated attributes arrive as Decidim's write API sends them (JSON): an object of texts by locale
(``{"fr": "...", "en": "..."}``) or a plain text in the request's locale. Errors name the input field as
the client wrote it (``attributes.startDate``) and are all reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from resolvers.errors import BadUserInput

TITLE_MAX = 500
TEXT_MAX = 100_000
EXTERNAL_ID_MAX = 255
PROGRESS_MIN, PROGRESS_MAX = 0.0, 100.0

# attribute -> the GraphQL name errors use
GRAPHQL_NAMES = {
    "title": "title",
    "description": "description",
    "start_date": "startDate",
    "end_date": "endDate",
    "progress": "progress",
    "status_id": "statusId",
    "parent_id": "parentId",
    "external_id": "externalId",
    "weight": "weight",
    "category_id": "categoryId",
    "scope_id": "scopeId",
    "proposal_ids": "proposalIds",
    "taxonomies": "taxonomies",
    "project_ids": "projectIds",
    "entry_date": "entryDate",
}
# Result columns an update may change (``proposal_ids`` is a set of links, not a column).
RESULT_FIELDS = (
    "title",
    "description",
    "start_date",
    "end_date",
    "progress",
    "status_id",
    "parent_id",
    "external_id",
    "weight",
    "category_id",
    "scope_id",
)
MILESTONE_FIELDS = ("entry_date", "title", "description")
UNSUPPORTED = {
    "taxonomies": "not supported here: classify with categoryId and scopeId",
    "project_ids": "budgets are not available yet",
}


def name(attr: str) -> str:
    return f"attributes.{GRAPHQL_NAMES[attr]}"


def fail(errors: Mapping[str, str], *, what: str) -> None:
    if errors:
        msg = f"Invalid {what}: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def translations(
    value: Any, *, attr: str, locale: str, available: list[str], limit: int, errors: dict[str, str]
) -> dict[str, str]:
    """A JSON value as stored translations; a plain string is the text in ``locale``."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = {locale: value}
    if not isinstance(value, dict) or not all(isinstance(v, str | None) for v in value.values()):
        errors[name(attr)] = 'a text, or an object of texts by locale such as {"fr": "..."}'
        return {}
    unknown = sorted(k for k in value if k not in available)
    if unknown:
        errors[name(attr)] = f"unknown locale {unknown[0]!r}: use one of {', '.join(available)}"
        return {}
    texts = {k: v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}
    if any(len(v) > limit for v in texts.values()):
        errors[name(attr)] = f"at most {limit} characters in each locale"
    return texts


@dataclass(frozen=True, slots=True)
class ResultInput:
    """``ResultAttributes`` as the data layer sees them: only what the client sent, typed and checked.

    ``values`` holds result columns (an update changes only those; null clears the nullable ones);
    ``proposal_ids`` is ``None`` when the client did not send the list.
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    proposal_ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class MilestoneInput:
    values: Mapping[str, Any] = field(default_factory=dict)


def result_input(raw: Mapping[str, Any], *, locale: str, available: list[str], creating: bool) -> ResultInput:
    """Check the shape of the attributes a client sent (``raw``: attribute -> value, ids already parsed)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for attr, message in UNSUPPORTED.items():
        if raw.get(attr):
            errors[name(attr)] = message
    for attr in ("title", "description"):
        if attr in raw:
            limit = TITLE_MAX if attr == "title" else TEXT_MAX
            values[attr] = translations(
                raw[attr], attr=attr, locale=locale, available=available, limit=limit, errors=errors
            )
    if (creating or "title" in raw) and not values.get("title") and name("title") not in errors:
        errors[name("title")] = "required, in at least one locale"
    for attr in ("start_date", "end_date", "status_id", "parent_id", "category_id", "scope_id"):
        if attr in raw:
            values[attr] = raw[attr]
    _scalars(raw, values=values, errors=errors)
    check_dates(values.get("start_date"), values.get("end_date"), errors=errors)
    fail(errors, what="result")
    ids = raw.get("proposal_ids")
    return ResultInput(values=values, proposal_ids=tuple(dict.fromkeys(ids)) if ids is not None else None)


def _scalars(raw: Mapping[str, Any], *, values: dict[str, Any], errors: dict[str, str]) -> None:
    """Progress, weight and external id: range and length checks."""
    if "progress" in raw:
        progress = raw["progress"]
        if progress is not None and not PROGRESS_MIN <= progress <= PROGRESS_MAX:
            errors[name("progress")] = "must be between 0 and 100"
        values["progress"] = progress
    if "weight" in raw:
        weight = raw["weight"]
        if weight is None or weight < 0:
            errors[name("weight")] = "must be a whole number, 0 or more"
        values["weight"] = weight
    if "external_id" in raw:
        external = (raw["external_id"] or "").strip() or None
        if external is not None and len(external) > EXTERNAL_ID_MAX:
            errors[name("external_id")] = f"at most {EXTERNAL_ID_MAX} characters"
        values["external_id"] = external


def check_dates(start: date | None, end: date | None, *, errors: dict[str, str]) -> None:
    if start is not None and end is not None and end < start:
        errors[name("end_date")] = "must be on or after startDate"


def milestone_input(raw: Mapping[str, Any], *, locale: str, available: list[str], creating: bool) -> MilestoneInput:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for attr in ("title", "description"):
        if attr in raw:
            limit = TITLE_MAX if attr == "title" else TEXT_MAX
            values[attr] = translations(
                raw[attr], attr=attr, locale=locale, available=available, limit=limit, errors=errors
            )
    if (creating or "title" in raw) and not values.get("title") and name("title") not in errors:
        errors[name("title")] = "required, in at least one locale"
    if "entry_date" in raw or creating:
        if raw.get("entry_date") is None:
            errors[name("entry_date")] = "required"
        values["entry_date"] = raw.get("entry_date")
    fail(errors, what="milestone")
    return MilestoneInput(values=values)
