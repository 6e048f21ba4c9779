"""Writing one generation of an organization's open-data files, in constant memory.

Every entity of ``resolvers.open_data.OPEN_DATA_ENTITIES`` is read through a server-side cursor
(``yield_per`` rows at a time) and written, batch by batch, to its CSV and JSON Lines files; the
ZIP is then built from those files by streaming copies (``ZipFile.open(name, "w",
force_zip64=True)``). At no point is more than one batch of rows held in memory, whatever the
size of the tables.

All files of a generation come from one ``REPEATABLE READ, READ ONLY`` transaction, so they agree
with one another (a comment's proposal is in ``proposals.csv``). That transaction also holds a
PostgreSQL advisory lock on the organization, so two processes (two web workers, a worker and the
CLI) never write the same organization's files at once.

File writing runs in a worker thread, batch by batch, so that a generation started by a web
request leaves the event loop free for other requests.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

import orjson
from sqlalchemy import func, literal, select

from app.open_data.formatting import RowFormatter
from app.open_data.manifest import (
    CSV_TYPE,
    JSONL_TYPE,
    MANIFEST,
    README,
    README_TYPE,
    ZIP_TYPE,
    FileEntry,
    Manifest,
    entity_file_name,
    fingerprint,
    organization_dir,
    read_manifest,
    write_manifest,
    zip_name,
)
from app.open_data.readme import render_readme
from resolvers.open_data.entities import OPEN_DATA_ENTITIES
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import Scope

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

    import models
    from app.settings import OpenDataSettings
    from resolvers.open_data.base import Entity

_CHUNK = 1 << 16


class Progress(Protocol):
    """What the exporter reports: one stage per entity, rows as they are written (app.cli.seed's StageProgress)."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, rows: int, detail: str | None = None) -> None: ...


class _Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, rows: int, detail: str | None = None) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Outcome:
    """The current files, and whether this call wrote them (``False``: they were fresh, or another
    process had just written them)."""

    manifest: Manifest
    generated: bool


def locales_of(organization: models.Organization) -> tuple[str, ...]:
    return tuple(organization.available_locales) or (organization.default_locale,)


def expected_fingerprint(
    organization: models.Organization, settings: OpenDataSettings, entities: Sequence[Entity] | None = None
) -> str:
    return fingerprint(settings, tuple(entities or OPEN_DATA_ENTITIES), locales_of(organization))


def is_usable(manifest: Manifest | None, *, settings: OpenDataSettings, expected: str) -> bool:
    return manifest is not None and manifest.is_fresh(
        now=datetime.now(UTC), max_age=timedelta(seconds=settings.max_age_seconds), expected_fingerprint=expected
    )


async def export(
    engine: AsyncEngine,
    organization: models.Organization,
    settings: OpenDataSettings,
    progress: Progress | None = None,
    *,
    entities: Sequence[Entity] | None = None,
    only_if_stale: bool = False,
    previous_if_busy: bool = False,
) -> Outcome:
    """Write a new generation of ``organization``'s files (or, ``only_if_stale``, keep fresh ones).

    When another process is writing them: with ``previous_if_busy`` and existing files, answer
    those at once; otherwise wait for it and answer what it wrote.
    """
    chosen = tuple(entities or OPEN_DATA_ENTITIES)
    assert organization.id is not None  # noqa: S101 - a saved row
    root = organization_dir(settings, organization.id)
    expected = expected_fingerprint(organization, settings, chosen)
    current = read_manifest(root)
    if only_if_stale and current is not None and is_usable(current, settings=settings, expected=expected):
        return Outcome(current, generated=False)
    started = datetime.now(UTC)
    key = func.hashtextextended(literal(f"participa.open_data:{organization.id}"), 0)
    async with engine.connect() as raw:
        conn = await raw.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        async with conn.begin():
            if not await conn.scalar(select(func.pg_try_advisory_xact_lock(key))):
                if previous_if_busy and current is not None:
                    return Outcome(current, generated=False)
                await conn.execute(select(func.pg_advisory_xact_lock(key)))
            # Whoever held the lock may have just written the files: take them rather than write them again.
            done = read_manifest(root)
            if (
                done is not None
                and is_usable(done, settings=settings, expected=expected)
                and (only_if_stale or done.generated_at >= started)
            ):
                return Outcome(done, generated=False)
            manifest = await _write_generation(
                conn,
                organization=organization,
                settings=settings,
                entities=chosen,
                root=root,
                expected=expected,
                progress=progress or _Silent(),
            )
    return Outcome(manifest, generated=True)


class _Sink:
    """A file being written, with its size and SHA-256 kept as bytes go through."""

    def __init__(self, path: Path, media_type: str) -> None:
        self.path = path
        self.media_type = media_type
        self.file: BinaryIO = path.open("wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
        self.size += len(data)

    def close(self, *, entity: str | None = None, rows: int | None = None) -> FileEntry:
        self.file.close()
        return FileEntry(
            name=self.path.name,
            media_type=self.media_type,
            bytes=self.size,
            sha256=self.digest.hexdigest(),
            entity=entity,
            rows=rows,
        )


class _TextSink:
    """The CSV writer's target: each record is encoded and goes straight to the file."""

    def __init__(self, sink: _Sink) -> None:
        self.sink = sink

    def write(self, text: str) -> int:
        self.sink.write(text.encode("utf-8"))
        return len(text)


class _EntityWriter:
    """One entity's CSV and JSON Lines files, written a batch of rows at a time (nothing kept)."""

    def __init__(self, entity: Entity, *, directory: Path, host: str, locales: Sequence[str], separator: str) -> None:
        self.entity = entity
        self.formatter = RowFormatter(entity, locales)
        self.csv = _Sink(directory / entity_file_name(host, entity.name, "csv"), CSV_TYPE)
        self.jsonl = _Sink(directory / entity_file_name(host, entity.name, "jsonl"), JSONL_TYPE)
        # QUOTE_MINIMAL and CRLF: RFC 4180.
        self.writer = csv.writer(_TextSink(self.csv), delimiter=separator, lineterminator="\r\n")
        self.rows = 0
        self.writer.writerow(self.formatter.headers)

    def write_batch(self, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            self.writer.writerow(self.formatter.csv_record(row))
            self.jsonl.write(orjson.dumps(self.formatter.json_object(row), option=orjson.OPT_APPEND_NEWLINE))
        self.rows += len(rows)

    def close(self) -> tuple[FileEntry, FileEntry]:
        return (
            self.csv.close(entity=self.entity.name, rows=self.rows),
            self.jsonl.close(entity=self.entity.name, rows=self.rows),
        )

    def abort(self) -> None:
        self.csv.file.close()
        self.jsonl.file.close()


async def _write_entity(
    conn: AsyncConnection,
    entity: Entity,
    *,
    scope: Scope,
    directory: Path,
    host: str,
    locales: Sequence[str],
    settings: OpenDataSettings,
    progress: Progress,
) -> tuple[FileEntry, FileEntry]:
    writer = _EntityWriter(entity, directory=directory, host=host, locales=locales, separator=settings.separator)
    progress.advance(0)  # an empty entity shows "0 rows" too
    try:
        result = await conn.stream(entity.select(scope).execution_options(yield_per=settings.batch_rows))
        async for batch in result.partitions():
            await asyncio.to_thread(writer.write_batch, batch)
            progress.advance(len(batch))
    except BaseException:
        writer.abort()
        raise
    return writer.close()


def _write_zip(directory: Path, name: str, members: Sequence[str], when: datetime) -> FileEntry:
    path = directory / name
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with (directory / member).open("rb") as source, archive.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, _CHUNK)
    digest = hashlib.sha256()
    with path.open("rb") as written:
        while chunk := written.read(_CHUNK):
            digest.update(chunk)
    return FileEntry(name=name, media_type=ZIP_TYPE, bytes=path.stat().st_size, sha256=digest.hexdigest())


def _write_readme(directory: Path, text: str) -> FileEntry:
    data = text.encode("utf-8")
    (directory / README).write_bytes(data)
    return FileEntry(name=README, media_type=README_TYPE, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


async def _write_generation(
    conn: AsyncConnection,
    *,
    organization: models.Organization,
    settings: OpenDataSettings,
    entities: Sequence[Entity],
    root: Path,
    expected: str,
    progress: Progress,
) -> Manifest:
    assert organization.id is not None  # noqa: S101 - a saved row
    previous, work = await asyncio.to_thread(_prepare, root)
    locales = locales_of(organization)
    scope = Scope(organization_id=organization.id, viewer=ANONYMOUS)
    generated_at = datetime.now(UTC)
    generation = f"{generated_at:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
    try:
        csv_files: dict[str, FileEntry] = {}
        jsonl_files: dict[str, FileEntry] = {}
        for entity in entities:
            progress.stage(entity.name)
            csv_files[entity.name], jsonl_files[entity.name] = await _write_entity(
                conn,
                entity,
                scope=scope,
                directory=work,
                host=organization.host,
                locales=locales,
                settings=settings,
                progress=progress,
            )
        name = organization.name.get(organization.default_locale) or organization.host
        readme = _write_readme(
            work,
            render_readme(
                organization_name=str(name),
                host=organization.host,
                generated_at=generated_at,
                settings=settings,
                entities=entities,
                locales=locales,
                rows={entity: entry.rows or 0 for entity, entry in csv_files.items()},
            ),
        )
        members = [README]
        for entity in entities:
            members += [csv_files[entity.name].name, jsonl_files[entity.name].name]
        progress.stage("zip archive")
        archive = await asyncio.to_thread(_write_zip, work, zip_name(organization.host), members, generated_at)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    manifest = Manifest(
        organization_id=organization.id,
        host=organization.host,
        generation=generation,
        generated_at=generated_at,
        fingerprint=expected,
        locales=locales,
        zip=archive,
        readme=readme,
        csv=csv_files,
        jsonl=jsonl_files,
    )
    await asyncio.to_thread(_publish, work, root, manifest, previous)
    return manifest


def _prepare(root: Path) -> tuple[Manifest | None, Path]:
    root.mkdir(parents=True, exist_ok=True)
    return read_manifest(root), Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))


def _publish(work: Path, root: Path, manifest: Manifest, previous: Manifest | None) -> None:
    """Rename the finished generation into place, then point the manifest at it."""
    try:
        work.rename(root / manifest.generation)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    write_manifest(root, manifest)
    _prune(root, keep={manifest.generation, previous.generation if previous else manifest.generation})


def _prune(root: Path, *, keep: set[str]) -> None:
    """Drop older generations and leftovers of interrupted ones (safe: the caller holds the lock)."""
    for child in root.iterdir():
        if child.name == MANIFEST or child.name in keep:
            continue
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
