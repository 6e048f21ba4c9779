"""The test database: a throwaway database on TEST_DATABASE_URL's server, or an embedded server."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.db import start_embedded, to_async_url, with_database

ROOT = Path(__file__).resolve().parent.parent


def server_url() -> str:
    """A URL of the PostgreSQL server to create the test database on (asyncpg dialect)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = start_embedded(ROOT / "var" / "test-pgdata")
    return to_async_url(url)


async def _admin(url: str, statement: str) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(with_database(url, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def create_test_database(base_url: str) -> str:
    import asyncio

    name = f"participa_test_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(base_url, f'CREATE DATABASE "{name}"'))
    # A throwaway database need not survive a crash: skip the fsync wait on every commit.
    asyncio.run(_admin(base_url, f'ALTER DATABASE "{name}" SET synchronous_commit TO off'))
    return with_database(base_url, name)


def drop_test_database(base_url: str, url: str) -> None:
    import asyncio

    from app.db import database_name

    asyncio.run(_admin(base_url, f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)'))


def alembic_config(url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.attributes["url"] = url
    return cfg


def migrate(url: str, revision: str = "heads") -> None:
    command.upgrade(alembic_config(url), revision)
