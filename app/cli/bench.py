"""``participa bench``: seed (or reuse) a scaled database and time representative queries in-process."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn
from rich.table import Table

from app.cli.base import CliError, console, database_url, handled, main, run, safe_url, settings_of, today_in_paris
from app.cli.migrate import alembic_config, require_head
from app.cli.seed import run_seed


class _BenchProgress:
    """Adapts the benchmark's progress reports to a rich progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def start(self, name: str, total: int) -> None:
        self.task = self.progress.add_task(name, total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


@main.command()
@handled
def bench(
    ctx: typer.Context,
    *,
    scale: Annotated[int, typer.Option(min=1, max=1000, help="Seed scale of the benchmark database.")] = 10,
    iterations: Annotated[int, typer.Option(min=1, help="Requests per query.")] = 50,
    concurrency: Annotated[int, typer.Option(min=1, help="Requests in flight at once.")] = 1,
    database: Annotated[
        str, typer.Option(help="Benchmark database on the configured server (created and migrated if needed).")
    ] = "participa_bench",
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Use the configured database itself instead of --database.")
    ] = False,
    host: Annotated[str, typer.Option(help="Organization host to seed and query.")] = "localhost",
) -> None:
    """Seed (or reuse) a scaled database, then time representative GraphQL queries in-process."""
    from alembic import command

    from app.db import with_database
    from app.seed import SeedOptions
    from app.seed.bench import ensure_database, run_benchmark

    settings = settings_of(ctx)
    url = database_url(settings)
    if not in_place:
        if not re.fullmatch(r"[A-Za-z0-9_]{1,63}", database):
            msg = f"--database {database!r}: use letters, digits and underscores only"
            raise CliError(msg)
        if run(ensure_database(url, database)):
            console.print(f"Created database {database}.")
        url = with_database(url, database)
        command.upgrade(alembic_config(url), "heads")
    else:
        require_head(url, settings)  # never migrate someone's database behind their back
    report = run(run_seed(url, settings, SeedOptions(today=today_in_paris(), scale=scale, host=host)))
    totals = report.totals
    console.print(
        f"Data in {escape(safe_url(url))}: {totals.get('participatory_processes', 0)} processes, "
        f"{totals.get('users', 0)} users, {totals.get('proposals', 0)} proposals, "
        f"{totals.get('comments', 0)} comments ({report.write.inserted_total} rows added now)."
    )
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        results = run(
            run_benchmark(
                url,
                settings,
                iterations=iterations,
                concurrency=concurrency,
                host=host,
                progress=_BenchProgress(progress),
            )
        )
    table = Table(
        title=f"GraphQL in-process, {iterations} requests each, concurrency {concurrency}", title_justify="left"
    )
    for column in ("query", "req/s", "p50 ms", "p95 ms", "SQL statements", "response KB"):
        table.add_column(column, justify="left" if column == "query" else "right")
    for r in results:
        table.add_row(
            r.name,
            f"{r.requests_per_second:.0f}",
            f"{r.p50_ms:.1f}",
            f"{r.p95_ms:.1f}",
            str(r.statements),
            f"{r.response_bytes / 1024:.1f}",
        )
    console.print(table)
    console.print("[dim]Queries are described in app/seed/bench.py; SQL = statements for one request.[/dim]")
