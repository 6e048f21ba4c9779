"""CLI fixtures: throwaway databases and an in-process runner for ``participa`` commands.

The commands call ``asyncio.run``, so they are invoked from synchronous tests and fixtures only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from alembic import command
from typer.testing import CliRunner

from app.cli import alembic_config, main
from tests.database import create_test_database, drop_test_database, server_url

# A fixed day keeps dates, and so whole seeded rows, comparable between runs.
TODAY = "2026-01-15"


@dataclass(frozen=True, slots=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def text(self) -> str:
        """stdout and stderr with rich's line wrapping undone, for substring checks."""
        return " ".join((self.stdout + " " + self.stderr).split())


Cli = Callable[..., Outcome]
DatabaseFactory = Callable[..., str]


@pytest.fixture(scope="session")
def server() -> str:
    return server_url()


@pytest.fixture(scope="session")
def cli() -> Cli:
    runner = CliRunner()

    def run(*args: str, database_url: str | None = None) -> Outcome:
        prefix = ["--database-url", database_url] if database_url else []
        result = runner.invoke(main, [*prefix, *args], catch_exceptions=True)
        exception = result.exception if not isinstance(result.exception, SystemExit) else None
        return Outcome(result.exit_code, result.stdout, result.stderr, exception)

    return run


@pytest.fixture
def make_database(server: str) -> Iterator[DatabaseFactory]:
    """Create throwaway databases (migrated unless asked otherwise), dropped after the test."""
    created: list[str] = []

    def make(*, migrated: bool = True) -> str:
        url = create_test_database(server)
        created.append(url)
        if migrated:
            command.upgrade(alembic_config(url), "heads")
        return url

    yield make
    for url in created:
        drop_test_database(server, url)


@pytest.fixture(scope="session")
def seeded_url(server: str) -> Iterator[str]:
    """One database seeded with the default demo data, shared by every read-only test of the session.

    Tests may seed it again (that must add nothing) but never change it otherwise.
    """
    url = create_test_database(server)
    try:
        command.upgrade(alembic_config(url), "heads")
        result = CliRunner().invoke(main, ["--database-url", url, "seed", "--today", TODAY])
        assert result.exit_code == 0, result.output
        yield url
    finally:
        drop_test_database(server, url)


def no_traceback(outcome: Outcome) -> bool:
    return outcome.exception is None and not re.search(r"Traceback \(most recent call last\)", outcome.text)


def query(url: str, sql: str, **params: object) -> list[tuple[Any, ...]]:
    """Run one read query against a database from a synchronous test."""
    import asyncio

    return asyncio.run(aquery(url, sql, **params))


async def aquery(url: str, sql: str, **params: object) -> list[tuple[Any, ...]]:
    """Run one read query against a database from an async test."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(row) for row in (await conn.execute(text(sql), params)).all()]
    finally:
        await engine.dispose()


COUNTED = (
    "users",
    "scopes",
    "participatory_processes",
    "participatory_process_steps",
    "categories",
    "components",
    "attachments",
    "attachment_collections",
    "user_group_memberships",
    "space_private_users",
    "space_links",
    "assemblies",
    "proposals",
    "proposal_coauthorships",
    "proposal_votes",
    "endorsements",
    "comments",
    "comment_votes",
    "versions",
    "meetings",
    "meeting_registrations",
    "surveys",
    "questionnaire_submissions",
    "accountability_results",
    "blog_posts",
    "pages",
    "debates",
    "budget_projects",
    "budget_orders",
    "space_roles",
    "moderations",
    "action_logs",
)


def counts(url: str, tables: tuple[str, ...] = COUNTED) -> dict[str, int]:
    sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)  # noqa: S608 - fixed names
    return dict(zip(tables, (int(n) for n in query(url, sql)[0]), strict=True))


# What signing in writes (tests sign in to the shared seeded database); the seed writes none of it.
SESSION_TABLES = frozenset({"access_tokens", "sign_in_attempts", "user_tokens", "outbox_emails"})


def dump(url: str) -> dict[str, list[Any]]:
    """Every row of every table the seed writes, as JSON, in id order: databases are equal when dumps are."""
    import asyncio

    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from models import metadata

    async def run() -> dict[str, list[Any]]:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                return {
                    t.name: list(
                        (await conn.execute(text(f'SELECT to_jsonb(t) FROM "{t.name}" t ORDER BY t.id'))).scalars()  # noqa: S608
                    )
                    for t in metadata.sorted_tables
                    if t.name not in SESSION_TABLES
                }
        finally:
            await engine.dispose()

    return asyncio.run(run())
