"""Parsing of Decidim-style filter and sort values ("YYYY-MM-DD" dates, "ASC"/"DESC" strings)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

# ``date.fromisoformat`` and ``int`` also accept "20260110", "2026-W02-1", "1_000" and non-ASCII digits.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INTEGER = re.compile(r"[+-]?[0-9]+")


class Direction(StrEnum):
    ASC = "asc"
    DESC = "desc"


def parse_direction(value: str | None, *, field: str) -> Direction | None:
    if value is None:
        return None
    try:
        return Direction(value.strip().lower())
    except ValueError:
        msg = f'Invalid sort direction {value!r} for {field}: use "ASC" or "DESC".'
        raise BadUserInput(msg, fields={field: "must be ASC or DESC"}) from None


def parse_date(value: str | None, *, field: str) -> date | None:
    if value is None:
        return None
    try:
        if not _DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        msg = f"Invalid date {value!r} for {field}: use YYYY-MM-DD."
        raise BadUserInput(msg, fields={field: "must be a date as YYYY-MM-DD"}) from None


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def parse_locale(value: str | None, *, available: list[str], default: str, field: str = "locale") -> str:
    if value is None:
        return default
    if value not in available:
        msg = f"Unknown locale {value!r}: this organization offers {', '.join(available)}."
        raise BadUserInput(msg, fields={field: f"must be one of {', '.join(available)}"})
    return value


def ordered(column: ColumnElement[Any], direction: Direction) -> ColumnElement[Any]:
    return column.asc() if direction is Direction.ASC else column.desc()


def parse_id(value: str | int | None, *, field: str = "id") -> int | None:
    """Decidim ids are integers sent as strings; anything else is a client error."""
    if value is None:
        return None
    try:
        if not _INTEGER.fullmatch(str(value).strip()):
            raise ValueError(value)
        parsed = int(value)
    except (TypeError, ValueError):
        msg = f"Invalid id {value!r} for {field}: ids are integers."
        raise BadUserInput(msg, fields={field: "must be an integer id"}) from None
    if parsed <= 0 or parsed > 2**63 - 1:
        msg = f"Invalid id {value!r} for {field}."
        raise BadUserInput(msg, fields={field: "out of range"})
    return parsed
