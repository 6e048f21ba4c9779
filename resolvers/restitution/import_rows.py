"""Reading a proposals import file (CSV or JSON) into rows, and checking each row's shape.

Pure functions: no database. Errors name the line (CSV: the file's line, header = 1; JSON: the item,
first = 1) and the column, so an admin fixes the whole file in one go.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import orjson

TITLE_MAX = 150
BODY_MAX = 10_000
EXTERNAL_ID_MAX = 255
LOCALES = ("fr", "en")
COLUMNS = frozenset(
    {
        *(f"title/{loc}" for loc in LOCALES),
        *(f"body/{loc}" for loc in LOCALES),
        "category_id",
        "category",
        "scope",
        "author",
        "external_id",
    }
)


class ImportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


@dataclass(slots=True)
class ImportRow:
    """One proposal to import, as written in the file (references are resolved against the database later)."""

    line: int
    external_id: str
    title: dict[str, str] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)
    category_id: int | None = None
    category: str | None = None
    scope: str | None = None
    author: str | None = None


class ImportFileError(ValueError):
    """The file cannot be read at all (not CSV/JSON, missing header...)."""


def _records(fmt: ImportFormat, text: str) -> list[tuple[int, dict[str, Any]]]:
    if fmt is ImportFormat.JSON:
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            msg = f"not valid JSON: {exc}"
            raise ImportFileError(msg) from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            msg = "a JSON import is a list of objects, one per proposal"
            raise ImportFileError(msg)
        return [(n, item) for n, item in enumerate(data, start=1)]
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        msg = "the CSV file has no header line"
        raise ImportFileError(msg)
    unknown = sorted(set(reader.fieldnames) - COLUMNS)
    if unknown:
        msg = f"unknown columns: {', '.join(unknown)} (known: {', '.join(sorted(COLUMNS))})"
        raise ImportFileError(msg)
    # reader.line_num counts physical lines, so quoted multi-line bodies still point at the right line.
    return [(reader.line_num, dict(record)) for record in reader]


def _text(record: dict[str, Any], column: str, line: int, errors: list[RowError]) -> str | None:
    value = record.get(column)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        errors.append(RowError(line, column, "must be text"))
        return None
    return value.strip() or None


def _row(line: int, record: dict[str, Any], errors: list[RowError]) -> ImportRow | None:
    before = len(errors)
    if isinstance(record, dict) and (unknown := sorted(set(record) - COLUMNS)):
        errors.extend(RowError(line, name, "unknown column") for name in unknown)
    external_id = _text(record, "external_id", line, errors)
    if external_id is None:
        errors.append(RowError(line, "external_id", "required"))
    elif len(external_id) > EXTERNAL_ID_MAX:
        errors.append(RowError(line, "external_id", f"too long (at most {EXTERNAL_ID_MAX} characters)"))
    row = ImportRow(line=line, external_id=external_id or "")
    for part, limit in (("title", TITLE_MAX), ("body", BODY_MAX)):
        texts: dict[str, str] = getattr(row, part)
        for locale in LOCALES:
            column = f"{part}/{locale}"
            value = _text(record, column, line, errors)
            if value is not None and len(value) > limit:
                errors.append(RowError(line, column, f"too long (at most {limit} characters)"))
            elif value is not None:
                texts[locale] = value
        if not texts and not any(e.line == line and e.column.startswith(part) for e in errors):
            errors.append(RowError(line, f"{part}/{LOCALES[0]}", f"a {part} is required in at least one language"))
    category_id = _text(record, "category_id", line, errors)
    if category_id is not None:
        if category_id.isdigit():
            row.category_id = int(category_id)
        else:
            errors.append(RowError(line, "category_id", "not an id"))
    row.category = _text(record, "category", line, errors)
    if row.category is not None and row.category_id is not None:
        errors.append(RowError(line, "category", "give category_id or category, not both"))
    row.scope = _text(record, "scope", line, errors)
    author = _text(record, "author", line, errors)
    row.author = author.removeprefix("@") if author else None  # Decidim shows nicknames as "@name"
    return row if len(errors) == before else None


def parse(fmt: ImportFormat, text: str) -> tuple[list[ImportRow], list[RowError]]:
    """Every row checked for shape; the rows are usable only when the error list is empty."""
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for line, record in _records(fmt, text):
        row = _row(line, record, errors)
        if row is None:
            continue
        if row.external_id in seen:
            errors.append(RowError(line, "external_id", f"already used on line {seen[row.external_id]}"))
            continue
        seen[row.external_id] = line
        rows.append(row)
    if not rows and not errors:
        raise ImportFileError("the file holds no proposal")
    return rows, errors
