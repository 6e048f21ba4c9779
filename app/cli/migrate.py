"""``participa migrate upgrade|downgrade|current``: Alembic, with one readable line per outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from app.cli.base import (
    CliError,
    console,
    database_url,
    engine_for,
    handled,
    main,
    reachable,
    run,
    safe_url,
    settings_of,
)
from app.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from alembic.config import Config

migrate_app = typer.Typer(help="Apply or inspect database migrations (Alembic).", no_args_is_help=True)
main.add_typer(migrate_app, name="migrate")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["url"] = url
    return config


def describe(config: Config, revisions: tuple[str, ...]) -> str:
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


async def current_revisions(url: str, settings: Settings) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    engine = engine_for(url, settings)
    try:
        await reachable(engine, url)
        async with engine.connect() as conn:
            heads = await conn.run_sync(lambda sync: MigrationContext.configure(sync).get_current_heads())
    finally:
        await engine.dispose()
    return tuple(heads)


def head_revisions(config: Config) -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(config).get_heads())


def require_head(url: str, settings: Settings) -> None:
    """Writing demo rows into an older schema fails row by row; say what to do instead."""
    config = alembic_config(url)
    current = run(current_revisions(url, settings))
    heads = head_revisions(config)
    if set(current) != set(heads):
        msg = (
            f"database {safe_url(url)} is at {describe(config, current)}; head is {', '.join(heads)}: "
            "run `participa migrate upgrade`"
        )
        raise CliError(msg)


@migrate_app.command("upgrade")
@handled
def migrate_upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="Target revision (default: every head).")] = "heads",
) -> None:
    """Upgrade the database schema."""
    from alembic import command

    settings = settings_of(ctx)
    url = database_url(settings)
    config = alembic_config(url)
    before = run(current_revisions(url, settings))
    command.upgrade(config, revision)
    after = run(current_revisions(url, settings))
    verb = "Already at" if before == after else "Upgraded to"
    console.print(f"[green]{verb}[/green] {describe(config, after)}  [dim]{escape(safe_url(url))}[/dim]")


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

    settings = settings_of(ctx)
    url = database_url(settings)
    config = alembic_config(url)
    before = run(current_revisions(url, settings))
    if not before:
        raise CliError("the database has no migration applied: nothing to downgrade")
    command.downgrade(config, revision)
    after = run(current_revisions(url, settings))
    console.print(f"[yellow]Downgraded to[/yellow] {describe(config, after)}  [dim]{escape(safe_url(url))}[/dim]")


@migrate_app.command("current")
@handled
def migrate_current(ctx: typer.Context) -> None:
    """Show the database's current revision and whether it is at head."""
    settings = settings_of(ctx)
    url = database_url(settings)
    config = alembic_config(url)
    current = run(current_revisions(url, settings))
    heads = head_revisions(config)
    console.print(f"Current revision: {describe(config, current)}  [dim]{escape(safe_url(url))}[/dim]")
    if set(current) != set(heads):
        console.print(f"[yellow]Head is {', '.join(heads)}: run `participa migrate upgrade`.[/yellow]")
