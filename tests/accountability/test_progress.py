"""A result with children shows the weighted average of their progress, computed on read."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.accountability.progress import ProgressNode, rolled_up
from tests.accountability.conftest import accountability_component, as_admin, result
from tests.builders import Make


def node(pk: int, parent: int | None, progress: float | None, weight: int = 1) -> ProgressNode:
    return ProgressNode(id=pk, parent_id=parent, progress=progress, weight=weight)


@pytest.mark.parametrize(
    ("nodes", "expected"),
    [
        pytest.param([node(1, None, 35.0)], 35.0, id="a leaf shows its own progress"),
        pytest.param([node(1, None, None)], None, id="a leaf without progress shows none"),
        # (1 * 20 + 3 * 60) / (1 + 3) = 200 / 4
        pytest.param([node(1, None, 90.0), node(2, 1, 20.0, 1), node(3, 1, 60.0, 3)], 50.0, id="weighted children"),
        # child 2 = (0 * 1 + 100 * 1) / 2 = 50 (a child without progress counts 0); root = (50 * 2 + 80 * 2) / 4
        pytest.param(
            [node(1, None, None), node(2, 1, 5.0, 2), node(3, 1, 80.0, 2), node(4, 2, None), node(5, 2, 100.0)],
            65.0,
            id="grandchildren roll up first",
        ),
        # all weights 0: a plain average, (10 + 40) / 2
        pytest.param([node(1, None, None), node(2, 1, 10.0, 0), node(3, 1, 40.0, 0)], 25.0, id="zero weights"),
        # (1 * 100 + 2 * 0) / 3 = 33.333... rounded to two decimals
        pytest.param([node(1, None, None), node(2, 1, 100.0, 1), node(3, 1, 0.0, 2)], 33.33, id="rounded"),
        pytest.param([node(1, 2, 10.0), node(2, 1, 30.0)], 30.0, id="a cycle in bad data still ends"),
    ],
)
def test_rolled_up_progress(nodes: list[ProgressNode], expected: float | None) -> None:
    assert rolled_up(nodes, [1]) == {1: expected}


def test_unknown_roots_have_no_progress() -> None:
    assert rolled_up([], [7]) == {7: None}


QUERY = """
query($c: ID!, $id: ID!) {
  component(id: $c) { ... on Accountability { result(id: $id) {
    progress childrenCount children { progress children { progress } } } } }
}
"""
DELETE = """
mutation($c: ID!, $id: ID!) {
  component(id: $c) { ... on AccountabilityMutation { result(id: $id) { delete(input: {}) { id } } } }
}
"""


async def test_a_projects_progress_follows_its_actions(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    project = await result(make, component=component, progress=5.0)
    paving = await result(make, component=component, parent=project, progress=90.0, weight=1)
    planting = await result(make, component=component, parent=project, progress=99.0, weight=3)
    # planting = (1 * 30 + 1 * 70) / 2 = 50; project = (1 * 90 + 3 * 50) / 4 = 60
    await result(make, component=component, parent=planting, progress=30.0)
    await result(make, component=component, parent=planting, progress=70.0)

    body = await execute(QUERY, {"c": str(component.id), "id": str(project.id)}, organization=org)

    assert body == {
        "data": {
            "component": {
                "result": {
                    "progress": 60.0,
                    "childrenCount": 2,
                    "children": [
                        {"progress": 90.0, "children": []},
                        {"progress": 50.0, "children": [{"progress": 30.0}, {"progress": 70.0}]},
                    ],
                }
            }
        }
    }
    assert paving.progress == 90.0


async def test_deleting_a_child_changes_the_parents_progress_at_once(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    admin = await make.user(admin=True)
    project = await result(make, component=component)
    await result(make, component=component, parent=project, progress=20.0)
    late = await result(make, component=component, parent=project, progress=80.0)

    before = await execute(QUERY, {"c": str(component.id), "id": str(project.id)}, organization=org)
    deleted = await execute(
        DELETE, {"c": str(component.id), "id": str(late.id)}, organization=org, viewer=as_admin(admin)
    )
    after = await execute(QUERY, {"c": str(component.id), "id": str(project.id)}, organization=org)

    assert "errors" not in deleted, deleted
    assert before["data"]["component"]["result"]["progress"] == 50.0
    assert after["data"]["component"]["result"] == {
        "progress": 20.0,
        "childrenCount": 1,
        "children": [{"progress": 20.0, "children": []}],
    }
