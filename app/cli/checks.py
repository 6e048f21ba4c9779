"""``participa export-schema`` and ``participa check``: is the SDL current, is the install sound."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.cli.base import (
    CliError,
    console,
    database_url,
    engine_for,
    errors,
    handled,
    main,
    reachable,
    run,
    safe_url,
    settings_of,
)
from app.cli.migrate import alembic_config, current_revisions, describe, require_head
from app.settings import Settings


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


async def _database_facts(url: str, settings: Settings) -> dict[str, str]:
    from sqlalchemy import text

    engine = engine_for(url, settings)
    try:
        await reachable(engine, url)
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
    settings = settings_of(ctx)
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

    url = database_url(settings)
    facts = run(_database_facts(url, settings))
    console.print(f"[green]✓[/green] database reachable: {facts['server']}, database {facts['database']}")
    require_head(url, settings)
    current = run(current_revisions(url, settings))
    console.print(f"[green]✓[/green] migrations at head: {describe(alembic_config(url), current)}")
