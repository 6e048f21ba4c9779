"""The contract between the open-data entities (what to export) and the exporter (how to write it).

An :class:`Entity` is one file of the export (``proposals.csv`` and ``proposals.jsonl``): a
documented list of columns and a statement that yields exactly those columns, one row per public
record, ordered by id. The statement is built for an anonymous viewer of one organization, through
``resolvers.visibility``, so an export holds what an anonymous GraphQL client can read and nothing
more: no e-mail, no private, hidden, unpublished or deleted content.

Values come straight from the database; the exporter formats them (see ``app.open_data``):
translated columns (JSONB ``{"fr": ..., "en": ...}``) become one column per organization locale,
``title/fr``, ``title/en``; datetimes become ISO 8601 in UTC; ``None`` an empty cell; booleans
``true``/``false``; lists and dicts JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope


@dataclass(frozen=True, slots=True)
class Column:
    """One column: ``name`` is the CSV header (the prefix before ``/<locale>`` when ``translated``)."""

    name: str
    description: str
    translated: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """One exported file. ``select(scope)`` yields the columns in the order of ``columns``, by id."""

    name: str
    description: str
    columns: tuple[Column, ...]
    select: Callable[[Scope], Select[Any]]

    def headers(self, locales: tuple[str, ...]) -> list[str]:
        """CSV headers, translated columns flattened per locale (``title/fr``, ``title/en``)."""
        out: list[str] = []
        for column in self.columns:
            if column.translated:
                out.extend(f"{column.name}/{locale}" for locale in locales)
            else:
                out.append(column.name)
        return out
