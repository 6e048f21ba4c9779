"""``participa token create|list|revoke``: named API tokens for admin scripts.

The token is printed once, on creation; the database keeps only its SHA-256, so a lost token is
revoked and replaced, never shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.markup import escape

from app.cli.base import CliError, console, database_url, engine_for, handled, main, reachable, run, settings_of
from resolvers.admin.api_tokens import create_api_token, list_api_tokens, revoke_api_token
from resolvers.errors import DomainError

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from sqlalchemy.ext.asyncio import AsyncSession

R = TypeVar("R")

tokens = typer.Typer(name="token", help="API tokens for scripts: create, list, revoke.", no_args_is_help=True)
main.add_typer(tokens, name="token")


def _in_session(ctx: typer.Context, work: Callable[[AsyncSession], Awaitable[R]]) -> R:
    from sqlalchemy.ext.asyncio import async_sessionmaker

    settings = settings_of(ctx)
    url = database_url(settings)

    async def go() -> R:
        engine = engine_for(url, settings)
        try:
            await reachable(engine, url)
            async with async_sessionmaker(engine, expire_on_commit=False)() as session:
                try:
                    out = await work(session)
                except DomainError as exc:
                    # Domain refusals (unknown user, bad scope...) are the user's to fix: one line.
                    raise CliError(exc.message) from None
                await session.commit()
                return out
        finally:
            await engine.dispose()

    return run(go())


@tokens.command("create")
@handled
def create(  # noqa: PLR0917 - Typer maps each parameter to an option
    ctx: typer.Context,
    user: Annotated[str, typer.Option("--user", help="Email of the participant the token acts as.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for, shown by `token list`.")],
    scopes: Annotated[str, typer.Option("--scopes", help="Comma-separated: api:read, api:write.")] = "api:read",
    expires_in: Annotated[str, typer.Option("--expires-in", help="Lifetime: 12h, 90d, 2w.")] = "90d",
    host: Annotated[str, typer.Option("--host", help="Host of the organization.")] = "localhost",
) -> None:
    """Create an API token and print it (once: only its hash is kept)."""
    token, row = _in_session(
        ctx,
        lambda session: create_api_token(
            session, email=user, name=name, scopes=scopes, expires_in=expires_in, host=host
        ),
    )
    console.print(f"Created API token {row.id} ({escape(', '.join(row.scopes))}), expires {row.expires_at:%Y-%m-%d}.")
    console.print("Copy it now, it will not be shown again:", style="bold")
    # A plain print: rich would wrap a long token across lines.
    typer.echo(token)


@tokens.command("list")
@handled
def list_(ctx: typer.Context) -> None:
    """List API tokens (never the tokens themselves)."""
    lines = _in_session(ctx, list_api_tokens)
    # Tab-separated plain lines rather than a table: they survive narrow terminals, grep and cut.
    typer.echo("\t".join(("id", "name", "user", "scopes", "expires", "last used", "status")))
    for line in lines:
        cells = (
            str(line.id),
            line.name,
            line.user_email,
            ",".join(line.scopes),
            f"{line.expires_at:%Y-%m-%d}",
            f"{line.last_used_at:%Y-%m-%d %H:%M}" if line.last_used_at else "never",
            "revoked" if line.revoked else "active",
        )
        typer.echo("\t".join(cells))


@tokens.command("revoke")
@handled
def revoke(ctx: typer.Context, token_id: Annotated[int, typer.Argument(help="The id `token list` shows.")]) -> None:
    """Revoke an API token: requests made with it are refused from now on."""
    _in_session(ctx, lambda session: revoke_api_token(session, token_id=token_id))
    console.print(f"Revoked API token {token_id}.")
