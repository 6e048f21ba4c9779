"""The README.md of the export: licences, format, and every column of every file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.open_data.formatting import FORMULA_TRIGGERS
from app.open_data.manifest import entity_file_name, zip_name

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from app.settings import OpenDataSettings
    from resolvers.open_data.base import Entity

_SEPARATOR_NAMES = {",": "comma (`,`)", ";": "semicolon (`;`)", "\t": "tab", "|": "vertical bar (`|`)"}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_readme(
    *,
    organization_name: str,
    host: str,
    generated_at: datetime,
    settings: OpenDataSettings,
    entities: Sequence[Entity],
    locales: Sequence[str],
    rows: Mapping[str, int],
) -> str:
    separator = _SEPARATOR_NAMES.get(settings.separator, f"`{settings.separator}`")
    triggers = ", ".join(f"`{c}`" for c in FORMULA_TRIGGERS if c.isprintable())
    lines = [
        f"# Open data of {organization_name}",
        "",
        f"Public data of the participation platform at {host}, exported on "
        f"{generated_at.strftime('%Y-%m-%d at %H:%M UTC')}. The export holds what anyone can read "
        "without signing in: no e-mail address, nothing private, hidden, unpublished or withdrawn from view.",
        "",
        "## Licences",
        "",
        f"- The database (the structure and the collection of rows) is available under the "
        f"[{settings.database_licence}]({settings.database_licence_url}).",
        f"- The contents (texts written by the organization and its participants) are available under the "
        f"[{settings.contents_licence}]({settings.contents_licence_url}).",
        "",
        "## Format",
        "",
        f"`{zip_name(host)}` holds this README and, for each entity below, a CSV file and a JSON Lines file.",
        "",
        f"- **CSV** (`.csv`): UTF-8, {separator} as separator, a header row, quoting as in RFC 4180, "
        "lines ending with CRLF. Multilingual columns have one column per language, named "
        f"`<column>/<language>` ({', '.join(f'`title/{loc}`' for loc in locales)}). Empty cells are "
        "missing values; booleans are `true`/`false`; dates and times are ISO 8601, times in UTC; "
        "lists and objects are JSON.",
        f"- Text cells starting with {triggers}, a tab or a carriage return are written with a leading "
        "apostrophe (`'`), so that a spreadsheet shows them as text instead of running them as formulas. "
        "Numbers, and text that is exactly a number such as `-3`, are never changed. "
        "Remove the apostrophe if you need the exact text, or use the JSON Lines file.",
        "- **JSON Lines** (`.jsonl`): one JSON object per line and row, with the same columns; "
        "multilingual columns are objects with one key per language (`{"
        + ", ".join(f'"{loc}": ...' for loc in locales)
        + "}`), missing values are `null`, and no apostrophe is ever added.",
        "- Identifiers (`id`, `*_id`) are the same as in the GraphQL API (`node(id:)`).",
        "",
        "## Files",
    ]
    for entity in entities:
        lines += [
            "",
            f"### {entity.name}",
            "",
            _cell(entity.description),
            "",
            f"Files: `{entity_file_name(host, entity.name, 'csv')}`, `{entity_file_name(host, entity.name, 'jsonl')}` "
            f"({rows.get(entity.name, 0):,} rows).",
            "",
            "| column | description |",
            "|---|---|",
        ]
        for column in entity.columns:
            if column.translated:
                headers = ", ".join(f"`{column.name}/{locale}`" for locale in locales)
                lines.append(f"| {headers} | {_cell(column.description)} One column per language. |")
            else:
                lines.append(f"| `{column.name}` | {_cell(column.description)} |")
    return "\n".join(lines) + "\n"
