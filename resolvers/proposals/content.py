"""Derived values of a proposal's content: reference, fingerprint, edit changesets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from models.base import Translations

MACHINE = "machine_translations"


def reference(*, prefix: str, proposal_id: int, created_at: datetime, time_zone: str) -> str:
    """Decidim's reference, e.g. ``LA-PROP-2019-05-1234`` (month of creation in the organization's zone)."""
    local = created_at.astimezone(ZoneInfo(time_zone))
    return f"{prefix}-PROP-{local:%Y-%m}-{proposal_id}"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    value: str
    source: str


def _human(values: Translations | None) -> Translations:
    # Machine translations change without the author doing anything: they are not the content.
    return {k: v for k, v in (values or {}).items() if k != MACHINE}


def fingerprint(*, title: Translations | None, body: Translations | None) -> Fingerprint:
    """SHA-256 of a canonical JSON (sorted keys, no spaces) of the title and body, as Decidim's."""
    source = orjson.dumps({"body": _human(body), "title": _human(title)}, option=orjson.OPT_SORT_KEYS).decode()
    return Fingerprint(value=hashlib.sha256(source.encode()).hexdigest(), source=source)


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def changeset(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that changed, in paper_trail's shape (Decidim's versions)."""
    return {
        name: [jsonable(before.get(name)), jsonable(value)]
        for name, value in after.items()
        if before.get(name) != value
    }
