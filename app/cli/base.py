"""What every command shares: the Typer app, consoles, settings, engines, and one-line failures.

Expected failures (database unreachable, unknown revision, schema drift...) print one line on
stderr and exit non-zero; only bugs show a traceback.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.markup import escape

from app.settings import Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

P = ParamSpec("P")
R = TypeVar("R")

main = typer.Typer(
    name="participa",
    help="Participa: a Decidim-compatible GraphQL API for citizen participation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

CONNECT_TIMEOUT_SECONDS = 10


class CliError(Exception):
    """An expected failure: its message is printed as is."""


@dataclass(slots=True)
class _State:
    database_url: str | None = None


def expected_errors() -> tuple[type[BaseException], ...]:
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


def one_line(exc: BaseException) -> str:
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
        except expected_errors() as exc:
            errors.print(f"[red]error:[/red] {escape(one_line(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def run(coro: Coroutine[Any, Any, R]) -> R:
    return asyncio.run(coro)


def settings_of(ctx: typer.Context) -> Settings:
    # Read the environment afresh: one process may run several commands (tests, shells).
    get_settings.cache_clear()
    settings = get_settings()
    state = ctx.find_object(_State)
    if state is not None and state.database_url:
        settings = settings.model_copy(
            update={"database": settings.database.model_copy(update={"url": state.database_url})}
        )
    return settings


def database_url(settings: Settings) -> str:
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


def engine_for(url: str, settings: Settings) -> AsyncEngine:
    from app.db import create_engine

    return create_engine(url, settings.database, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})


async def reachable(engine: AsyncEngine, url: str) -> None:
    from sqlalchemy import text

    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except expected_errors() as exc:
        msg = f"database unreachable at {safe_url(url)}: {one_line(exc)}"
        raise CliError(msg) from None


def today_in_paris() -> date:
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
