"""Database bootstrap: resolve the URL (starting an embedded server if needed) and build the engine."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from app.settings import DatabaseSettings

log = logging.getLogger(__name__)

_embedded: dict[Path, Any] = {}


def start_embedded(pgdata: Path) -> str:
    """Start (or reuse) a pgserver instance in ``pgdata`` and return its libpq URI."""
    import pgserver

    pgdata = pgdata.resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    server = _embedded.get(pgdata)
    if server is None:
        log.info("starting embedded PostgreSQL in %s", pgdata)
        server = pgserver.get_server(pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
        _embedded[pgdata] = server
    return str(server.get_uri())


def to_async_url(url: str) -> str:
    """Normalise any PostgreSQL URL (libpq style or SQLAlchemy style) to the asyncpg dialect."""
    scheme, _, rest = url.partition("://")
    if scheme not in {"postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg"}:
        msg = f"unsupported database URL scheme {scheme!r}: Participa runs on PostgreSQL only"
        raise ValueError(msg)
    # libpq accepts "user:@host", asyncpg wants no empty password.
    rest = rest.replace(":@", "@", 1)
    return f"postgresql+asyncpg://{rest}"


def resolve_url(settings: DatabaseSettings) -> str:
    """The asyncpg URL to use: the configured one, else an embedded server's."""
    url = settings.url or start_embedded(settings.embedded_dir)
    return to_async_url(url)


def with_database(url: str, database: str) -> str:
    """The same server URL pointing at another database name."""
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme}://{parts.netloc}/{database}{query}"


def database_name(url: str) -> str:
    parts = urlsplit(url)
    return parts.path.lstrip("/") or parse_qs(parts.query).get("dbname", ["postgres"])[0]


def create_engine(url: str, settings: DatabaseSettings, **kwargs: Any) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=settings.pool_size,
        max_overflow=settings.max_overflow,
        pool_pre_ping=True,
        echo=settings.echo,
        **kwargs,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
