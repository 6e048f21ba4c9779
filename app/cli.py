"""The ``participa`` command line: serve, migrate, seed, export-schema, check, bench.

Expected failures (database unreachable, unknown revision, schema drift...) print one line on
stderr and exit non-zero; only bugs show a traceback.
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import os
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from app.settings import PROJECT_ROOT, Settings, get_settings

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.ext.asyncio import AsyncEngine

    from app.seed import SeedOptions, SeedReport

P = ParamSpec("P")
R = TypeVar("R")

main = typer.Typer(
    name="participa",
    help="Participa: a Decidim-compatible GraphQL API for citizen participation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
migrate_app = typer.Typer(help="Apply or inspect database migrations (Alembic).", no_args_is_help=True)
main.add_typer(migrate_app, name="migrate")

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

CONNECT_TIMEOUT_SECONDS = 10


class CliError(Exception):
    """An expected failure: its message is printed as is."""


@dataclass(slots=True)
class _State:
    database_url: str | None = None


# -- plumbing -------------------------------------------------------------------------------------


def _expected_errors() -> tuple[type[BaseException], ...]:
    import asyncpg  # type: ignore[import-untyped]
    from alembic.util import CommandError
    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    from app.seed import CommuneFileError, SeedError
    from app.seed.bench import BenchError

    return (
        CliError,
        CommandError,
        ValidationError,
        SQLAlchemyError,
        asyncpg.PostgresError,
        asyncpg.InterfaceError,
        OSError,
        TimeoutError,
        SeedError,
        CommuneFileError,
        BenchError,
    )


def _one_line(exc: BaseException) -> str:
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "UndefinedTable" in type(exc).__name__ or ('relation "' in text and "does not exist" in text):
        return f"{text} (is the database migrated? run `participa migrate upgrade`)"
    return text


def handled(func: Callable[P, R]) -> Callable[P, R]:
    """Turn expected failures into one red line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except _expected_errors() as exc:
            errors.print(f"[red]error:[/red] {escape(_one_line(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def _run(coro: Coroutine[Any, Any, R]) -> R:
    return asyncio.run(coro)


def _settings(ctx: typer.Context) -> Settings:
    # Read the environment afresh: one process may run several commands (tests, shells).
    get_settings.cache_clear()
    settings = get_settings()
    state = ctx.find_object(_State)
    if state is not None and state.database_url:
        settings = settings.model_copy(
            update={"database": settings.database.model_copy(update={"url": state.database_url})}
        )
    return settings


def _database_url(settings: Settings) -> str:
    from app.db import resolve_url

    try:
        return resolve_url(settings.database)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown without its credentials
        return re.sub(r"//[^@/]*@", "//***@", url)


def _engine(url: str, settings: Settings) -> AsyncEngine:
    from app.db import create_engine

    return create_engine(url, settings.database, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})


async def _reachable(engine: AsyncEngine, url: str) -> None:
    from sqlalchemy import text

    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except _expected_errors() as exc:
        msg = f"database unreachable at {safe_url(url)}: {_one_line(exc)}"
        raise CliError(msg) from None


def _today_in_paris() -> date:
    return datetime.now(ZoneInfo("Europe/Paris")).date()


@main.callback()
def _root(
    ctx: typer.Context,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="PostgreSQL URL; overrides DATABASE_URL / PARTICIPA_DATABASE__URL."),
    ] = None,
) -> None:
    ctx.obj = _State(database_url=database_url)


# -- serve ----------------------------------------------------------------------------------------


@main.command()
@handled
def serve(
    ctx: typer.Context,
    *,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    reload: Annotated[bool, typer.Option(help="Restart when the code changes (development).")] = False,
) -> None:
    """Serve the API with uvicorn."""
    import uvicorn

    settings = _settings(ctx)
    # Resolve once here: without DATABASE_URL this starts the embedded server in this process,
    # before uvicorn spawns workers, and every worker connects to it through the environment.
    url = _database_url(settings)
    os.environ["PARTICIPA_DATABASE__URL"] = url
    get_settings.cache_clear()
    console.print(
        f"Participa on [bold]http://{escape(host)}:{port}/graphql[/bold] "
        f"({workers} worker{'s' if workers > 1 else ''}, database {escape(safe_url(url))})"
    )
    uvicorn.run(
        "app.asgi:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_level=settings.log_level.lower(),
    )


# -- migrate --------------------------------------------------------------------------------------


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["url"] = url
    return config


def _describe(config: Config, revisions: tuple[str, ...]) -> str:
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError

    if not revisions:
        return "none (empty database)"
    script = ScriptDirectory.from_config(config)
    heads = set(script.get_heads())
    parts = []
    for rev in revisions:
        try:
            revision = script.get_revision(rev)
        except RevisionError:
            # The database was migrated by other code (another branch): say so rather than fail.
            parts.append(f"{rev} (unknown to this code)")
            continue
        label = f"{rev}{' (head)' if rev in heads else ''}"
        doc = (revision.doc or "").split(":")[0].strip() if revision is not None else ""
        parts.append(f"{label} — {doc}" if doc else label)
    return ", ".join(parts)


async def _current_revisions(url: str, settings: Settings) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    engine = _engine(url, settings)
    try:
        await _reachable(engine, url)
        async with engine.connect() as conn:
            heads = await conn.run_sync(lambda sync: MigrationContext.configure(sync).get_current_heads())
    finally:
        await engine.dispose()
    return tuple(heads)


def _head_revisions(config: Config) -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(config).get_heads())


@migrate_app.command("upgrade")
@handled
def migrate_upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="Target revision (default: every head).")] = "heads",
) -> None:
    """Upgrade the database schema."""
    from alembic import command

    settings = _settings(ctx)
    url = _database_url(settings)
    config = alembic_config(url)
    before = _run(_current_revisions(url, settings))
    command.upgrade(config, revision)
    after = _run(_current_revisions(url, settings))
    verb = "Already at" if before == after else "Upgraded to"
    console.print(f"[green]{verb}[/green] {_describe(config, after)}  [dim]{escape(safe_url(url))}[/dim]")


@migrate_app.command("downgrade")
@handled
def migrate_downgrade(
    ctx: typer.Context,
    revision: Annotated[
        str, typer.Argument(help="Target revision: an id, 'base', or a relative step such as '-1' (after --).")
    ] = "-1",
) -> None:
    """Downgrade the database schema (one step by default)."""
    from alembic import command

    settings = _settings(ctx)
    url = _database_url(settings)
    config = alembic_config(url)
    before = _run(_current_revisions(url, settings))
    if not before:
        raise CliError("the database has no migration applied: nothing to downgrade")
    command.downgrade(config, revision)
    after = _run(_current_revisions(url, settings))
    console.print(f"[yellow]Downgraded to[/yellow] {_describe(config, after)}  [dim]{escape(safe_url(url))}[/dim]")


@migrate_app.command("current")
@handled
def migrate_current(ctx: typer.Context) -> None:
    """Show the database's current revision and whether it is at head."""
    settings = _settings(ctx)
    url = _database_url(settings)
    config = alembic_config(url)
    current = _run(_current_revisions(url, settings))
    heads = _head_revisions(config)
    console.print(f"Current revision: {_describe(config, current)}  [dim]{escape(safe_url(url))}[/dim]")
    if set(current) != set(heads):
        console.print(f"[yellow]Head is {', '.join(heads)}: run `participa migrate upgrade`.[/yellow]")


# -- seed -----------------------------------------------------------------------------------------


class _RichProgress:
    """Adapts the seed writer's progress reports to a rich progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("Planning", total=None)

    def begin(self, total: int) -> None:
        self.progress.update(self.task, total=total, description="Writing")

    def advance(self, table: str, rows: int) -> None:
        self.progress.update(self.task, advance=rows, description=f"Writing {table}")


async def _existing_organization(url: str, settings: Settings, host: str) -> int | None:
    from sqlalchemy import text

    from app.seed import organization_id

    engine = _engine(url, settings)
    try:
        await _reachable(engine, url)
        async with engine.connect() as conn:
            if not await conn.scalar(text("SELECT to_regclass('organizations') IS NOT NULL")):
                return None
        return await organization_id(engine, host)
    finally:
        await engine.dispose()


async def _seed(url: str, settings: Settings, options: SeedOptions) -> SeedReport:
    from app.seed import seed

    engine = _engine(url, settings)
    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<40}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            return await seed(engine, options, progress=_RichProgress(progress))
    finally:
        await engine.dispose()


def _require_head(url: str, settings: Settings) -> None:
    """Writing demo rows into an older schema fails row by row; say what to do instead."""
    config = alembic_config(url)
    current = _run(_current_revisions(url, settings))
    heads = _head_revisions(config)
    if set(current) != set(heads):
        msg = (
            f"database {safe_url(url)} is at {_describe(config, current)}; head is {', '.join(heads)}: "
            "run `participa migrate upgrade`"
        )
        raise CliError(msg)


def _print_seed_report(report: SeedReport, host: str) -> None:
    write = report.write
    table = Table(title=f"Organization {escape(host)} (id {write.organization_id})", title_justify="left")
    table.add_column("table")
    table.add_column("added", justify="right")
    table.add_column("total", justify="right")
    for name, total in report.totals.items():
        added = write.inserted.get(name, 0)
        if total or added:
            table.add_row(name, str(added), str(total))
    console.print(table)
    if write.inserted_total == 0:
        console.print(f"[green]Already seeded[/green]: nothing to add ({write.skipped} planned rows exist).")
    else:
        verb = "Seeded" if write.organization_created else "Topped up"
        console.print(
            f"[green]{verb}[/green] {write.inserted_total} rows in {report.seconds:.2f} s "
            f"({write.skipped} already present)."
        )


@main.command()
@handled
def seed(
    ctx: typer.Context,
    *,
    scale: Annotated[int, typer.Option(min=1, max=1000, help="Multiply consultations, participants, documents.")] = 1,
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

    settings = _settings(ctx)
    url = _database_url(settings)
    if if_empty:
        # The fast path of `make demo`: one query, no migration check, no planning.
        existing = _run(_existing_organization(url, settings, host))
        if existing is not None:
            console.print(f"Organization {escape(host)} exists (id {existing}): nothing to do (--if-empty).")
            return
    _require_head(url, settings)
    day = today.date() if today else _today_in_paris()
    options = SeedOptions(today=day, seed=seed_value, scale=scale, host=host)
    _print_seed_report(_run(_seed(url, settings, options)), host)


# -- export-schema --------------------------------------------------------------------------------


def schema_sdl() -> str:
    from schema.root import build_schema

    return build_schema().as_str() + "\n"


@main.command("export-schema")
@handled
def export_schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the SDL.")] = Path("schema.graphql"),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when the file differs; write nothing.")] = False,
) -> None:
    """Write the GraphQL schema (SDL), or check that the committed file is current."""
    sdl = schema_sdl()
    if check:
        if not output.is_file():
            msg = f"{output} does not exist: run `participa export-schema --output {output}`"
            raise CliError(msg)
        current = output.read_text(encoding="utf-8")
        if current != sdl:
            _print_drift(output, current, sdl)
            msg = f"{output} is out of date: run `participa export-schema --output {output}`"
            raise CliError(msg)
        console.print(f"[green]{escape(str(output))} is up to date[/green] ({sdl.count(chr(10))} lines).")
        return
    try:
        output.write_text(sdl, encoding="utf-8")
    except OSError as exc:
        msg = f"cannot write {output}: {exc.strerror or exc}"
        raise CliError(msg) from None
    console.print(f"Wrote {escape(str(output))} ({sdl.count(chr(10))} lines).")


def _print_drift(path: Path, current: str, expected: str, limit: int = 40) -> None:
    diff = list(
        difflib.unified_diff(
            current.splitlines(), expected.splitlines(), f"{path} (committed)", f"{path} (generated)", lineterm=""
        )
    )
    for line in diff[:limit]:
        style = "green" if line.startswith("+") else "red" if line.startswith("-") else "dim"
        errors.print(line, style=style, markup=False, soft_wrap=True)
    if len(diff) > limit:
        errors.print(f"… {len(diff) - limit} more diff lines", style="dim")


# -- check ----------------------------------------------------------------------------------------


async def _database_facts(url: str, settings: Settings) -> dict[str, str]:
    from sqlalchemy import text

    engine = _engine(url, settings)
    try:
        await _reachable(engine, url)
        async with engine.connect() as conn:
            version = await conn.scalar(text("SHOW server_version"))
            name = await conn.scalar(text("SELECT current_database()"))
    finally:
        await engine.dispose()
    return {"server": f"PostgreSQL {version}", "database": str(name)}


@main.command()
@handled
def check(ctx: typer.Context) -> None:
    """Show the settings (without secrets), then check the database and its migration."""
    settings = _settings(ctx)
    db = settings.database
    table = Table(title="Settings", title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("environment", settings.environment)
    table.add_row("log level", settings.log_level)
    table.add_row("database", safe_url(db.url) if db.url else f"embedded PostgreSQL in {db.embedded_dir}")
    table.add_row("pool", f"{db.pool_size} + {db.max_overflow} overflow")
    limits = settings.limits
    table.add_row(
        "limits",
        f"depth {limits.max_depth}, aliases {limits.max_aliases}, tokens {limits.max_tokens}, "
        f"page size {limits.max_page_size}",
    )
    table.add_row("application name", settings.api.application_name)
    table.add_row("disclose version", str(settings.api.disclose_version))
    console.print(table)

    url = _database_url(settings)
    facts = _run(_database_facts(url, settings))
    console.print(f"[green]✓[/green] database reachable: {facts['server']}, database {facts['database']}")
    _require_head(url, settings)
    current = _run(_current_revisions(url, settings))
    console.print(f"[green]✓[/green] migrations at head: {_describe(alembic_config(url), current)}")


# -- bench ----------------------------------------------------------------------------------------


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

    settings = _settings(ctx)
    url = _database_url(settings)
    if not in_place:
        if not re.fullmatch(r"[A-Za-z0-9_]{1,63}", database):
            msg = f"--database {database!r}: use letters, digits and underscores only"
            raise CliError(msg)
        if _run(ensure_database(url, database)):
            console.print(f"Created database {database}.")
        url = with_database(url, database)
        command.upgrade(alembic_config(url), "heads")
    else:
        _require_head(url, settings)  # never migrate someone's database behind their back
    report = _run(_seed(url, settings, SeedOptions(today=_today_in_paris(), scale=scale, host=host)))
    totals = report.totals
    console.print(
        f"Data in {escape(safe_url(url))}: {totals.get('participatory_processes', 0)} processes, "
        f"{totals.get('users', 0)} users, {totals.get('attachments', 0)} attachments "
        f"({report.write.inserted_total} rows added now)."
    )
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<20}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        results = _run(
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


if __name__ == "__main__":
    main()
