"""Where an organization's open-data files live, and the manifest that says which ones are current.

Layout, under ``<open_data.directory>/<organization id>/``::

    manifest.json                      the current generation (replaced atomically)
    20261127T180000Z-3f2a/             one generation: every file of one export
        <host>-open-data.zip
        <host>-open-data-<entity>.csv
        <host>-open-data-<entity>.jsonl
        README.md

A generation is written in a ``.tmp-*`` directory, renamed into place, and only then named by a
new ``manifest.json`` (written to a temporary file and renamed over the old one), so a reader
sees the old files or the new ones, never a half-written file. The previous generation is kept
until the next one, for requests that read the old manifest a moment before the switch.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.settings import OpenDataSettings
    from resolvers.open_data.base import Entity

MANIFEST = "manifest.json"
README = "README.md"
FORMAT_VERSION = 1

CSV_TYPE = "text/csv; charset=utf-8"
JSONL_TYPE = "application/x-ndjson"
ZIP_TYPE = "application/zip"
README_TYPE = "text/markdown; charset=utf-8"


def safe_host(host: str) -> str:
    """The host as it appears in file names (Decidim's ``<host>-open-data...``)."""
    return re.sub(r"[^A-Za-z0-9.-]", "_", host) or "organization"


def zip_name(host: str) -> str:
    return f"{safe_host(host)}-open-data.zip"


def entity_file_name(host: str, entity: str, extension: str) -> str:
    return f"{safe_host(host)}-open-data-{entity}.{extension}"


def organization_dir(settings: OpenDataSettings, organization_id: int) -> Path:
    return Path(settings.directory) / str(organization_id)


def fingerprint(settings: OpenDataSettings, entities: Sequence[Entity], locales: Sequence[str]) -> str:
    """What the files' shape depends on: a change (new entity, column, locale, licence) makes them stale."""
    shape = {
        "format": FORMAT_VERSION,
        "separator": settings.separator,
        "licences": [settings.database_licence, settings.contents_licence],
        "entities": [[e.name, e.headers(tuple(locales))] for e in entities],
    }
    return hashlib.sha256(orjson.dumps(shape)).hexdigest()


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file of a generation: what the HTTP routes need to serve it without reading it."""

    name: str
    media_type: str
    bytes: int
    sha256: str
    entity: str | None = None
    rows: int | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    organization_id: int
    host: str
    generation: str
    generated_at: datetime
    fingerprint: str
    locales: tuple[str, ...]
    zip: FileEntry
    readme: FileEntry
    csv: dict[str, FileEntry] = field(default_factory=dict)
    jsonl: dict[str, FileEntry] = field(default_factory=dict)

    def path(self, root: Path, entry: FileEntry) -> Path:
        return root / self.generation / entry.name

    def is_fresh(self, *, now: datetime, max_age: timedelta, expected_fingerprint: str) -> bool:
        return self.fingerprint == expected_fingerprint and now - self.generated_at <= max_age

    def files_exist(self, root: Path) -> bool:
        entries = [self.zip, self.readme, *self.csv.values(), *self.jsonl.values()]
        return all(self.path(root, entry).is_file() for entry in entries)

    def to_json(self) -> bytes:
        data = asdict(self)
        data["format"] = FORMAT_VERSION
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data: dict[str, Any] = orjson.loads(raw)
        if data.pop("format", None) != FORMAT_VERSION:
            msg = "unknown manifest format"
            raise ValueError(msg)
        return cls(
            organization_id=data["organization_id"],
            host=data["host"],
            generation=data["generation"],
            generated_at=datetime.fromisoformat(data["generated_at"]).astimezone(UTC),
            fingerprint=data["fingerprint"],
            locales=tuple(data["locales"]),
            zip=FileEntry(**data["zip"]),
            readme=FileEntry(**data["readme"]),
            csv={k: FileEntry(**v) for k, v in data["csv"].items()},
            jsonl={k: FileEntry(**v) for k, v in data["jsonl"].items()},
        )


def read_manifest(root: Path) -> Manifest | None:
    """The current generation, or ``None`` when there is none (or its files are gone)."""
    try:
        manifest = Manifest.from_json((root / MANIFEST).read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest if manifest.files_exist(root) else None


def write_manifest(root: Path, manifest: Manifest) -> None:
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".manifest-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(manifest.to_json())
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(root / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
