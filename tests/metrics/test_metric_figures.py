"""Every metric against the hand-counted organization of ``conftest.world``, for everyone and per space."""

from __future__ import annotations

from typing import Any

from tests.metrics.conftest import ALL_FIGURES, SPACE_A, SPACE_B, World

METRICS = """
query($names: [String], $type: String, $id: Int) {
  metrics(names: $names, space_type: $type, space_id: $id) { name count }
}
"""


def figures(body: dict[str, Any]) -> dict[str, int]:
    assert "errors" not in body, body
    return {m["name"]: m["count"] for m in body["data"]["metrics"]}


async def test_anonymous_visitor_gets_every_organization_figure(world: World, gql: Any) -> None:
    body = await gql(METRICS)

    assert figures(body) == ALL_FIGURES
    assert [m["name"] for m in body["data"]["metrics"]] == list(ALL_FIGURES)


async def test_each_space_counts_only_its_own_content(world: World, gql: Any) -> None:
    a = await gql(METRICS, {"type": "Decidim::ParticipatoryProcess", "id": world.a.id})
    b = await gql(METRICS, {"type": "participatory_process", "id": world.b.id})

    assert figures(a) == SPACE_A
    assert figures(b) == SPACE_B


async def test_names_pick_metrics_in_the_order_asked_and_supports_is_an_alias(world: World, gql: Any) -> None:
    body = await gql(METRICS, {"names": ["supports", "proposals", "users"]})

    assert body == {
        "data": {
            "metrics": [
                {"name": "supports", "count": 4},
                {"name": "proposals", "count": 3},
                {"name": "users", "count": 3},
            ]
        }
    }


async def test_unknown_metric_is_the_clients_mistake(world: World, gql: Any) -> None:
    body = await gql(METRICS, {"names": ["proposals", "likes"]})

    assert body["data"] == {"metrics": None}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"] == {"names": "unknown metric"}
    assert "'likes'" in error["message"]
    assert "participants" in error["message"]
    assert "survey_answers" in error["message"]


async def test_users_metric_has_no_per_space_figure(world: World, gql: Any) -> None:
    body = await gql(METRICS, {"names": ["users"], "type": "Decidim::ParticipatoryProcess", "id": world.a.id})

    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_space_type_and_id_go_together_and_the_type_must_be_a_space(world: World, gql: Any) -> None:
    half = await gql(METRICS, {"type": "Decidim::ParticipatoryProcess"})
    wrong = await gql(METRICS, {"type": "Decidim::Proposals::Proposal", "id": world.p1.id})

    assert half["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"space_id": "missing"}}
    assert wrong["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {"space_type": "unknown space type"},
    }


async def test_private_space_gives_no_figures_even_to_its_members(world: World, gql: Any) -> None:
    body = await gql(METRICS, {"type": "Decidim::ParticipatoryProcess", "id": world.private.id})

    assert body == {"data": {"metrics": []}}


async def test_space_hiding_its_metrics_gives_an_empty_list(world: World, make: Any, gql: Any) -> None:
    from sqlalchemy import update

    import models

    async with make.sessionmaker() as session:
        await session.execute(
            update(models.ParticipatoryProcess)
            .where(models.ParticipatoryProcess.id == world.a.id)
            .values(show_metrics=False)  # type: ignore[arg-type]
        )
        await session.commit()

    body = await gql(METRICS, {"type": "Decidim::ParticipatoryProcess", "id": world.a.id})

    assert body == {"data": {"metrics": []}}


async def test_other_organization_sees_none_of_these_figures(world: World, make: Any, gql: Any) -> None:
    await make.organization(host="elsewhere.test")

    body = await gql(METRICS, host="elsewhere.test")

    assert figures(body) == dict.fromkeys(ALL_FIGURES, 0)
