"""Benchmark representative GraphQL queries in-process against the real ASGI app and seeded data.

Requests go through the whole stack (Starlette routing, tenant lookup, Strawberry, loaders,
asyncpg) without a socket, so figures measure the application rather than the network.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import orjson
from sqlalchemy import event, select, text

import models
from app.seed.bench_queries import (
    ANNUAL_REVIEW_QUERY,
    COMMUNES_QUERY,
    NODES_QUERY,
    PROCESS_PAGE_QUERY,
    PROCESSES_QUERY,
    PROPOSALS_PAGE_QUERY,
    SEARCH_QUERY,
    USERS_QUERY,
)

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.types import Message

    from app.settings import Settings


class BenchProgress(Protocol):
    def start(self, name: str, total: int) -> None: ...

    def advance(self) -> None: ...


class BenchError(RuntimeError):
    """A benchmarked query failed; the message names it and quotes the first GraphQL error."""


@dataclass(frozen=True, slots=True)
class BenchQuery:
    name: str
    query: str
    variables: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class BenchResult:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    statements: int
    response_bytes: int

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def bench_queries(app: Starlette) -> list[BenchQuery]:
    """The queries to run, with ids picked from the seeded data.

    processes: every visible process with steps, categories and subcategories, components,
    attachments and collections; process page: one process by slug with its group, type, area,
    active step, links and documents; users: participants and groups with memberships;
    nodes: 50 mixed ids; communes: the département scope and its 207 children; proposals page: the
    50 latest proposals of the road consultation with authors, counters, category, scope and first-level
    comments.
    """
    async with app.state.sessionmaker() as session:

        async def ids(model: Any, limit: int, *where: Any) -> list[str]:
            rows = await session.scalars(select(model.id).where(*where).order_by(model.id).limit(limit))
            return [str(i) for i in rows]

        departement = await ids(models.Scope, 1, models.Scope.parent_id.is_(None))  # type: ignore[union-attr]
        node_ids = (
            await ids(models.ParticipatoryProcess, 10)
            + await ids(models.ParticipatoryProcessStep, 10)
            + await ids(models.Scope, 10)
            + await ids(models.Attachment, 10)
            + await ids(models.User, 10)
        )
        road = await ids(models.ParticipatoryProcess, 1, models.ParticipatoryProcess.slug == "route-de-demain")
        box = await ids(
            models.Component,
            1,
            models.Component.manifest_name == "proposals",
            models.Component.space_id == int(road[0] if road else 0),
        )
    return [
        BenchQuery("processes, nested", PROCESSES_QUERY),
        BenchQuery("process page", PROCESS_PAGE_QUERY, {"slug": "route-de-demain"}),
        BenchQuery("users", USERS_QUERY),
        BenchQuery(f"nodes ({len(node_ids)} ids)", NODES_QUERY, {"ids": node_ids}),
        BenchQuery("communes", COMMUNES_QUERY, {"id": departement[0] if departement else "0"}),
        BenchQuery("proposals page (50)", PROPOSALS_PAGE_QUERY, {"id": box[0] if box else "0"}),
        BenchQuery("annual review (metrics, breakdowns)", ANNUAL_REVIEW_QUERY),
        BenchQuery("search (20 results)", SEARCH_QUERY, {"term": "école"}),
    ]


async def post_graphql(app: Starlette, body: bytes, *, host: str) -> tuple[int, bytes]:
    """One POST /graphql through the ASGI interface, without a socket or an HTTP client."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", host.encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": (host, 80),
    }
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects mid-request
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def run_query(
    app: Starlette,
    query: BenchQuery,
    *,
    host: str,
    iterations: int,
    warmup: int = 3,
    concurrency: int = 1,
    on_request: Callable[[], None] | None = None,
) -> BenchResult:
    body = orjson.dumps({"query": query.query, "variables": query.variables or {}})

    async def one() -> bytes:
        status, payload = await post_graphql(app, body, host=host)
        data = orjson.loads(payload)
        if status != 200 or data.get("errors"):
            first = (data.get("errors") or [{"message": f"HTTP {status}"}])[0]
            msg = f"{query.name}: {first.get('message')}"
            raise BenchError(msg)
        return payload

    for _ in range(warmup):
        await one()

    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        payload = await one()
    finally:
        event.remove(engine, "before_cursor_execute", count)

    latencies: list[float] = []

    async def timed(call: Callable[[], Awaitable[bytes]]) -> None:
        started = time.perf_counter()
        await call()
        latencies.append(time.perf_counter() - started)
        if on_request is not None:
            on_request()

    async def worker(share: int) -> None:
        for _ in range(share):
            await timed(one)

    shares = [iterations // concurrency + (1 if i < iterations % concurrency else 0) for i in range(concurrency)]
    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in shares if n))
    elapsed = time.perf_counter() - started
    return BenchResult(
        name=query.name,
        requests=len(latencies),
        seconds=elapsed,
        p50_ms=_percentile(latencies, 50) * 1000,
        p95_ms=_percentile(latencies, 95) * 1000,
        statements=statements,
        response_bytes=len(payload),
    )


def _percentile(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


async def ensure_database(url: str, name: str) -> bool:
    """Create database ``name`` on the server of ``url`` unless it exists; True when created."""
    from sqlalchemy.ext.asyncio import create_async_engine

    from app.db import with_database

    admin = create_async_engine(
        with_database(url, "postgres"), isolation_level="AUTOCOMMIT", connect_args={"timeout": 10}
    )
    try:
        async with admin.connect() as conn:
            if await conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                return False
            # Identifiers cannot be bound; the caller restricts ``name`` to [A-Za-z0-9_].
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
            return True
    finally:
        await admin.dispose()


async def run_benchmark(
    url: str,
    settings: Settings,
    *,
    iterations: int,
    concurrency: int,
    host: str,
    progress: BenchProgress | None = None,
) -> list[BenchResult]:
    """Start the real app on ``url`` (lifespan included) and time every benchmark query."""
    from app.asgi import create_app

    app = create_app(settings, database_url=url)
    results: list[BenchResult] = []
    async with app.router.lifespan_context(app):
        for query in await bench_queries(app):
            if progress is not None:
                progress.start(query.name, iterations)
            results.append(
                await run_query(
                    app,
                    query,
                    host=host,
                    iterations=iterations,
                    concurrency=concurrency,
                    on_request=progress.advance if progress is not None else None,
                )
            )
    return results
