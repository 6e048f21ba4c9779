"""Demo data: the Loire-Atlantique case study's platform, with its figures (app/seed/figures.py).

``await seed(engine, SeedOptions(today=...))`` plans the rows in memory (deterministic for a
given ``seed``, ``scale`` and day) and writes what is missing in one transaction.

Layout: ``builder`` plans the organization, territory and accounts (``participants``), then per
block the consultations (``consultations``, from ``catalog``), the assemblies and, through
``content``, what happens in them: ``proposals`` and ``supports``, ``comments``, ``meetings``,
``surveys``, ``accountability``, ``news``, ``debates``, ``budgets``. ``texts/`` holds the words;
``plan`` and ``writer`` turn planned rows into inserts.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.seed.builder import SeedOptions, build_plan
from app.seed.figures import DEMO_PASSWORD
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
    "demo_password_hash",
    "organization_id",
    "seed",
]


@dataclass(slots=True)
class SeedReport:
    write: WriteResult
    totals: dict[str, int] = field(default_factory=dict)
    planned: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds spent hashing, planning, writing (lock, lookups, inserts) and counting."""


async def organization_id(engine: AsyncEngine, host: str) -> int | None:
    async with engine.connect() as conn:
        return await find_organization(conn, host)


async def demo_password_hash(seed: int) -> str:
    """The demo password hashed with the project's argon2 hasher, with a salt derived from ``seed``.

    A fixed salt keeps two seeds with the same ``--seed`` byte-identical; the password is public anyway.
    """
    from resolvers.accounts.passwords import Passwords

    salt = hashlib.sha256(f"participa-demo-password:{seed}".encode()).digest()[:16]
    return await Passwords().hash(DEMO_PASSWORD, salt=salt)


async def seed(engine: AsyncEngine, options: SeedOptions, *, progress: Progress | None = None) -> SeedReport:
    started = time.perf_counter()
    stages: dict[str, float] = {}

    def lap(name: str, since: float) -> float:
        now = time.perf_counter()
        stages[name] = now - since
        return now

    if progress is not None:
        progress.stage("Hashing the demo password")
    password_hash = await demo_password_hash(options.seed)
    mark = lap("hash", started)
    plan = build_plan(options, password_hash=password_hash, progress=progress)
    mark = lap("plan", mark)
    async with engine.begin() as conn:
        written = await write_plan(conn, plan, progress=progress)
        mark = lap("write", mark)
        if progress is not None:
            progress.stage("Counting rows")
        totals = await count_rows(conn, written.organization_id, tables=list(plan.counts()))
    lap("count and commit", mark)
    return SeedReport(
        write=written,
        totals=totals,
        planned=len(plan.rows),
        seconds=time.perf_counter() - started,
        stages=stages,
    )
