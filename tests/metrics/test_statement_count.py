"""Metrics, breakdowns and stats cost a fixed number of statements, whatever the data and the days stored.

Each set of live figures runs one statement per metric (the union of every metric planned badly: a
breakdown by space took 37 s at ten times the demo data, 2 s split), so the count follows the
metrics a query asks for, never the rows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from resolvers.metrics.compute import compute
from tests.builders import Make
from tests.metrics.conftest import World

QUERY = """
query($type: String, $id: Int) {
  all: metrics { name count history { key value quantity } }
  space: metrics(names: ["proposals", "supports", "participants"], space_type: $type, space_id: $id) {
    name count history { key value }
  }
  bySpace: participationBreakdown(by: SPACE) { key label { text } space { id } figures { name count } }
  byScope: participationBreakdown(by: SCOPE) { key label { text } scope { id } figures { name count } }
  byCategory: participationBreakdown(by: CATEGORY) { key label { text } category { id } figures { name count } }
  byWeek: participationBreakdown(by: WEEK) { key weekStart figures { name count } }
  organization { stats { name value } }
  participatoryProcesses { stats { name value } }
}
"""
# With the 12 metrics, most of these are one statement per metric per set of live figures (every metric
# live, the space's three, four breakdowns of every metric, the organization's and the processes' stats);
# the rest are history, the space's visibility, and the processes, scopes and categories rows name.
EXPECTED_STATEMENTS = 91


async def grow(make: Make, world: World, *, times: int) -> None:
    """More of everything: processes with proposals, supports, comments, in new scopes and categories."""
    for n in range(times):
        process = await make.process()
        category = await make.category(space=process)
        scope = await make.scope()
        component = await make.component(space=process)
        author = await make.user()
        proposal = await make.proposal(
            component=component,
            author=author,
            scope_id=scope.id,
            category_id=category.id,
            published_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=9 * n),
        )
        await make.vote(proposal=proposal, author=world.users[0])


async def statements(world: World, execute: Any, count_queries: Any) -> int:
    variables = {"type": "Decidim::ParticipatoryProcess", "id": world.a.id}
    with count_queries() as log:
        body = await execute(QUERY, variables, organization=world.org)
    assert "errors" not in body, body
    return log.count


async def test_statement_count_does_not_grow_with_data_or_days(
    world: World, make: Make, execute: Any, count_queries: Any
) -> None:
    async with make.sessionmaker() as session:
        await compute(session, organization=world.org, start=date(2026, 1, 14), end=date(2026, 1, 16))
        await session.commit()
    small = await statements(world, execute, count_queries)

    await grow(make, world, times=5)
    async with make.sessionmaker() as session:
        await compute(session, organization=world.org, start=date(2025, 12, 1), end=date(2026, 2, 28))
        await session.commit()
    large = await statements(world, execute, count_queries)

    assert small == large == EXPECTED_STATEMENTS
