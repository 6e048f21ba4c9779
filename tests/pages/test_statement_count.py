"""A list of pages in every component of a space costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import Make, tr
from tests.pages.conftest import pages_component

EXPECTED_STATEMENTS = 4

PAGE_OF_COMPONENTS = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components { ... on Pages { pages(first: 50) { totalCount nodes { id title { text } body { text } } } } }
  }
}
"""


async def _count(make: Make, execute: Any, count_queries: Any, *, per_component: int) -> int:
    process = await make.process()
    for _ in range(3):
        component = await pages_component(make, space=process)
        async with make.sessionmaker() as session:
            session.add_all(
                models.Page(organization_id=process.organization_id, component_id=component.id, title=tr(f"P{n}"))
                for n in range(per_component)
            )
            await session.commit()
    with count_queries() as log:
        body = await execute(PAGE_OF_COMPONENTS, {"id": str(process.id)}, organization=await make.org(None))
    assert [len(c["pages"]["nodes"]) for c in body["data"]["participatoryProcess"]["components"]] == [per_component] * 3
    return log.count


async def test_a_list_of_pages_costs_a_fixed_number_of_statements(make: Make, execute: Any, count_queries: Any) -> None:
    assert await _count(make, execute, count_queries, per_component=3) == EXPECTED_STATEMENTS


async def test_ten_times_more_pages_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    assert await _count(make, execute, count_queries, per_component=30) == EXPECTED_STATEMENTS
