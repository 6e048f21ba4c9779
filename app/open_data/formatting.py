"""How database values become CSV cells and JSON values.

CSV cells (strings):

- ``None`` is an empty cell; booleans are ``true``/``false``; numbers are written as numbers;
  datetimes are ISO 8601 in UTC with a ``Z`` (``2026-01-15T10:00:00Z``); dates ``2026-01-15``;
  lists and dicts are compact JSON.
- A translated column gives one cell per locale: the human text in that locale (machine
  translations are not exported), or an empty cell.
- Formula injection: a spreadsheet opening the CSV runs a cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return as a formula. Such **text** cells get a leading apostrophe
  (``'=HYPERLINK(...)``), which spreadsheets show but do not evaluate (OWASP's advice). Numbers
  (``-3``) are never changed, and neither is text that is exactly a plain decimal number
  (``-3``, ``+4.5``): it cannot be a formula.

JSON Lines values keep their types (numbers, booleans, ``null``), translated columns are objects
``{"fr": ..., "en": ...}`` with one key per locale, datetimes are the same ISO 8601 strings, and no
apostrophe is added: JSON is not opened by spreadsheets, so it holds the data exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from resolvers.open_data.base import Entity

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN = frozenset({bool, int, float, str})
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def guard_formula(text: str) -> str:
    """``'`` before a text cell a spreadsheet would evaluate; plain numbers are left alone."""
    if text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def iso(value: datetime | date) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            # timestamp columns are all timestamptz; a naive value is already UTC.
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def json_value(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of value reads best
    """A plain JSON value (what orjson and ``json.loads`` agree on)."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, datetime | date):
        return iso(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Enum):
        return json_value(value.value)
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, Sequence | set | frozenset) and not isinstance(value, bytes | bytearray):
        return [json_value(v) for v in value]
    return str(value)


def csv_cell(value: Any) -> str:  # noqa: PLR0911 - one return per kind of value reads best
    if type(value) is str:  # the common case first: most cells are text
        return guard_formula(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return iso(value)
    if isinstance(value, Enum):
        return csv_cell(value.value)
    if isinstance(value, str):
        return guard_formula(value)
    return guard_formula(orjson.dumps(json_value(value)).decode())


def _translation(value: Any, locale: str) -> Any:
    if type(value) is dict or isinstance(value, Mapping):
        text = value.get(locale)
        return text if text != "" else None
    return None


class RowFormatter:
    """Turns the rows of one entity's statement into CSV records and JSON objects."""

    def __init__(self, entity: Entity, locales: Sequence[str]) -> None:
        self.locales = tuple(locales)
        self.names = tuple(column.name for column in entity.columns)
        self.translated = tuple(column.translated for column in entity.columns)
        self.headers = entity.headers(self.locales)

    def csv_record(self, row: Sequence[Any]) -> list[str]:
        cells: list[str] = []
        for value, translated in zip(row, self.translated, strict=True):
            if translated:
                cells.extend(csv_cell(_translation(value, locale)) for locale in self.locales)
            else:
                cells.append(csv_cell(value))
        return cells

    def json_object(self, row: Sequence[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value, translated in zip(self.names, row, self.translated, strict=True):
            if translated:
                out[name] = {locale: json_value(_translation(value, locale)) for locale in self.locales}
            else:
                out[name] = json_value(value)
        return out
