"""The ASGI application: ``create_app()`` wires settings, the database and the GraphQL endpoint."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from app.auth import OrganizationCache
from app.db import create_engine, create_sessionmaker, resolve_url
from app.graphql_view import ParticipaGraphQL
from app.open_data import OpenDataRoutes
from app.settings import Settings, get_settings
from app.storage import LocalStorage
from schema.root import build_schema

if TYPE_CHECKING:
    from starlette.requests import Request

log = logging.getLogger("participa")

STATIC_DIR = __import__("pathlib").Path(__file__).parent / "static"


def create_app(settings: Settings | None = None, *, database_url: str | None = None) -> Starlette:
    """Build the application. The lifespan owns the engine and the sessionmaker."""
    settings = settings or get_settings()
    schema = build_schema(extensions=_limit_extensions(settings))
    sdl = schema.as_str() + "\n"
    organizations = OrganizationCache()
    storage = LocalStorage(root=settings.storage.upload_dir, base_url=settings.storage.base_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        url = database_url or resolve_url(settings.database)
        engine = create_engine(url, settings.database)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        storage.ensure_root()
        try:
            yield
        finally:
            await engine.dispose()

    graphql = ParticipaGraphQL(schema, settings=settings, organizations=organizations, storage=storage)
    open_data = OpenDataRoutes(settings.open_data, organizations)

    async def healthz(request: Request) -> Response:
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            log.exception("health check failed")
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    async def schema_sdl(_: Request) -> Response:
        return PlainTextResponse(
            sdl,
            media_type="application/graphql; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="schema.graphql"'},
        )

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]),
            Route("/schema.graphql", schema_sdl, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
            *open_data.routes(),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
            # Created by the lifespan, hence not checked here.
            Mount(storage.base_url, StaticFiles(directory=storage.root, check_dir=False), name="uploads"),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.organizations = organizations
    app.state.schema = schema
    app.state.storage = storage
    app.state.open_data = open_data.files
    return app


def _limit_extensions(settings: Settings) -> list[Any]:
    from schema.limits import limit_extensions

    limits = settings.limits
    return limit_extensions(
        max_depth=limits.max_depth,
        max_aliases=limits.max_aliases,
        max_tokens=limits.max_tokens,
        max_cost=limits.max_cost,
        max_page_size=limits.max_page_size,
        cache_size=limits.parser_cache_size,
        max_directives=limits.max_directives,
        max_recursion=limits.max_recursion,
        max_duplicate_fields=limits.max_duplicate_fields,
    )
