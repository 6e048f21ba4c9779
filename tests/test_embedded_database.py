"""A newcomer's laptop has no PostgreSQL: the embedded server starts and answers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.db import start_embedded, to_async_url


async def test_embedded_server_starts_in_a_local_folder_and_answers(tmp_path: Path) -> None:
    url = to_async_url(start_embedded(tmp_path / "pgdata"))
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            version = (await conn.execute(text("SHOW server_version"))).scalar_one()
    finally:
        await engine.dispose()
    assert int(str(version).split(".")[0]) >= 14
