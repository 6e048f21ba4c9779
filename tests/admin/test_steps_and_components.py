"""Admin mutations on a process's steps and on components."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

import models
from tests.admin.conftest import Actors, error_of

CREATE_STEP = """
mutation($pid: ID!, $title: JSON!) { createStep(processId: $pid, attributes: {title: $title}) { id active } }
"""
ACTIVATE = "mutation($id: ID!) { activateStep(id: $id) { id active } }"
REORDER_STEPS = "mutation($pid: ID!, $ids: [ID!]!) { reorderSteps(processId: $pid, stepIds: $ids) { id } }"
ADD = """
mutation($sid: ID!, $attributes: ComponentAttributes!) {
  addComponent(spaceId: $sid, manifestName: "proposals", attributes: $attributes) { id weight }
}
"""
PUBLISH = "mutation($id: ID!) { publishComponent(id: $id) { id } }"
REORDER = "mutation($sid: ID!, $ids: [ID!]!) { reorderComponents(spaceId: $sid, componentIds: $ids) { id weight } }"


async def test_space_admin_builds_a_calendar_with_one_active_step(execute: Any, actors: Actors, app: Any) -> None:
    pid, run = str(actors.process.id), {"organization": actors.org, "viewer": actors.space_admin}
    first = (await execute(CREATE_STEP, {"pid": pid, "title": {"fr": "Idées"}}, **run))["data"]["createStep"]["id"]
    second = (await execute(CREATE_STEP, {"pid": pid, "title": {"fr": "Vote"}}, **run))["data"]["createStep"]["id"]
    assert await execute(ACTIVATE, {"id": first}, **run) == {"data": {"activateStep": {"id": first, "active": True}}}
    assert await execute(ACTIVATE, {"id": second}, **run) == {"data": {"activateStep": {"id": second, "active": True}}}
    reordered = await execute(REORDER_STEPS, {"pid": pid, "ids": [second, first]}, **run)
    assert reordered == {"data": {"reorderSteps": [{"id": second}, {"id": first}]}}
    async with app.state.sessionmaker() as session:
        step = models.ParticipatoryProcessStep
        ordered = select(col(step.id), col(step.active), col(step.position)).order_by(col(step.position))
        rows = (await session.execute(ordered)).all()
    assert [(str(i), a, p) for i, a, p in rows] == [(second, True, 1), (first, False, 2)]


async def test_reordering_must_list_every_step(execute: Any, actors: Actors, make: Any) -> None:
    step = await make.step(process=actors.process)
    await make.step(process=actors.process)
    result = await execute(
        REORDER_STEPS,
        {"pid": str(actors.process.id), "ids": [str(step.id)]},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {"stepIds": "must list each step of the process once"},
    }


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("moderator", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
        ("anonymous", {"code": "UNAUTHENTICATED"}),
    ],
)
async def test_others_may_not_add_steps_or_components(
    execute: Any, actors: Actors, who: str, expected: dict[str, Any]
) -> None:
    run = {"organization": actors.org, "viewer": getattr(actors, who)}
    pid = str(actors.process.id)
    assert error_of(await execute(CREATE_STEP, {"pid": pid, "title": {"fr": "x"}}, **run)) == expected
    assert error_of(await execute(ADD, {"sid": pid, "attributes": {"name": {"fr": "x"}}}, **run)) == expected


async def test_another_organizations_admin_cannot_add_a_component(execute: Any, actors: Actors) -> None:
    variables = {"sid": str(actors.process.id), "attributes": {"name": {"fr": "Propositions"}}}
    result = await execute(ADD, variables, organization=actors.other_org, viewer=actors.stranger_admin)
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"spaceId": "not found"}}


async def test_space_admin_adds_publishes_and_orders_components(execute: Any, actors: Actors, app: Any) -> None:
    run, sid = {"organization": actors.org, "viewer": actors.space_admin}, str(actors.process.id)
    attributes = {"name": {"fr": "Propositions"}, "settings": {"vote_limit": 3}}
    first = await execute(ADD, {"sid": sid, "attributes": attributes}, **run)
    second = await execute(ADD, {"sid": sid, "attributes": {"name": {"fr": "Encore"}}}, **run)
    a, b = first["data"]["addComponent"]["id"], second["data"]["addComponent"]["id"]
    assert [first["data"]["addComponent"]["weight"], second["data"]["addComponent"]["weight"]] == [0, 1]
    assert await execute(PUBLISH, {"id": a}, **run) == {"data": {"publishComponent": {"id": a}}}
    assert await execute(REORDER, {"sid": sid, "ids": [b, a]}, **run) == {
        "data": {"reorderComponents": [{"id": b, "weight": 0}, {"id": a, "weight": 1}]}
    }
    async with app.state.sessionmaker() as session:
        row = await session.get(models.Component, int(a))
    assert row is not None
    assert row.published_at is not None
    assert row.settings["vote_limit"] == 3


async def test_bad_settings_name_the_setting_and_write_nothing(execute: Any, actors: Actors, app: Any) -> None:
    attributes = {"name": {"fr": "Propositions"}, "settings": {"vote_limit": "many"}}
    result = await execute(
        ADD, {"sid": str(actors.process.id), "attributes": attributes}, organization=actors.org, viewer=actors.org_admin
    )
    error = error_of(result)
    assert error["code"] == "BAD_USER_INPUT"
    assert list(error["fields"]) == ["settings.vote_limit"]
    async with app.state.sessionmaker() as session:
        assert (await session.scalars(select(models.Component))).all() == []
