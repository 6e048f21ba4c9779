"""Simultaneous writes keep a parent's ``childrenCount`` exact."""

from __future__ import annotations

import asyncio
from typing import Any

import models
from tests.accountability.conftest import accountability_component, as_admin, reload, result
from tests.accountability.test_result_writes import CREATE, UPDATE
from tests.builders import Make


async def test_simultaneous_creations_and_moves_keep_children_counts_exact(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    left = await result(make, component=component)
    right = await result(make, component=component)
    movers = [await result(make, component=component, parent=left) for _ in range(3)]

    def create() -> Any:
        variables = {"c": str(component.id), "input": {"attributes": {"title": "T", "parentId": str(left.id)}}}
        return execute(CREATE, variables, organization=org, viewer=as_admin(admin))

    def move(row: models.Result) -> Any:
        variables = {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"parentId": str(right.id)}}}
        return execute(UPDATE, variables, organization=org, viewer=as_admin(admin))

    bodies = await asyncio.gather(*(create() for _ in range(5)), *(move(r) for r in movers))

    assert [b.get("errors") for b in bodies] == [None] * 8
    assert [(await reload(make, p)).children_count for p in (left, right)] == [5, 3]
