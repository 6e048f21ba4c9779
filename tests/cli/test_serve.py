"""``participa serve``: uvicorn with the app factory; the database URL is resolved before workers fork."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

import app.db
from app.db import to_async_url
from app.settings import get_settings
from tests.cli.conftest import Cli


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[tuple[Any, ...], dict[str, Any]]]]:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    # `serve` exports the URL for its workers; restore the environment (and the settings cache) afterwards.
    monkeypatch.delenv("PARTICIPA_DATABASE__URL", raising=False)
    yield calls
    get_settings.cache_clear()


def test_serve_runs_the_app_factory_with_the_resolved_url(
    cli: Cli, uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]]
) -> None:
    import os

    url = "postgresql://postgres@db.example:5432/participa"

    outcome = cli("serve", "--workers", "3", "--port", "8123", database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert uvicorn_calls == [
        (
            ("app.asgi:create_app",),
            {
                "factory": True,
                "host": "127.0.0.1",
                "port": 8123,
                "workers": 3,
                "reload": False,
                "log_level": "info",
            },
        )
    ]
    assert os.environ["PARTICIPA_DATABASE__URL"] == to_async_url(url)


def test_serve_starts_the_embedded_server_once_before_forking(
    cli: Cli, uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    started: list[Path] = []

    def fake_start(pgdata: Path) -> str:
        started.append(pgdata)
        return "postgresql://postgres:@/postgres?host=/tmp/pg"

    monkeypatch.setattr(app.db, "start_embedded", fake_start)
    monkeypatch.delenv("DATABASE_URL", raising=False)

    outcome = cli("serve", "--workers", "2")

    assert outcome.exit_code == 0, outcome.text
    assert len(started) == 1
    assert len(uvicorn_calls) == 1
    assert os.environ["PARTICIPA_DATABASE__URL"] == "postgresql+asyncpg://postgres@/postgres?host=/tmp/pg"
