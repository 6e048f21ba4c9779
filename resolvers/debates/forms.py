"""What a debate write says, checked before anything is stored. Pure functions.

Translated attributes arrive as Decidim's write API sends them (JSON): either a localized object
``{"fr": "...", "en": "..."}`` or a plain string in the input's ``locale``. Errors name the input field
as the client wrote it (``attributes.endTime``) and are all reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from resolvers.errors import BadUserInput

TITLE_MIN, TITLE_MAX = 15, 150
DESCRIPTION_MIN = 15
CONCLUSIONS_MIN = 10
TEXT_MAX = 10_000

# Attributes a write may set; each is a column of ``models.Debate``.
CONTENT_FIELDS = (
    "title",
    "description",
    "instructions",
    "information_updates",
    "start_time",
    "end_time",
    "category_id",
    "scope_id",
)
TRANSLATED = frozenset({"title", "description", "instructions", "information_updates"})
# Participants' debates are open discussions: dates and the moderators' texts are the organization's.
ADMIN_ONLY = frozenset({"instructions", "information_updates", "start_time", "end_time"})
GRAPHQL_NAMES = {
    "title": "title",
    "description": "description",
    "instructions": "instructions",
    "information_updates": "informationUpdates",
    "start_time": "startTime",
    "end_time": "endTime",
    "category_id": "categoryId",
    "scope_id": "scopeId",
    "user_group_id": "userGroupId",
}


def raise_invalid(errors: Mapping[str, str], what: str) -> None:
    if errors:
        msg = f"Invalid {what}: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def translations(
    value: Any, *, field: str, locale: str, available: list[str], errors: dict[str, str]
) -> dict[str, str]:
    """A JSON value as stored translations; a plain string is the text in ``locale``. Empty texts drop out."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {locale: value.strip()} if value.strip() else {}
    if not isinstance(value, dict) or not all(isinstance(v, str | None) for v in value.values()):
        errors[field] = 'a text, or an object of texts by locale such as {"fr": "..."}'
        return {}
    unknown = sorted(k for k in value if k not in available)
    if unknown:
        errors[field] = f"unknown locale {unknown[0]!r}: use one of {', '.join(available)}"
        return {}
    return {k: v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}


def check_text(
    values: Mapping[str, str], *, field: str, minimum: int, maximum: int, required: bool, errors: dict[str, str]
) -> None:
    """Every locale's text within ``minimum..maximum`` characters; ``required`` wants at least one."""
    if not values:
        if required:
            errors[field] = "required"
        return
    for locale, text in sorted(values.items()):
        if not minimum <= len(text) <= maximum:
            errors[field] = f"{locale}: must be {minimum} to {maximum} characters long"
            return


@dataclass(frozen=True, slots=True)
class DebateInput:
    """``DebateAttributes`` as the data layer sees them: the attributes the client sent, already typed.

    ``values`` holds only what the client sent (an update changes only those; null clears).
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    user_group_id: int | None = None

    @property
    def provided(self) -> frozenset[str]:
        return frozenset(self.values)


def check_rights(data: DebateInput, *, admin: bool) -> None:
    """Participants write the title, description and classification; the rest is for admins."""
    if admin:
        return
    errors = {
        f"attributes.{GRAPHQL_NAMES[n]}": "set by administrators only" for n in sorted(ADMIN_ONLY & data.provided)
    }
    raise_invalid(errors, "debate")


def check(values: Mapping[str, Any]) -> None:
    """The debate as it would be stored (current values with the given ones over them)."""
    errors: dict[str, str] = {}
    for name, minimum, maximum, required in (
        ("title", TITLE_MIN, TITLE_MAX, True),
        ("description", DESCRIPTION_MIN, TEXT_MAX, True),
        ("instructions", 0, TEXT_MAX, False),
        ("information_updates", 0, TEXT_MAX, False),
    ):
        check_text(
            values.get(name) or {},
            field=f"attributes.{GRAPHQL_NAMES[name]}",
            minimum=minimum,
            maximum=maximum,
            required=required,
            errors=errors,
        )
    start, end = values.get("start_time"), values.get("end_time")
    if (start is None) != (end is None):
        errors["attributes.startTime" if start is None else "attributes.endTime"] = (
            "give both startTime and endTime (a dated debate), or neither (an open one)"
        )
    elif start is not None and end is not None:
        if start.tzinfo is None or end.tzinfo is None:
            errors["attributes.startTime"] = "give an offset, e.g. 2026-05-01T18:00:00+02:00"
        elif end <= start:
            errors["attributes.endTime"] = "must be after startTime"
    raise_invalid(errors, "debate")


def check_conclusions(conclusions: Mapping[str, str]) -> None:
    errors: dict[str, str] = {}
    check_text(
        conclusions, field="conclusions", minimum=CONCLUSIONS_MIN, maximum=TEXT_MAX, required=True, errors=errors
    )
    raise_invalid(errors, "closing")
