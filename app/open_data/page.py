"""The ``/open-data`` page: the files, their sizes and rows, the licences and every column.

Written in the organization's default locale (French or English; other locales fall back to
English). Self-contained: inline styles, no script, no external resource.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from collections.abc import Sequence

    import models
    from app.open_data.manifest import Manifest
    from app.settings import OpenDataSettings
    from resolvers.open_data.base import Entity

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Open data",
        "intro": "Everything anyone can read on this platform without signing in, as files to download "
        "and reuse: one CSV file and one JSON Lines file per kind of content. No personal data, "
        "nothing private, hidden or unpublished.",
        "download": "Download everything (ZIP)",
        "generated": "Generated on",
        "licences": "Licences",
        "database": "Database",
        "contents": "Contents",
        "files": "Files",
        "entity": "Content",
        "rows": "Rows",
        "readme": "Documentation of every column (README.md)",
        "columns": "Columns",
        "column": "Column",
        "description": "Description",
        "per_locale": "one column per language",
    },
    "fr": {
        "title": "Données ouvertes",
        "intro": "Tout ce que chacun peut lire sur cette plateforme sans se connecter, en fichiers à "
        "télécharger et réutiliser : un fichier CSV et un fichier JSON Lines par type de contenu. "
        "Aucune donnée personnelle, rien de privé, de masqué ni de non publié.",
        "download": "Tout télécharger (ZIP)",
        "generated": "Généré le",
        "licences": "Licences",
        "database": "Base de données",
        "contents": "Contenus",
        "files": "Fichiers",
        "entity": "Contenu",
        "rows": "Lignes",
        "readme": "Documentation de chaque colonne (README.md)",
        "columns": "Colonnes",
        "column": "Colonne",
        "description": "Description",
        "per_locale": "une colonne par langue",
    },
}

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;"
    "text-align:left;vertical-align:top}td.n{text-align:right}code{font-size:.9em}"
)


def human_size(size: int, locale: str) -> str:
    value = float(size)
    units = ("o", "Ko", "Mo", "Go") if locale == "fr" else ("B", "KB", "MB", "GB")
    for unit in units:
        if value < 1024 or unit == units[-1]:
            text = f"{value:.0f} {unit}" if unit in {"o", "B"} else f"{value:.1f} {unit}"
            return text.replace(".", ",") if locale == "fr" else text
        value /= 1024
    return str(size)  # pragma: no cover - the loop always returns


def _number(n: int, locale: str) -> str:
    return f"{n:,}".replace(",", "\u202f") if locale == "fr" else f"{n:,}"


def render_page(
    *,
    organization: models.Organization,
    manifest: Manifest,
    settings: OpenDataSettings,
    entities: Sequence[Entity],
) -> str:
    locale = organization.default_locale if organization.default_locale in _TEXTS else "en"
    t = _TEXTS[locale]
    name = escape(str(organization.name.get(locale) or organization.host))
    try:
        zone = ZoneInfo(organization.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = manifest.generated_at.astimezone(zone)
    generated = f"{local:%Y-%m-%d %H:%M} ({escape(organization.time_zone)})"
    rows = []
    for entity in entities:
        csv_file = manifest.csv.get(entity.name)
        jsonl_file = manifest.jsonl.get(entity.name)
        if csv_file is None or jsonl_file is None:
            continue
        rows.append(
            f"<tr><td><a href='#{escape(entity.name)}'><code>{escape(entity.name)}</code></a><br>"
            f"{escape(entity.description)}</td>"
            f"<td class='n'>{_number(csv_file.rows or 0, locale)}</td>"
            f"<td><a href='/open-data/{escape(entity.name)}.csv'>CSV</a> ({human_size(csv_file.bytes, locale)})</td>"
            f"<td><a href='/open-data/{escape(entity.name)}.jsonl'>JSON Lines</a> "
            f"({human_size(jsonl_file.bytes, locale)})</td></tr>"
        )
    columns = []
    for entity in entities:
        items = []
        for column in entity.columns:
            if column.translated:
                header = ", ".join(f"<code>{escape(column.name)}/{escape(loc)}</code>" for loc in manifest.locales)
                note = f" ({t['per_locale']})"
            else:
                header, note = f"<code>{escape(column.name)}</code>", ""
            items.append(f"<tr><td>{header}</td><td>{escape(column.description)}{note}</td></tr>")
        columns.append(
            f"<h3 id='{escape(entity.name)}'>{escape(entity.name)}</h3>"
            f"<table><tr><th>{t['column']}</th><th>{t['description']}</th></tr>{''.join(items)}</table>"
        )
    return (
        f"<!doctype html><html lang='{locale}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{t['title']} · {name}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{t['title']} · {name}</h1><p>{t['intro']}</p>"
        f"<p><a href='/open-data/download'><strong>{t['download']}</strong></a> "
        f"({human_size(manifest.zip.bytes, locale)}) · {t['generated']} <time "
        f"datetime='{manifest.generated_at.isoformat()}'>{generated}</time></p>"
        f"<h2>{t['licences']}</h2><ul>"
        f"<li>{t['database']}: <a href='{escape(settings.database_licence_url)}'>"
        f"{escape(settings.database_licence)}</a></li>"
        f"<li>{t['contents']}: <a href='{escape(settings.contents_licence_url)}'>"
        f"{escape(settings.contents_licence)}</a></li></ul>"
        f"<h2>{t['files']}</h2><p><a href='/open-data/README.md'>{t['readme']}</a></p>"
        f"<table><tr><th>{t['entity']}</th><th>{t['rows']}</th><th>CSV</th><th>JSON Lines</th></tr>"
        f"{''.join(rows)}</table><h2>{t['columns']}</h2>{''.join(columns)}</body></html>"
    )
