"""``resolvers.metrics.compute``: daily rows, idempotent, re-runnable for past days; history through GraphQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

import models
from resolvers.metrics.compute import compute, default_range
from tests.builders import Make

D10, D11, D12, D13 = (date(2026, 1, d) for d in (10, 11, 12, 13))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def scene(make: Make) -> tuple[models.Organization, models.ParticipatoryProcess, list[models.Proposal]]:
    org = await make.org(None)  # Europe/Paris
    process = await make.process()
    component = await make.component(space=process)
    author = await make.user()
    proposals = [
        await make.proposal(component=component, author=author, published_at=at(D10, 9)),
        await make.proposal(component=component, author=author, published_at=at(D10, 12)),
        # 23:30 UTC is already the 11th in Paris
        await make.proposal(component=component, author=author, published_at=at(D10, 23, 30)),
        await make.proposal(component=component, author=author, published_at=at(D12, 8)),
    ]
    return org, process, proposals


async def rows(make: Make, org: models.Organization, name: str) -> list[tuple[str, int, date, int, int]]:
    m = models.MetricDay
    async with make.sessionmaker() as session:
        found = await session.execute(
            select(m.space_kind, m.space_id, m.day, m.quantity, m.cumulative)  # type: ignore[call-overload]
            .where(m.organization_id == org.id, m.name == name)
            .order_by(m.space_kind, m.space_id, m.day)
        )
        return [tuple(r) for r in found.all()]


async def run(make: Make, org: models.Organization, start: date | None, end: date | None, **kw: Any) -> Any:
    async with make.sessionmaker() as session:
        report = await compute(session, organization=org, start=start, end=end, **kw)
        await session.commit()
    return report


async def test_compute_writes_daily_quantities_and_running_totals_in_local_days(make: Make) -> None:
    org, process, _ = await scene(make)

    await run(make, org, D10, D13, names=["proposals"])

    expected = [(2, 2), (1, 3), (1, 4), (0, 4)]
    days = [D10, D11, D12, D13]
    assert await rows(make, org, "proposals") == [
        *[("", 0, d, q, c) for d, (q, c) in zip(days, expected, strict=True)],
        *[("participatory_process", process.id, d, q, c) for d, (q, c) in zip(days, expected, strict=True)],
    ]


async def test_compute_twice_gives_the_same_rows(make: Make) -> None:
    org, _, _ = await scene(make)

    await run(make, org, D10, D13)
    once = {name: await rows(make, org, name) for name in ("proposals", "participants", "users")}
    await run(make, org, D10, D13)
    twice = {name: await rows(make, org, name) for name in ("proposals", "participants", "users")}

    assert once == twice
    assert once["participants"][0] == ("", 0, D10, 1, 1)  # one author, counted on their first day only


async def test_rerunning_a_past_day_takes_moderation_into_account(make: Make) -> None:
    org, _, proposals = await scene(make)
    await run(make, org, D10, D13, names=["proposals"])
    async with make.sessionmaker() as session:
        await session.execute(
            update(models.Proposal).where(models.Proposal.id == proposals[0].id).values(hidden_at=at(D13, 9))  # type: ignore[arg-type]
        )
        await session.commit()

    await run(make, org, D12, D13, names=["proposals"])
    partly = [r[2:] for r in await rows(make, org, "proposals") if r[0] == ""]
    await run(make, org, D10, D13, names=["proposals"])
    fully = [r[2:] for r in await rows(make, org, "proposals") if r[0] == ""]

    # days not recomputed keep their figures; recomputed ones count what is public now
    assert partly == [(D10, 2, 2), (D11, 1, 3), (D12, 1, 3), (D13, 0, 3)]
    assert fully == [(D10, 1, 1), (D11, 1, 2), (D12, 1, 3), (D13, 0, 3)]


async def test_default_range_runs_from_first_activity_then_from_the_day_after_the_last(make: Make) -> None:
    org, _, _ = await scene(make)
    yesterday = datetime.now(ZoneInfo(org.time_zone)).date() - timedelta(days=1)
    async with make.sessionmaker() as session:
        assert await default_range(session, organization=org) == (D10, yesterday)

    report = await run(make, org, None, None, names=["proposals"])

    assert (report.start, report.end) == (D10, yesterday)
    async with make.sessionmaker() as session:
        assert await default_range(session, organization=org) == (yesterday + timedelta(days=1), yesterday)
    again = await run(make, org, None, None)
    assert again.rows == {}


async def test_history_lists_computed_days_then_todays_live_point(make: Make, gql: Any, count_queries: Any) -> None:
    org, process, _ = await scene(make)
    await run(make, org, D10, D12)
    today = datetime.now(ZoneInfo(org.time_zone)).date().isoformat()
    query = """
    query($type: String, $id: Int) {
      metrics(names: ["proposals", "participants"], space_type: $type, space_id: $id) {
        name count history { key value quantity }
      }
    }
    """

    body = await gql(query)
    space = await gql(query, {"type": "Decidim::ParticipatoryProcess", "id": process.id})

    proposals = {
        "name": "proposals",
        "count": 4,
        "history": [
            {"key": "2026-01-10", "value": 2, "quantity": 2},
            {"key": "2026-01-11", "value": 3, "quantity": 1},
            {"key": "2026-01-12", "value": 4, "quantity": 1},
            {"key": today, "value": 4, "quantity": 0},
        ],
    }
    participants = {
        "name": "participants",
        "count": 1,
        "history": [
            {"key": "2026-01-10", "value": 1, "quantity": 1},
            {"key": "2026-01-11", "value": 1, "quantity": 0},
            {"key": "2026-01-12", "value": 1, "quantity": 0},
            {"key": today, "value": 1, "quantity": 0},
        ],
    }
    assert body == {"data": {"metrics": [proposals, participants]}}
    assert space == body
