"""``participa seed``: the Loire-Atlantique demo organization, with a progress line per stage."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.cli.base import console, database_url, engine_for, handled, main, reachable, run, settings_of, today_in_paris
from app.cli.migrate import require_head
from app.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from app.seed import SeedOptions, SeedReport


class StageProgress:
    """Shows each stage of a seed (hashing, planning, writing...) as a line with its rows and time."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.name = ""

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.name = name
        self.task = self.progress.add_task(name, total=total, count="")

    def advance(self, rows: int, detail: str | None = None) -> None:
        if self.task is None:
            return
        self.progress.advance(self.task, rows)
        task = self.progress.tasks[-1]
        count = f"{int(task.completed):,}/{int(task.total):,}" if task.total else f"{int(task.completed):,} rows"
        description = f"{self.name} · {detail}" if detail else self.name
        self.progress.update(self.task, description=description, count=count)

    def _finish(self) -> None:
        if self.task is not None:
            done = self.progress.tasks[-1].completed
            self.progress.update(self.task, description=self.name, total=done, completed=done)

    def close(self) -> None:
        self._finish()
        self.task = None


def stage_bar() -> Progress:
    return Progress(
        SpinnerColumn(finished_text="[green]✓[/green]"),
        TextColumn("{task.description:<52}"),
        BarColumn(),
        TextColumn("{task.fields[count]}", justify="right"),
        TimeElapsedColumn(),
        console=console,
    )


async def existing_organization(url: str, settings: Settings, host: str) -> int | None:
    from sqlalchemy import text

    from app.seed import organization_id

    engine = engine_for(url, settings)
    try:
        await reachable(engine, url)
        async with engine.connect() as conn:
            if not await conn.scalar(text("SELECT to_regclass('organizations') IS NOT NULL")):
                return None
        return await organization_id(engine, host)
    finally:
        await engine.dispose()


SEEDED_METRIC_DAYS = 365


async def compute_seeded_metrics(engine: AsyncEngine, options: SeedOptions, stages: StageProgress) -> None:
    """The demo's metric history over the year before the seed's day, stamped with that day (two seeds
    stay identical); seeding again computes nothing new. ``participa metrics compute --from`` fills
    earlier days on demand, and its default range takes over from the last computed day."""
    from datetime import UTC, timedelta

    from app.cli.metrics import compute_organizations

    stamp = datetime.combine(options.today, datetime.min.time(), tzinfo=UTC)
    end = options.today - timedelta(days=1)
    start = None if await metrics_exist(engine) else options.today - timedelta(days=SEEDED_METRIC_DAYS)
    await compute_organizations(engine, host=options.host, start=start, end=end, progress=stages, stamp=stamp)


async def metrics_exist(engine: AsyncEngine) -> bool:
    from sqlalchemy import text

    async with engine.connect() as conn:
        return bool(await conn.scalar(text("SELECT EXISTS (SELECT 1 FROM metrics)")))


async def run_seed(url: str, settings: Settings, options: SeedOptions) -> SeedReport:
    from app.seed import seed as seed_database

    engine = engine_for(url, settings)
    try:
        with stage_bar() as progress:
            stages = StageProgress(progress)
            try:
                report = await seed_database(engine, options, progress=stages)
                await compute_seeded_metrics(engine, options, stages)
                return report
            finally:
                stages.close()
    finally:
        await engine.dispose()


def print_seed_report(report: SeedReport, host: str) -> None:
    write = report.write
    table = Table(title=f"Organization {escape(host)} (id {write.organization_id})", title_justify="left")
    table.add_column("table")
    table.add_column("added", justify="right")
    table.add_column("total", justify="right")
    for name, total in report.totals.items():
        added = write.inserted.get(name, 0)
        if total or added:
            table.add_row(name, f"{added:,}", f"{total:,}")
    console.print(table)
    timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in report.stages.items())
    if write.inserted_total == 0:
        console.print(f"[green]Already seeded[/green]: nothing to add ({write.skipped} planned rows exist).")
    else:
        verb = "Seeded" if write.organization_created else "Topped up"
        console.print(
            f"[green]{verb}[/green] {write.inserted_total} rows in {report.seconds:.2f} s "
            f"({write.skipped} already present)."
        )
    console.print(f"[dim]Time: {timings}.[/dim]")


@main.command()
@handled
def seed(
    ctx: typer.Context,
    *,
    scale: Annotated[
        int, typer.Option(min=1, max=1000, help="Multiply participants, consultations, proposals, supports...")
    ] = 1,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Do nothing when the organization exists.")] = False,
    seed_value: Annotated[int, typer.Option("--seed", help="Random seed; the same seed gives the same data.")] = 42,
    host: Annotated[str, typer.Option(help="Host of the demo organization (how it is found again).")] = "localhost",
    today: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], hidden=True, help="Pretend the seed runs on this day."),
    ] = None,
) -> None:
    """Create the Loire-Atlantique demo organization (idempotent; a larger --scale tops up)."""
    from app.seed import SeedOptions

    settings = settings_of(ctx)
    url = database_url(settings)
    if if_empty:
        # The fast path of `make demo`: one query, no migration check, no planning.
        existing = run(existing_organization(url, settings, host))
        if existing is not None:
            console.print(f"Organization {escape(host)} exists (id {existing}): nothing to do (--if-empty).")
            return
    require_head(url, settings)
    day = today.date() if today else today_in_paris()
    options = SeedOptions(today=day, seed=seed_value, scale=scale, host=host)
    print_seed_report(run(run_seed(url, settings, options)), host)
