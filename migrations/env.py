"""Alembic environment: async engine on the URL Participa's settings resolve to."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from alembic import context

import models
from app.db import resolve_url
from app.settings import get_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

config = context.config
target_metadata = models.metadata


def _url() -> str:
    explicit = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
    return str(explicit) if explicit else resolve_url(get_settings().database)


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        # A failed migration (or an unknown revision) must not leave a pooled connection behind.
        await engine.dispose()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    asyncio.run(_run_async())


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
