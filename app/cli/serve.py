"""``participa serve``: the API under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.markup import escape

from app.cli.base import console, database_url, handled, main, safe_url, settings_of
from app.settings import get_settings


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

    settings = settings_of(ctx)
    # Resolve once here: without DATABASE_URL this starts the embedded server in this process,
    # before uvicorn spawns workers, and every worker connects to it through the environment.
    url = database_url(settings)
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
