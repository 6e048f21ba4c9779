"""``participa metrics compute`` and the history ``participa seed`` leaves behind."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from tests.builders import Make
from tests.cli.conftest import TODAY, Cli, DatabaseFactory, no_traceback, query

ROWS = (
    "SELECT name, space_kind, space_id, day, quantity, cumulative FROM metrics ORDER BY name, space_kind, space_id, day"
)


def populate(url: str) -> None:
    """An organization at ``metrics.test`` with three proposals over two days."""

    async def run() -> None:
        engine = create_async_engine(url.replace("postgresql://", "postgresql+asyncpg://", 1))
        try:
            make = Make(async_sessionmaker(engine, expire_on_commit=False))
            org = await make.organization(host="metrics.test")
            process = await make.process(organization=org)
            component = await make.component(space=process)
            author = await make.user(organization=org)
            for day in (10, 10, 11):
                published = datetime(2026, 1, day, 12, tzinfo=UTC)
                await make.proposal(component=component, author=author, published_at=published)
        finally:
            await engine.dispose()

    asyncio.run(run())


def test_compute_writes_the_range_and_running_it_again_changes_nothing(
    cli: Cli, make_database: DatabaseFactory
) -> None:
    url = make_database()
    populate(url)
    args = ("metrics", "compute", "--from", "2026-01-10", "--to", "2026-01-12", "--organization", "metrics.test")

    first = cli(*args, database_url=url)
    rows = query(url, ROWS)
    second = cli(*args, database_url=url)

    assert first.exit_code == 0, first.text
    assert "Computed metrics.test: 2026-01-10 to 2026-01-12" in first.text
    assert "12/12" in first.text  # the progress of the twelve metrics
    assert second.exit_code == 0, second.text
    assert query(url, ROWS) == rows
    proposals = [r[3:] for r in rows if r[0] == "proposals" and r[1] == ""]
    assert [(d.isoformat(), q, c) for d, q, c in proposals] == [
        ("2026-01-10", 2, 2),
        ("2026-01-11", 1, 3),
        ("2026-01-12", 0, 3),
    ]


def test_compute_refuses_an_unknown_organization_and_a_backwards_range(
    cli: Cli, make_database: DatabaseFactory
) -> None:
    url = make_database()

    unknown = cli("metrics", "compute", "--organization", "nowhere.test", database_url=url)
    backwards = cli("metrics", "compute", "--from", "2026-01-12", "--to", "2026-01-10", database_url=url)

    assert unknown.exit_code == 1
    assert "no organization is served at 'nowhere.test'" in unknown.text
    assert backwards.exit_code == 1
    assert "--from is after --to" in backwards.text
    assert no_traceback(unknown)
    assert no_traceback(backwards)


def test_seed_leaves_a_year_of_history_with_the_case_studys_figures(seeded_url: str) -> None:
    span = query(seeded_url, "SELECT min(day), max(day) FROM metrics")
    last = dict(
        query(
            seeded_url,
            "SELECT name, cumulative FROM metrics WHERE space_kind = '' AND day = :day",
            day=datetime.fromisoformat(TODAY).date().replace(day=14),
        )
    )

    assert [(a.isoformat(), b.isoformat()) for a, b in span] == [("2025-01-15", "2026-01-14")]
    assert last["votes"] == 643  # the case study's supports, all on public proposals
    assert last["proposals"] == 794  # the case study's; the hidden ones are written on top
    assert last["users"] == 1500  # the case study's; unconfirmed, blocked and deleted accounts are on top
