"""Write a :class:`Plan` in one transaction: skip what exists, draw ids, bulk insert by table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import ColumnElement, func, insert, select, text

import models
from app.seed.plan import NATURAL_KEYS, PAIR_KEYS, IdText, Plan, Ref, Row
from resolvers.components.manifests import validate_settings
from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection
    from sqlmodel import SQLModel

BATCH_SIZE = 2_000
# Serialises concurrent seeds (two `make demo` at once) so the second one sees the first's rows.
_LOCK_KEY = 0x5EED_44


class SeedError(RuntimeError):
    """The plan cannot be written; the message says which row and why."""


class Progress(Protocol):
    """Told about each stage of a seed (hashing, planning, writing...) and the rows it handled."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, rows: int, detail: str | None = None) -> None: ...


@dataclass(slots=True)
class WriteResult:
    organization_id: int
    organization_created: bool
    inserted: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    @property
    def inserted_total(self) -> int:
        return sum(self.inserted.values())


async def find_organization(conn: AsyncConnection, host: str) -> int | None:
    table = models.Organization.__table__  # type: ignore[attr-defined]
    found = await conn.scalar(select(table.c.id).where(table.c.host == host))
    return int(found) if found is not None else None


async def write_plan(conn: AsyncConnection, plan: Plan, *, progress: Progress | None = None) -> WriteResult:
    if plan.organization is None:
        msg = "the plan has no organization"
        raise SeedError(msg)
    if progress is not None:
        progress.stage("Looking for existing rows")
    await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    org_row = plan.rows[plan.organization.n]
    existing_org = await find_organization(conn, org_row.values["host"])
    bound: dict[Ref, int] = {}
    rows = plan.rows
    if existing_org is not None:
        bound = await _bind_existing(conn, plan, existing_org)
        kept_units = {row.ref for row in rows if row.is_root and row.ref not in bound}
        rows = [row for row in rows if row.unit is None or row.unit in kept_units]
        rows = await _drop_existing_pairs(conn, rows, bound, existing_org)

    if progress is not None:
        progress.advance(len(plan.rows) - len(rows), detail="already stored")
        progress.stage("Drawing ids and building records", total=len(rows))
    ids = await _allocate(conn, len(rows))
    bound.update((row.ref, id_) for row, id_ in zip(rows, ids, strict=True))

    by_model: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_model[row.model].append(_record(row, bound, plan.default_time))

    if progress is not None:
        progress.advance(len(rows))
        progress.stage("Writing", total=len(rows))
    result = WriteResult(
        organization_id=bound[plan.organization],
        organization_created=existing_org is None,
        skipped=len(plan.rows) - len(rows),
    )
    for model in _insert_order(by_model):
        records = by_model[model]
        table = model.__table__  # type: ignore[attr-defined]
        for start in range(0, len(records), BATCH_SIZE):
            batch = records[start : start + BATCH_SIZE]
            await conn.execute(insert(table), batch)
            if progress is not None:
                progress.advance(len(batch), detail=table.name)
        result.inserted[table.name] = len(records)
    return result


async def count_rows(conn: AsyncConnection, organization_id: int, *, tables: list[str]) -> dict[str, int]:
    """Rows of the named tenant tables that belong to the organization, in the order given."""
    by_name = models.metadata.tables
    wanted = [by_name[name] for name in tables if "organization_id" in by_name[name].c]
    counts = [
        select(func.count()).select_from(t).where(t.c.organization_id == organization_id).scalar_subquery()
        for t in wanted
    ]
    row = (await conn.execute(select(*counts))).one()
    return {t.name: int(n) for t, n in zip(wanted, row, strict=True)}


# -- what already exists ----------------------------------------------------------------------


def _key_columns(model: type[SQLModel]) -> list[ColumnElement[Any]]:
    columns: list[ColumnElement[Any]] = []
    for part in NATURAL_KEYS[model]:
        column = model.__table__.c[part.column]  # type: ignore[attr-defined]
        columns.append(column[part.sub].astext if part.sub is not None else column)
    return columns


async def _bind_existing(conn: AsyncConnection, plan: Plan, organization_id: int) -> dict[Ref, int]:
    """Map the roots already stored (found by natural key) to their ids."""
    assert plan.organization is not None  # noqa: S101 - checked by the caller
    bound = {plan.organization: organization_id}
    roots: dict[type[SQLModel], list[Row]] = defaultdict(list)
    for row in plan.rows:
        if row.is_root and row.model is not models.Organization:
            roots[row.model].append(row)
    for model, planned in roots.items():
        table = model.__table__  # type: ignore[attr-defined]
        stmt = select(table.c.id, *_key_columns(model)).where(table.c.organization_id == organization_id)
        stored = {tuple(r[1:]): r[0] for r in (await conn.execute(stmt)).all()}
        for row in planned:
            found = stored.get(row.natural_key())
            if found is not None:
                bound[row.ref] = found
    return bound


async def _drop_existing_pairs(
    conn: AsyncConnection, rows: list[Row], bound: dict[Ref, int], organization_id: int
) -> list[Row]:
    stored: dict[type[SQLModel], set[tuple[Any, ...]]] = {}
    kept: list[Row] = []
    for row in rows:
        if row.unit is not None:
            kept.append(row)
            continue
        refs = [v for v in row.values.values() if isinstance(v, Ref)]
        if any(r not in bound for r in refs):
            kept.append(row)  # it joins a unit created now, so it cannot exist yet
            continue
        if row.model not in stored:
            table = row.model.__table__  # type: ignore[attr-defined]
            columns = [table.c[name] for name in PAIR_KEYS[row.model]]
            stmt = select(*columns).where(table.c.organization_id == organization_id)
            stored[row.model] = {tuple(r) for r in (await conn.execute(stmt)).all()}
        key = tuple(_resolve(row.values[name], bound) for name in PAIR_KEYS[row.model])
        if key not in stored[row.model]:
            kept.append(row)
    return kept


# -- building records -------------------------------------------------------------------------


async def _allocate(conn: AsyncConnection, count: int) -> list[int]:
    """Draw ``count`` ids from the global sequence; handed out in plan order, so the seed is reproducible."""
    if count == 0:
        return []
    stmt = select(models.GLOBAL_ID_SEQ.next_value()).select_from(func.generate_series(1, count))
    return sorted((await conn.scalars(stmt)).all())


def _resolve(value: Any, bound: dict[Ref, int]) -> Any:
    if isinstance(value, Ref):
        return bound[value]
    if isinstance(value, IdText):
        return value.template.format(*(bound[r] for r in value.refs))
    if isinstance(value, dict):
        return {(str(bound[k]) if isinstance(k, Ref) else k): _resolve(v, bound) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, bound) for v in value]
    return value


@cache
def _columns(model: type[SQLModel]) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns)  # type: ignore[attr-defined]


def _record(row: Row, bound: dict[Ref, int], default_time: datetime | None) -> dict[str, Any]:
    values = {name: _resolve(v, bound) for name, v in row.values.items()}
    unknown = set(values) - set(_columns(row.model))
    if unknown:
        msg = f"{row.model.__name__} has no column {', '.join(sorted(unknown))}"
        raise SeedError(msg)
    values["id"] = bound[row.ref]
    values.setdefault("created_at", None)
    values["created_at"] = values["created_at"] or default_time
    values["updated_at"] = values.get("updated_at") or values["created_at"]
    if row.model is models.Component:
        _validate_component(values)
    fields = row.model.model_fields
    record: dict[str, Any] = {}
    for name in _columns(row.model):
        if name in values:
            record[name] = values[name]
        elif fields[name].is_required():
            msg = f"{row.model.__name__}.{name} has no default: the seed must set it (app/seed/builder.py)"
            raise SeedError(msg)
        else:
            # Every record of a batch must carry every column: fill the model's own defaults.
            record[name] = fields[name].get_default(call_default_factory=True)
    return record


def _validate_component(values: dict[str, Any]) -> None:
    try:
        values["settings"], values["default_step_settings"], values["step_settings"] = validate_settings(
            values["manifest_name"],
            global_settings=values["settings"],
            default_step_settings=values["default_step_settings"],
            step_settings=values["step_settings"],
        )
    except BadUserInput as exc:
        msg = f"component {values['manifest_name']!r} of space {values['space_id']}: {exc.message}"
        raise SeedError(msg) from None


def _insert_order(by_model: dict[type[SQLModel], list[dict[str, Any]]]) -> list[type[SQLModel]]:
    """Parents before children (the metadata's dependency order); self-references follow plan order."""
    position = {t.name: i for i, t in enumerate(models.metadata.sorted_tables)}
    return sorted(by_model, key=lambda m: position[m.__table__.name])  # type: ignore[attr-defined]
