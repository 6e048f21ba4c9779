"""Migrations go up, down and up again, and match the models exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import create_async_engine

import models
from tests.database import alembic_config, create_test_database, drop_test_database, server_url


@pytest.fixture
def scratch_database() -> Iterator[str]:
    base = server_url()
    url = create_test_database(base)
    yield url
    drop_test_database(base, url)


def _diff(url: str) -> list[object]:
    import asyncio

    def compare(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, models.metadata))

    async def run() -> list[object]:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(compare)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_upgrade_downgrade_upgrade_round_trip_leaves_no_diff(scratch_database: str) -> None:
    config = alembic_config(scratch_database)
    command.upgrade(config, "heads")
    command.downgrade(config, "base")
    command.upgrade(config, "heads")
    assert _diff(scratch_database) == []
