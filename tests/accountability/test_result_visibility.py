"""Who sees which results, statuses and milestones, through every path (list, ``result(id)``, ``node``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import models
from tests.accountability.conftest import accountability_component, as_admin, entry, result, status
from tests.builders import NOW, Make

THROUGH_COMPONENT = """
query($c: ID!, $r: ID!) {
  component(id: $c) { ... on Accountability { results { nodes { id } totalCount } result(id: $r) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NOTHING = {"results": {"nodes": [], "totalCount": 0}, "result": None}


async def _through_component(execute: Any, org: Any, row: models.Result, **kw: Any) -> Any:
    body = await execute(THROUGH_COMPONENT, {"c": str(row.component_id), "r": str(row.id)}, organization=org, **kw)
    return body["data"]["component"]


async def _node(execute: Any, org: Any, pk: Any, **kw: Any) -> Any:
    return (await execute(NODE, {"id": str(pk)}, organization=org, **kw))["data"]["node"]


async def test_results_statuses_and_milestones_are_nodes(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    todo = await status(make, component=component)
    row = await result(make, component=component, status_id=todo.id)
    milestone = await entry(make, result=row, entry_date=date(2026, 5, 1))

    assert [await _node(execute, org, pk) for pk in (row.id, todo.id, milestone.id)] == [
        {"__typename": "Result", "id": str(row.id)},
        {"__typename": "Status", "id": str(todo.id)},
        {"__typename": "TimelineEntry", "id": str(milestone.id)},
    ]


async def test_a_deleted_result_and_its_milestones_are_gone_for_everyone(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    parent = await result(make, component=component)
    gone = await result(make, component=component, parent=parent, deleted_at=NOW)
    milestone = await entry(make, result=gone, entry_date=date(2026, 5, 1))
    children = """query($c: ID!, $r: ID!) { component(id: $c) { ... on Accountability {
      result(id: $r) { children { id } } } } }"""

    for viewer in ({}, {"viewer": as_admin(admin)}):
        assert await _through_component(execute, org, gone, **viewer) == {
            "results": {"nodes": [{"id": str(parent.id)}], "totalCount": 1},
            "result": None,
        }
        assert await _node(execute, org, gone.id, **viewer) is None
        assert await _node(execute, org, milestone.id, **viewer) is None
        body = await execute(children, {"c": str(component.id), "r": str(parent.id)}, organization=org, **viewer)
        assert body["data"]["component"]["result"] == {"children": []}


async def test_results_of_an_unpublished_component_are_for_admins_only(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make, published_at=None)
    row = await result(make, component=component)
    todo = await status(make, component=component)

    assert await _node(execute, org, row.id) is None
    assert await _node(execute, org, todo.id) is None
    assert await _through_component(execute, org, row) is None
    assert await _through_component(execute, org, row, viewer=as_admin(admin)) == {
        "results": {"nodes": [{"id": str(row.id)}], "totalCount": 1},
        "result": {"id": str(row.id)},
    }


async def test_another_organizations_results_are_never_reachable(make: Make, execute: Any, org: Any) -> None:
    elsewhere = await make.organization()
    component = await accountability_component(make, space=await make.process(organization=elsewhere))
    row = await result(make, component=component)

    assert await _node(execute, org, row.id) is None
    assert await _through_component(execute, org, row) is None


async def test_result_asked_through_another_component_is_null(make: Make, execute: Any, org: Any) -> None:
    row = await result(make, component=await accountability_component(make))
    other = await accountability_component(make)

    body = await execute(THROUGH_COMPONENT, {"c": str(other.id), "r": str(row.id)}, organization=org)

    assert body["data"]["component"] == NOTHING
