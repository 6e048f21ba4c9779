"""The calendar: ``meetings(filter, order, first, after, last, before)`` with ``totalCount``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import models
from tests.builders import NOW, Make
from tests.meetings.conftest import in_days, meetings_component

LIST = """
query($c: ID!, $filter: MeetingFilter, $order: MeetingSort, $first: Int, $after: String, $last: Int, $before: String) {
  component(id: $c) {
    ... on Meetings {
      meetings(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id } }
        nodes { id }
      }
    }
  }
}
"""


async def _list(execute: Any, org: Any, component: models.Component, **arguments: Any) -> dict[str, Any]:
    body = await execute(LIST, {"c": str(component.id), **arguments}, organization=org)
    assert "errors" not in body, body
    return body["data"]["component"]["meetings"]  # type: ignore[no-any-return]


async def _ids(execute: Any, org: Any, component: models.Component, **arguments: Any) -> list[str]:
    return [n["id"] for n in (await _list(execute, org, component, **arguments))["nodes"]]


async def _calendar(make: Make) -> tuple[models.Component, dict[str, models.Meeting]]:
    component = await meetings_component(make)
    rows = {
        "last_month": await make.meeting(component=component, start_time=in_days(-30), end_time=in_days(-30, hours=2)),
        "ongoing": await make.meeting(
            component=component,
            start_time=in_days(0, hours=-1),
            end_time=in_days(0, hours=1),
            type_of_meeting="online",
            address=None,
            online_meeting_url="https://visio.example.org/a",
        ),
        "tomorrow": await make.meeting(
            component=component,
            start_time=in_days(1),
            end_time=in_days(1, hours=2),
            type_of_meeting="hybrid",
            online_meeting_url="https://visio.example.org/b",
        ),
        "next_month": await make.meeting(
            component=component, start_time=in_days(30), end_time=in_days(30, hours=2), withdrawn_at=NOW
        ),
    }
    return component, rows


def _names(rows: dict[str, models.Meeting], ids: list[str]) -> list[str]:
    by_id = {str(m.id): name for name, m in rows.items()}
    return [by_id[i] for i in ids]


async def test_meetings_come_soonest_first_with_their_total(make: Make, execute: Any, org: Any) -> None:
    component, rows = await _calendar(make)

    page = await _list(execute, org, component)

    assert _names(rows, [n["id"] for n in page["nodes"]]) == ["last_month", "ongoing", "tomorrow", "next_month"]
    assert page["totalCount"] == 4
    assert page["pageInfo"]["hasNextPage"] is False
    assert [e["node"]["id"] for e in page["edges"]] == [n["id"] for n in page["nodes"]]


async def test_descending_start_time_puts_the_latest_first(make: Make, execute: Any, org: Any) -> None:
    component, rows = await _calendar(make)

    ids = await _ids(execute, org, component, order={"startTime": "desc"})

    assert _names(rows, ids) == ["next_month", "tomorrow", "ongoing", "last_month"]


@pytest.mark.parametrize(
    ("filter", "expected"),
    [
        ({"timeFrame": "upcoming"}, ["ongoing", "tomorrow", "next_month"]),
        ({"timeFrame": "past"}, ["last_month"]),
        ({"timeFrame": "ALL"}, ["last_month", "ongoing", "tomorrow", "next_month"]),
        ({"type": "online"}, ["ongoing"]),
        ({"type": "hybrid"}, ["tomorrow"]),
        ({"type": "in_person"}, ["last_month", "next_month"]),
        ({"withdrawn": True}, ["next_month"]),
        ({"withdrawn": False}, ["last_month", "ongoing", "tomorrow"]),
        ({"timeFrame": "upcoming", "withdrawn": False, "type": "hybrid"}, ["tomorrow"]),
    ],
    ids=str,
)
async def test_filters_narrow_the_calendar_and_its_total(
    make: Make, execute: Any, org: Any, filter: dict[str, Any], expected: list[str]
) -> None:
    component, rows = await _calendar(make)

    page = await _list(execute, org, component, filter=filter)

    assert _names(rows, [n["id"] for n in page["nodes"]]) == expected
    assert page["totalCount"] == len(expected)


async def test_a_date_range_keeps_meetings_taking_place_on_those_local_days(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make)
    paris = ZoneInfo("Europe/Paris")

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 3, day, hour, tzinfo=paris)

    rows = {
        # 00:30 in Paris on the 10th is still the 9th in UTC: the organization's day counts.
        "early_10th": await make.meeting(
            component=component, start_time=at(10, 0).replace(minute=30), end_time=at(10, 2)
        ),
        "evening_11th": await make.meeting(component=component, start_time=at(11, 20), end_time=at(11, 22)),
        "overnight_9th_10th": await make.meeting(component=component, start_time=at(9, 22), end_time=at(10, 1)),
        "12th": await make.meeting(component=component, start_time=at(12, 9), end_time=at(12, 10)),
        "9th": await make.meeting(component=component, start_time=at(9, 9), end_time=at(9, 10)),
    }

    both = await _ids(execute, org, component, filter={"startDate": "2026-03-10", "endDate": "2026-03-11"})
    from_11th = await _ids(execute, org, component, filter={"startDate": "2026-03-11"})
    until_9th = await _ids(execute, org, component, filter={"endDate": "2026-03-09"})

    assert _names(rows, both) == ["overnight_9th_10th", "early_10th", "evening_11th"]
    assert _names(rows, from_11th) == ["evening_11th", "12th"]
    assert _names(rows, until_9th) == ["9th", "overnight_9th_10th"]


async def test_category_and_scope_filters(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await meetings_component(make, space=process)
    parent = await make.category(space=process)
    child = await make.category(space=process, parent_id=parent.id)
    scope = await make.scope()
    in_child = await make.meeting(component=component, category_id=child.id, scope_id=scope.id)
    in_parent = await make.meeting(component=component, category_id=parent.id)
    await make.meeting(component=component)

    by_parent = await _ids(execute, org, component, filter={"categoryId": str(parent.id)})
    by_scope = await _ids(execute, org, component, filter={"scopeId": str(scope.id)})

    assert sorted(by_parent) == sorted([str(in_child.id), str(in_parent.id)])
    assert by_scope == [str(in_child.id)]


async def test_keyset_pages_walk_forward_and_back_over_equal_start_times(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make)
    same = in_days(3)
    meetings = [
        await make.meeting(component=component, start_time=same, end_time=same + timedelta(hours=1)) for _ in range(5)
    ]
    expected = [str(m.id) for m in sorted(meetings, key=lambda m: m.id)]  # type: ignore[arg-type,return-value]

    first = await _list(execute, org, component, first=2)
    second = await _list(execute, org, component, first=2, after=first["pageInfo"]["endCursor"])
    third = await _list(execute, org, component, first=2, after=second["pageInfo"]["endCursor"])
    back = await _list(execute, org, component, last=2, before=third["pageInfo"]["startCursor"])

    assert [n["id"] for n in first["nodes"] + second["nodes"] + third["nodes"]] == expected
    assert (first["pageInfo"]["hasNextPage"], third["pageInfo"]["hasNextPage"]) == (True, False)
    assert third["pageInfo"]["hasPreviousPage"] is True
    assert [n["id"] for n in back["nodes"]] == expected[2:4]
    assert all(p["totalCount"] == 5 for p in (first, second, third, back))


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"filter": {"timeFrame": "soon"}}, "filter.timeFrame"),
        ({"filter": {"type": "phone"}}, "filter.type"),
        ({"filter": {"startDate": "10/03/2026"}}, "filter.startDate"),
        ({"filter": {"startDate": "2026-03-12", "endDate": "2026-03-10"}}, "filter.endDate"),
        ({"filter": {"categoryId": "abc"}}, "filter.categoryId"),
        ({"order": {"startTime": "sideways"}}, "order.startTime"),
        ({"first": 51}, "first"),
        ({"after": "not-a-cursor"}, "after"),
    ],
    ids=str,
)
async def test_bad_arguments_are_the_clients_mistake(
    make: Make, execute: Any, org: Any, arguments: dict[str, Any], field: str
) -> None:
    component = await meetings_component(make)

    body = await execute(LIST, {"c": str(component.id), **arguments}, organization=org)

    # Page sizes are refused before execution, by the document's analysis; the rest by the field.
    assert body["data"] in (None, {"component": {"meetings": None}})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert field in error["extensions"]["fields"]


async def test_a_cursor_of_another_list_shape_is_refused(make: Make, execute: Any, org: Any) -> None:
    from resolvers.pagination import encode_cursor

    component = await meetings_component(make)
    forged = encode_cursor(["2026-01-01", 1])

    body = await execute(LIST, {"c": str(component.id), "after": forged}, organization=org)

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"after": "invalid cursor"}}


async def test_meetings_of_two_components_page_independently(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    a = await meetings_component(make, space=process)
    b = await meetings_component(make, space=process)
    in_a = [
        await make.meeting(component=a, start_time=in_days(n + 1), end_time=in_days(n + 1, hours=1)) for n in range(3)
    ]
    in_b = await make.meeting(component=b)
    query = """query($p: ID) { participatoryProcess(id: $p) { components {
      ... on Meetings { id meetings(first: 2) { totalCount nodes { id } } } } } }"""

    body = await execute(query, {"p": str(process.id)}, organization=org)

    pages = {c["id"]: c["meetings"] for c in body["data"]["participatoryProcess"]["components"]}
    assert pages == {
        str(a.id): {"totalCount": 3, "nodes": [{"id": str(m.id)} for m in in_a[:2]]},
        str(b.id): {"totalCount": 1, "nodes": [{"id": str(in_b.id)}]},
    }
    assert datetime.now(UTC) < in_a[0].start_time
