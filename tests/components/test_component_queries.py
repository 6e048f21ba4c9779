"""``component(id)`` and a space's ``components(filter, order)``, with Decidim's semantics.

Only fields of ``ComponentInterface`` are asked: manifests may gain their own GraphQL types.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.builders import tr

COMPONENTS = "query($id: ID, $filter: ComponentFilter, $order: ComponentSort) { participatoryProcess(id: $id) { components(filter: $filter, order: $order) { id } } }"  # noqa: E501


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=UTC)


def listed(*rows: Any) -> dict[str, Any]:
    return {"data": {"participatoryProcess": {"components": [{"id": str(r.id)} for r in rows]}}}


async def components(gql: Any, process: Any, *, filter: Any = None, order: Any = None) -> dict[str, Any]:
    return await gql(COMPONENTS, {"id": str(process.id), "filter": filter, "order": order})  # type: ignore[no-any-return]


async def test_anonymous_visitor_finds_a_published_component_by_id(make: Any, gql: Any) -> None:
    process = await make.process(title=tr("Mobilités", "Mobility"))
    component = await make.component(space=process, name=tr("Propositions", "Proposals"), weight=3)

    body = await gql(
        'query($id: ID!) { component(id: $id) { id weight name { translation(locale: "en") }'
        ' participatorySpace { id type title { translation(locale: "fr") } } } }',
        {"id": str(component.id)},
    )

    assert body == {
        "data": {
            "component": {
                "id": str(component.id),
                "weight": 3,
                "name": {"translation": "Proposals"},
                "participatorySpace": {
                    "id": str(process.id),
                    "type": "Decidim::ParticipatoryProcess",
                    "title": {"translation": "Mobilités"},
                },
            }
        }
    }


async def test_component_finder_returns_null_for_an_unknown_id(make: Any, gql: Any) -> None:
    await make.component()

    body = await gql('{ component(id: "999999") { id } }')

    assert body == {"data": {"component": None}}


async def test_components_come_in_weight_then_id_order_by_default(make: Any, gql: Any) -> None:
    process = await make.process()
    late = await make.component(space=process, weight=2)
    early_b = await make.component(space=process, weight=1)
    early_a_later_id = await make.component(space=process, weight=1)
    await make.component(space=await make.process())  # another process's component

    body = await components(gql, process)

    assert body == listed(early_b, early_a_later_id, late)


@pytest.mark.parametrize("type_name", ["Proposals", "proposals", "PROPOSALS"])
async def test_type_filter_matches_the_lower_cased_manifest_name(make: Any, gql: Any, type_name: str) -> None:
    process = await make.process()
    proposals = await make.component(space=process, manifest_name="proposals")
    await make.component(space=process, manifest_name="meetings")

    body = await components(gql, process, filter={"type": type_name})

    assert body == listed(proposals)


async def test_type_filter_with_an_unknown_manifest_lists_nothing(make: Any, gql: Any) -> None:
    process = await make.process()
    await make.component(space=process)

    body = await components(gql, process, filter={"type": "Sortitions"})

    assert body == listed()


async def test_name_filter_is_a_case_insensitive_substring_in_the_default_locale(make: Any, gql: Any) -> None:
    process = await make.process()
    cycling = await make.component(space=process, name={"fr": "Plan vélo", "en": "Cycling plan"})
    await make.component(space=process, name={"fr": "Budget", "en": "Plan budget"})

    body = await components(gql, process, filter={"name": "PLAN"})

    assert body == listed(cycling)


async def test_name_filter_searches_the_given_locale(make: Any, gql: Any) -> None:
    process = await make.process()
    await make.component(space=process, name={"fr": "Plan vélo", "en": "Cycling"})
    budget = await make.component(space=process, name={"fr": "Budget", "en": "Plan budget"})

    body = await components(gql, process, filter={"name": "plan", "locale": "en"})

    assert body == listed(budget)


async def test_name_filter_treats_like_wildcards_literally(make: Any, gql: Any) -> None:
    process = await make.process()
    await make.component(space=process, name={"fr": "Budget"})
    percent = await make.component(space=process, name={"fr": "Réduire de 50% le trafic"})

    body = await components(gql, process, filter={"name": "%"})

    assert body == listed(percent)


async def test_comments_and_geolocation_filters_follow_the_settings(make: Any, gql: Any) -> None:
    process = await make.process()
    open_map = await make.component(space=process, settings={"comments_enabled": True, "geocoding_enabled": True})
    closed = await make.component(space=process, settings={"comments_enabled": False, "geocoding_enabled": False})

    with_comments = await components(gql, process, filter={"withCommentsEnabled": True})
    without_comments = await components(gql, process, filter={"withCommentsEnabled": False})
    with_geo = await components(gql, process, filter={"withGeolocationEnabled": True})
    without_geo = await components(gql, process, filter={"withGeolocationEnabled": False})

    assert with_comments == listed(open_map)
    assert without_comments == listed(closed)
    assert with_geo == listed(open_map)
    assert without_geo == listed(closed)


async def test_published_before_is_exclusive_and_published_since_inclusive(make: Any, gql: Any) -> None:
    process = await make.process()
    old = await make.component(space=process, published_at=at("2026-01-09"))
    on_the_day = await make.component(space=process, published_at=at("2026-01-10"))

    before = await components(gql, process, filter={"publishedBefore": "2026-01-10"})
    since = await components(gql, process, filter={"publishedSince": "2026-01-10"})

    assert before == listed(old)
    assert since == listed(on_the_day)


async def test_order_by_weight_descending_breaks_ties_by_id(make: Any, gql: Any) -> None:
    process = await make.process()
    light = await make.component(space=process, weight=1)
    heavy_first = await make.component(space=process, weight=5)
    heavy_second = await make.component(space=process, weight=5)

    body = await components(gql, process, order={"weight": "desc"})

    assert body == listed(heavy_first, heavy_second, light)


async def test_order_by_id_descending(make: Any, gql: Any) -> None:
    process = await make.process()
    a = await make.component(space=process, weight=2)
    b = await make.component(space=process, weight=1)

    body = await components(gql, process, order={"id": "DESC"})

    assert body == listed(b, a)


async def test_order_by_type_sorts_manifest_names(make: Any, gql: Any) -> None:
    process = await make.process()
    surveys = await make.component(space=process, manifest_name="surveys")
    blogs = await make.component(space=process, manifest_name="blogs")
    meetings = await make.component(space=process, manifest_name="meetings")

    body = await components(gql, process, order={"type": "Asc"})

    assert body == listed(blogs, meetings, surveys)


async def test_order_by_name_uses_the_sort_locale(make: Any, gql: Any) -> None:
    process = await make.process()
    a_fr = await make.component(space=process, name={"fr": "Agenda", "en": "Meetings"})
    b_fr = await make.component(space=process, name={"fr": "Budget", "en": "Ballot"})

    french = await components(gql, process, order={"name": "ASC"})
    english = await components(gql, process, order={"name": "ASC", "locale": "en"})

    assert french == listed(a_fr, b_fr)
    assert english == listed(b_fr, a_fr)


def bad_components(message: str, fields: dict[str, str]) -> dict[str, Any]:
    return {
        "data": {"participatoryProcess": {"components": None}},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 1, "column": COMPONENTS.index("components(") + 1}],
                "path": ["participatoryProcess", "components"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": fields},
            }
        ],
    }


@pytest.mark.parametrize(
    ("filter", "order", "message", "fields"),
    [
        (
            {"locale": "de", "name": "plan"},
            None,
            "Unknown locale 'de': this organization offers fr, en.",
            {"filter.locale": "must be one of fr, en"},
        ),
        (
            None,
            {"name": "ASC", "locale": "xx"},
            "Unknown locale 'xx': this organization offers fr, en.",
            {"order.locale": "must be one of fr, en"},
        ),
        (
            {"publishedBefore": "2026-02-30"},
            None,
            "Invalid date '2026-02-30' for filter.publishedBefore: use YYYY-MM-DD.",
            {"filter.publishedBefore": "must be a date as YYYY-MM-DD"},
        ),
        (
            {"publishedSince": "yesterday"},
            None,
            "Invalid date 'yesterday' for filter.publishedSince: use YYYY-MM-DD.",
            {"filter.publishedSince": "must be a date as YYYY-MM-DD"},
        ),
        (
            None,
            {"weight": "UP"},
            'Invalid sort direction \'UP\' for order.weight: use "ASC" or "DESC".',
            {"order.weight": "must be ASC or DESC"},
        ),
    ],
)
async def test_anonymous_visitor_gets_bad_user_input_for_invalid_component_arguments(
    make: Any, gql: Any, *, filter: Any, order: Any, message: str, fields: dict[str, str]
) -> None:
    process = await make.process()
    await make.component(space=process)

    body = await components(gql, process, filter=filter, order=order)

    assert body == bad_components(message, fields)


async def test_component_finder_rejects_a_non_integer_id(make: Any, gql: Any) -> None:
    await make.component()

    body = await gql('{ component(id: "proposals") { id } }')

    assert body == {
        "data": {"component": None},
        "errors": [
            {
                "message": "Invalid id 'proposals' for id: ids are integers.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["component"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"id": "must be an integer id"}},
            }
        ],
    }
