"""``participationBreakdown``: per space, scope, category and week in one query; sums match the totals."""

from __future__ import annotations

from typing import Any

from tests.metrics.conftest import World

BREAKDOWNS = """
query($names: [String!]) {
  bySpace: participationBreakdown(by: SPACE, names: $names) {
    key label { text } space { id } figures { name count }
  }
  byScope: participationBreakdown(by: SCOPE, names: $names) {
    key label { text } scope { id } figures { name count }
  }
  byCategory: participationBreakdown(by: CATEGORY, names: ["proposals", "votes"]) {
    key label { text } category { id } figures { name count }
  }
  byWeek: participationBreakdown(by: WEEK, names: ["proposals", "users"]) {
    key weekStart label { text } figures { name count }
  }
  metrics(names: $names) { name count }
}
"""
NAMES = ["proposals", "votes", "comments", "participants"]


def figures(proposals: int, votes: int, comments: int, participants: int) -> list[dict[str, Any]]:
    counts = (proposals, votes, comments, participants)
    return [{"name": n, "count": c} for n, c in zip(NAMES, counts, strict=True)]


async def test_one_query_gives_every_breakdown(world: World, gql: Any) -> None:
    body = await gql(BREAKDOWNS, {"names": NAMES})

    a, b = f"participatory_process:{world.a.id}", f"participatory_process:{world.b.id}"
    assert body == {
        "data": {
            "bySpace": [
                {
                    "key": a,
                    "label": {"text": "Consultation A"},
                    "space": {"id": str(world.a.id)},
                    "figures": figures(2, 2, 2, 3),
                },
                {
                    "key": b,
                    "label": {"text": "Consultation B"},
                    "space": {"id": str(world.b.id)},
                    "figures": figures(1, 2, 0, 2),
                },
            ],
            "byScope": [
                # p1 with its supports and comments
                {
                    "key": f"scope:{world.s1.id}",
                    "label": {"text": "Nantes"},
                    "scope": {"id": str(world.s1.id)},
                    "figures": figures(1, 2, 2, 3),
                },
                # p2, and p3 and the debate that take process B's scope
                {
                    "key": f"scope:{world.s2.id}",
                    "label": {"text": "Rezé"},
                    "scope": {"id": str(world.s2.id)},
                    "figures": figures(2, 2, 0, 3),
                },
                # the meeting registration, the survey answer and the budget vote have no scope
                {"key": "none", "label": None, "scope": None, "figures": figures(0, 0, 0, 3)},
            ],
            "byCategory": [
                {
                    "key": f"category:{world.c1.id}",
                    "label": {"text": "Mobilités"},
                    "category": {"id": str(world.c1.id)},
                    "figures": [{"name": "proposals", "count": 1}, {"name": "votes", "count": 2}],
                },
                {
                    "key": "none",
                    "label": None,
                    "category": None,
                    "figures": [{"name": "proposals", "count": 2}, {"name": "votes", "count": 2}],
                },
            ],
            "byWeek": [
                {
                    "key": "2026-01-12",
                    "weekStart": "2026-01-12",
                    "label": None,
                    "figures": [{"name": "proposals", "count": 3}, {"name": "users", "count": 0}],
                },
                {
                    "key": body["data"]["byWeek"][1]["key"],
                    "weekStart": body["data"]["byWeek"][1]["key"],
                    "label": None,
                    "figures": [{"name": "proposals", "count": 0}, {"name": "users", "count": 3}],
                },
            ],
            "metrics": [
                {"name": "proposals", "count": 3},
                {"name": "votes", "count": 4},
                {"name": "comments", "count": 2},
                {"name": "participants", "count": 3},
            ],
        }
    }


async def test_additive_figures_by_space_scope_and_week_sum_to_the_organization_count(world: World, gql: Any) -> None:
    names = [
        "proposals",
        "accepted_proposals",
        "votes",
        "endorsements",
        "comments",
        "meetings",
        "debates",
        "survey_answers",
        "results",
    ]
    query = """
    query($names: [String!]) {
      s: participationBreakdown(by: SPACE, names: $names) { figures { name count } }
      t: participationBreakdown(by: SCOPE, names: $names) { figures { name count } }
      w: participationBreakdown(by: WEEK, names: $names) { figures { name count } }
      metrics(names: $names) { name count }
    }
    """
    body = await gql(query, {"names": names})

    totals = {m["name"]: m["count"] for m in body["data"]["metrics"]}
    for alias in ("s", "t", "w"):
        sums = dict.fromkeys(names, 0)
        for row in body["data"][alias]:
            for figure in row["figures"]:
                sums[figure["name"]] += figure["count"]
        assert sums == totals, alias


async def test_breakdown_within_one_space_and_between_days(world: World, gql: Any) -> None:
    query = """
    query($id: Int, $from: Date, $to: Date) {
      participationBreakdown(by: SCOPE, names: ["proposals"], spaceType: "Decidim::ParticipatoryProcess",
                             spaceId: $id, from: $from, to: $to) { key figures { count } }
    }
    """
    inside = await gql(query, {"id": world.a.id, "from": "2026-01-15", "to": "2026-01-15"})
    before = await gql(query, {"id": world.a.id, "from": "2026-01-01", "to": "2026-01-14"})
    private = await gql(query, {"id": world.private.id})
    backwards = await gql(query, {"id": world.a.id, "from": "2026-01-15", "to": "2026-01-14"})

    assert inside == {
        "data": {
            "participationBreakdown": [
                {"key": f"scope:{world.s1.id}", "figures": [{"count": 1}]},
                {"key": f"scope:{world.s2.id}", "figures": [{"count": 1}]},
            ]
        }
    }
    assert before == {"data": {"participationBreakdown": []}}
    assert private == {"data": {"participationBreakdown": []}}
    assert backwards["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"from": "after to"}}


async def test_space_hiding_its_metrics_gets_no_row_by_space(world: World, make: Any, gql: Any) -> None:
    from sqlalchemy import update

    import models

    async with make.sessionmaker() as session:
        await session.execute(
            update(models.ParticipatoryProcess)
            .where(models.ParticipatoryProcess.id == world.b.id)
            .values(show_metrics=False)  # type: ignore[arg-type]
        )
        await session.commit()

    body = await gql('{ participationBreakdown(by: SPACE, names: ["proposals"]) { key } }')

    assert body == {"data": {"participationBreakdown": [{"key": f"participatory_process:{world.a.id}"}]}}
