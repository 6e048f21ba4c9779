"""Comment text for display: the body in one locale, as plain text and as safe HTML.

The HTML is built from escaped text only: no markup a participant typed ever reaches the output.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from html import escape
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MACHINE = "machine_translations"

# Only web links: "javascript:" and other schemes stay plain text.
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\")]}"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def pick_text(values: dict[str, Any] | None, *, locale: str, default_locale: str, prefer_machine: bool) -> str:
    """Decidim's choice: the human text in ``locale``, else the default locale's, else any.

    With ``prefer_machine`` (``toggleTranslations``) a machine translation into ``locale`` comes first.
    """
    values = values or {}
    raw_machine = values.get(MACHINE)
    machine: dict[str, Any] = raw_machine if isinstance(raw_machine, dict) else {}
    if prefer_machine and machine.get(locale):
        return str(machine[locale])
    for candidate in (locale, default_locale):
        if values.get(candidate):
            return str(values[candidate])
    for key in sorted(values):
        if key != MACHINE and values[key]:
            return str(values[key])
    return str(machine.get(locale) or "")


def _trim_url(url: str) -> str:
    # Sentence punctuation after a link is not part of it; a closing parenthesis is when it balances one.
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _linkify(line: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(line):
        url = _trim_url(match.group(0))
        if not url:
            continue
        out.append(escape(line[pos : match.start()]))
        href = escape(url, quote=True)
        out.append(f'<a href="{href}" rel="nofollow noopener" target="_blank">{href}</a>')
        pos = match.start() + len(url)
    out.append(escape(line[pos:]))
    return "".join(out)


def format_body(text: str) -> str:
    """Plain text to HTML: everything escaped, blank lines make paragraphs, line breaks ``<br>``, links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = _PARAGRAPH_BREAK.split(text)
    return "".join("<p>" + "<br>".join(_linkify(line) for line in p.split("\n")) + "</p>" for p in paragraphs)


def time_zone(name: str | None) -> tzinfo:
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def iso8601(moment: datetime | None, zone: tzinfo) -> str:
    """Decidim's ``created_at.iso8601`` in the organization's time zone."""
    if moment is None:
        return ""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def short_datetime(moment: datetime | None, zone: tzinfo) -> str:
    """Decidim's ``:decidim_short`` format, e.g. ``15/01/2026 11:00``."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%d/%m/%Y %H:%M")
