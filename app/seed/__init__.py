"""Demo data: a Loire-Atlantique-like organization with its communes, consultations and participants.

``await seed(engine, SeedOptions(today=...))`` plans the rows in memory (deterministic for a
given ``seed``, ``scale`` and day) and writes what is missing in one transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.seed.builder import SeedOptions, build_plan
from app.seed.territory import CommuneFileError, communes
from app.seed.writer import Progress, SeedError, WriteResult, count_rows, find_organization, write_plan

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

__all__ = [
    "CommuneFileError",
    "Progress",
    "SeedError",
    "SeedOptions",
    "SeedReport",
    "communes",
    "organization_id",
    "seed",
]


@dataclass(slots=True)
class SeedReport:
    write: WriteResult
    totals: dict[str, int] = field(default_factory=dict)
    planned: int = 0
    seconds: float = 0.0


async def organization_id(engine: AsyncEngine, host: str) -> int | None:
    async with engine.connect() as conn:
        return await find_organization(conn, host)


async def seed(engine: AsyncEngine, options: SeedOptions, *, progress: Progress | None = None) -> SeedReport:
    started = time.perf_counter()
    plan = build_plan(options)
    async with engine.begin() as conn:
        written = await write_plan(conn, plan, progress=progress)
        totals = await count_rows(conn, written.organization_id, tables=list(plan.counts()))
    return SeedReport(write=written, totals=totals, planned=len(plan.rows), seconds=time.perf_counter() - started)
