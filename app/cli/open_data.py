"""``participa open-data export``: write the open-data files of one or every organization.

One progress line per entity with the rows written, then a table per organization (rows, sizes,
rows per second) and the peak memory of the process, which is how the export's throughput and
constant memory are measured at scale (see README, "Open data").
"""

from __future__ import annotations

import resource
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.cli.base import (
    CliError,
    console,
    database_url,
    engine_for,
    handled,
    main,
    one_line,
    reachable,
    run,
    settings_of,
)
from app.cli.seed import StageProgress, stage_bar

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    import models
    from app.open_data import Outcome
    from app.settings import Settings

open_data = typer.Typer(
    name="open-data", help="The open-data export (Decidim's open data files).", no_args_is_help=True
)
main.add_typer(open_data)


async def _organizations(engine: AsyncEngine, host: str | None) -> list[models.Organization]:
    from sqlalchemy import any_, literal, or_, select
    from sqlalchemy.ext.asyncio import AsyncSession

    import models
    from resolvers.organization.queries import normalise_host

    o = models.Organization
    stmt = select(o).order_by(o.id)  # type: ignore[arg-type]
    if host is not None:
        name = normalise_host(host)
        stmt = stmt.where(or_(o.host == name, literal(name) == any_(o.secondary_hosts)))  # type: ignore[arg-type, attr-defined]
    async with AsyncSession(engine, expire_on_commit=False) as session:
        found = list((await session.scalars(stmt)).all())
    if not found:
        msg = (
            f"no organization is served at host {host!r}"
            if host
            else "no organization exists yet (run `participa seed`)"
        )
        raise CliError(msg)
    return found


async def _export_all(
    url: str, settings: Settings, host: str | None, *, if_stale: bool
) -> list[tuple[str, Outcome, float]]:
    from app.open_data import export

    engine = engine_for(url, settings)
    done: list[tuple[str, Outcome, float]] = []
    try:
        await reachable(engine, url)
        for organization in await _organizations(engine, host):
            console.print(f"[bold]{escape(organization.host)}[/bold] (organization {organization.id})")
            started = time.perf_counter()
            with stage_bar() as progress:
                stages = StageProgress(progress)
                try:
                    outcome = await export(engine, organization, settings.open_data, stages, only_if_stale=if_stale)
                except (CliError, typer.Exit):
                    raise
                except Exception as exc:
                    msg = f"open-data export of {organization.host} failed: {one_line(exc)}"
                    raise CliError(msg) from exc
                finally:
                    stages.close()
            done.append((organization.host, outcome, time.perf_counter() - started))
    finally:
        await engine.dispose()
    return done


def _report(host: str, outcome: Outcome, seconds: float, directory: Path) -> None:
    manifest = outcome.manifest
    if not outcome.generated:
        console.print(
            f"Files of {escape(host)} are fresh (generated {manifest.generated_at:%Y-%m-%d %H:%M:%S} UTC): "
            "nothing written."
        )
        return
    table = Table(title=escape(host), title_justify="left")
    for column in ("entity", "rows", "CSV", "JSON Lines"):
        table.add_column(column, justify="left" if column == "entity" else "right")
    rows = 0
    for entity, entry in manifest.csv.items():
        rows += entry.rows or 0
        table.add_row(entity, f"{entry.rows or 0:,}", _size(entry.bytes), _size(manifest.jsonl[entity].bytes))
    console.print(table)
    console.print(
        f"[green]Exported[/green] {rows:,} rows in {seconds:.2f} s ({rows / max(seconds, 1e-9):,.0f} rows/s); "
        f"{manifest.zip.name} {_size(manifest.zip.bytes)}."
    )
    console.print(f"Files in {escape(str(directory / manifest.generation))}", soft_wrap=True)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.1f} KB"


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1_048_576 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _copy_zip(done: list[tuple[str, Outcome, float]], output: Path, root: Path) -> None:
    if len(done) > 1 and not output.is_dir():
        msg = f"--output {output}: several organizations were exported; give a directory or --organization"
        raise CliError(msg)
    for _, outcome, _seconds in done:
        manifest = outcome.manifest
        source = manifest.path(root / str(manifest.organization_id), manifest.zip)
        target = output / manifest.zip.name if output.is_dir() else output
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(source, partial)
        partial.replace(target)
        console.print(f"Wrote {escape(str(target))}.")


@open_data.command("export")
@handled
def export_command(
    ctx: typer.Context,
    *,
    organization: Annotated[
        str | None, typer.Option("--organization", help="Host of the organization; every organization by default.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Also copy the ZIP to this file (or into this directory)."),
    ] = None,
    if_stale: Annotated[
        bool,
        typer.Option("--if-stale", help="Only when the files are missing or older than open_data.max_age_seconds."),
    ] = False,
) -> None:
    """Write the open-data ZIP, CSV and JSON Lines files (what /open-data serves)."""
    settings = settings_of(ctx)
    url = database_url(settings)
    root = Path(settings.open_data.directory)
    done = run(_export_all(url, settings, organization, if_stale=if_stale))
    for host, outcome, seconds in done:
        _report(host, outcome, seconds, root / str(outcome.manifest.organization_id))
    if output is not None:
        _copy_zip(done, output, root)
    console.print(f"[dim]Peak memory of the process: {_peak_memory_mb():.0f} MB.[/dim]")
