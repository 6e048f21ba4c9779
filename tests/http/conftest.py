"""A live server: the real app under uvicorn on a free loopback port, for clients outside pytest's process."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn

from app.asgi import create_app
from app.settings import Settings


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    app: Any

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/graphql"


@pytest.fixture
def live_server(app: Any, database_url: str, settings: Settings) -> Iterator[LiveServer]:
    """One server per test, so its organization cache never outlives the rows a test seeded.

    It depends on ``app`` so the shared clean-up empties the tables after the test; the server has
    its own application, engine and event loop in a thread.
    """
    application = create_app(settings, database_url=database_url)
    config = uvicorn.Config(
        application,
        host="127.0.0.1",
        port=0,
        loop="asyncio",
        http="h11",
        # The WebSocket implementations warn on import with some websockets releases, and pytest
        # turns warnings into errors; no test here speaks WebSocket.
        ws="none",
        lifespan="on",
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the live uvicorn server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield LiveServer(base_url=f"http://127.0.0.1:{port}", app=application)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
