"""``participa metrics compute``: the daily metric rows, per organization, with a progress line per metric."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from app.cli.base import CliError, console, database_url, engine_for, handled, main, reachable, run, settings_of
from app.cli.migrate import require_head

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from app.cli.seed import StageProgress
    from app.settings import Settings

metrics_app = typer.Typer(help="Daily metrics (Decidim's metrics): compute and store them.", no_args_is_help=True)
main.add_typer(metrics_app, name="metrics")


async def compute_organizations(
    engine: AsyncEngine,
    *,
    host: str | None,
    start: date | None,
    end: date | None,
    progress: StageProgress | None = None,
    stamp: datetime | None = None,
) -> list[tuple[str, date | None, date | None, int]]:
    """Compute every organization (or the one at ``host``), each in one transaction.

    Returns ``(host, first day, last day, rows written)`` per organization.
    """
    from sqlalchemy import any_, literal, or_, select, text
    from sqlalchemy.ext.asyncio import async_sessionmaker

    import models
    from resolvers.errors import DomainError
    from resolvers.metrics.compute import compute
    from resolvers.metrics.definitions import METRICS

    sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    o = models.Organization
    stmt = select(o).order_by(o.id)  # type: ignore[arg-type]
    if host is not None:
        name = host.strip().lower()
        stmt = stmt.where(or_(o.host == name, literal(name) == any_(o.secondary_hosts)))  # type: ignore[arg-type, attr-defined]
    async with sessionmaker() as session:
        organizations = list((await session.scalars(stmt)).all())
    async with engine.connect() as conn:
        # Fresh data (a seed, an import) has no planner statistics yet; with them the metrics' joins
        # take milliseconds, without them a nested loop can take minutes.
        await conn.execute(text("ANALYZE"))
        await conn.commit()
    if host is not None and not organizations:
        msg = f"no organization is served at {host!r}"
        raise CliError(msg)
    done: list[tuple[str, date | None, date | None, int]] = []
    for organization in organizations:
        if progress is not None:
            progress.stage(f"{organization.host}: metrics", total=len(METRICS))

        def advance(name: str, rows: int) -> None:
            if progress is not None:
                progress.advance(1, f"{name} ({rows:,} rows)")

        async with sessionmaker() as session:
            try:
                report = await compute(
                    session, organization=organization, start=start, end=end, on_metric=advance, stamp=stamp
                )
            except DomainError as exc:
                raise CliError(str(exc)) from None
            await session.commit()
        done.append((organization.host, report.start, report.end, report.total))
    if progress is not None:
        progress.close()
    return done


async def _run(
    url: str, settings: Settings, host: str | None, start: date | None, end: date | None
) -> list[tuple[str, date | None, date | None, int]]:
    from app.cli.seed import StageProgress, stage_bar

    engine = engine_for(url, settings)
    try:
        await reachable(engine, url)
        with stage_bar() as bar:
            return await compute_organizations(engine, host=host, start=start, end=end, progress=StageProgress(bar))
    finally:
        await engine.dispose()


@metrics_app.command("compute")
@handled
def metrics_compute(
    ctx: typer.Context,
    *,
    from_: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="First day (default: the day after the last computed one)."),
    ] = None,
    to: Annotated[
        datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (default: yesterday).")
    ] = None,
    organization: Annotated[
        str | None, typer.Option("--organization", help="Host of one organization (default: every organization).")
    ] = None,
) -> None:
    """Compute the daily metrics; idempotent, and safe to re-run for past days."""
    start, end = (from_.date() if from_ else None), (to.date() if to else None)
    if start is not None and end is not None and start > end:
        msg = "--from is after --to"
        raise CliError(msg)
    settings = settings_of(ctx)
    url = database_url(settings)
    require_head(url, settings)
    for host, first, last, rows in run(_run(url, settings, organization, start, end)):
        if first is None or last is None or first > last:
            console.print(f"[green]Up to date[/green]: {escape(host)} has nothing to compute.")
        else:
            console.print(f"[green]Computed[/green] {escape(host)}: {first} to {last}, {rows:,} rows.")
