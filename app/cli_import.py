"""``participa import proposals FILE --component ID``: import proposals from a CSV or JSON file.

Every row is checked before anything is written; a file with any error imports nothing and the
errors are listed by line and column. Rows already imported (same ``external_id`` in the component)
are left as they are, so running the same import twice is harmless.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.ext.asyncio import async_sessionmaker

import models
from app.cli.base import CliError, console, database_url, engine_for, handled, main, reachable, run, settings_of
from resolvers.errors import DomainError
from resolvers.restitution.import_rows import ImportFormat
from resolvers.restitution.imports import ImportOutcome, ImportRejected, import_into

imports = typer.Typer(name="import", help="Import data from files: proposals.", no_args_is_help=True)
main.add_typer(imports, name="import")


def _format(path: Path, given: str | None) -> ImportFormat:
    name = (given or path.suffix.lstrip(".")).lower()
    try:
        return ImportFormat(name)
    except ValueError:
        msg = f"Unknown format {name!r}: use --format csv or --format json."
        raise CliError(msg) from None


def _print_errors(exc: ImportRejected) -> None:
    table = Table(title=f"Nothing imported: {len(exc.errors)} error(s)", title_justify="left")
    for column in ("line", "column", "problem"):
        table.add_column(column)
    for error in exc.errors:
        table.add_row(str(error.line), escape(error.column), escape(error.message))
    console.print(table)


async def _import(ctx: typer.Context, *, component_id: int, fmt: ImportFormat, text: str) -> ImportOutcome:
    settings = settings_of(ctx)
    url = database_url(settings)
    engine = engine_for(url, settings)
    try:
        await reachable(engine, url)
        async with async_sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
            component = await session.get(models.Component, component_id)
            if component is None or component.manifest_name != "proposals":
                msg = f"No proposals component with id {component_id}."
                raise CliError(msg)
            organization = await session.get(models.Organization, component.organization_id)
            assert organization is not None  # noqa: S101 - a component's organization always exists
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
            ) as progress:
                tasks: dict[str, int] = {}

                def advance(phase: str, done: int, total: int) -> None:
                    if phase not in tasks:
                        tasks[phase] = progress.add_task(f"{phase.capitalize()} rows", total=total)  # type: ignore[assignment]
                    progress.update(tasks[phase], completed=done, total=total)  # type: ignore[arg-type]

                # The CLI runs with the database owner's rights: no viewer, no permission check.
                return await import_into(
                    session,
                    component=component,
                    organization=organization,
                    fmt=fmt,
                    text=text,
                    actor_id=None,
                    progress=advance,
                )
    finally:
        await engine.dispose()


@imports.command("proposals")
@handled
def proposals(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV or JSON file.")],
    component: Annotated[int, typer.Option("--component", help="Id of the proposals component to import into.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or json (default: from the file's extension).")
    ] = None,
) -> None:
    """Import proposals; columns: title/fr, title/en, body/fr, body/en, category_id or category, scope,
    author (nickname; official proposal without), external_id (required)."""
    text = file.read_text(encoding="utf-8")
    try:
        outcome = run(_import(ctx, component_id=component, fmt=_format(file, fmt), text=text))
    except ImportRejected as exc:
        _print_errors(exc)
        raise typer.Exit(code=1) from None
    except DomainError as exc:
        raise CliError(exc.message) from None
    console.print(f"Imported {len(outcome.created)} proposal(s); {outcome.unchanged} already there.")
