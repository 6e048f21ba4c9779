"""Administrators keep a result's milestones: create, update and delete them through ``result(id)``."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

import models
from tests.accountability.conftest import (
    accountability_component,
    as_,
    as_admin,
    entry,
    error_codes,
    error_fields,
    reload,
    result,
)
from tests.builders import Make, tr

ACTION = """
mutation($c: ID!, $id: ID!, $input: %s!) {
  component(id: $c) { ... on AccountabilityMutation { result(id: $id) {
    %s(input: $input) { __typename id entryDate title { translation(locale: "fr") }
      description { translation(locale: "fr") } result { id timelineEntries { id } } } } } }
}
"""
CREATE = ACTION % ("CreateMilestoneInput", "createMilestone")
UPDATE = ACTION % ("UpdateMilestoneInput", "updateMilestone")
DELETE = ACTION % ("DeleteMilestoneInput", "deleteMilestone")


def answer(body: dict[str, Any], name: str) -> Any:
    component = (body.get("data") or {}).get("component") or {}
    return (component.get("result") or {}).get(name)


async def traced(make: Make, pk: int) -> list[tuple[str, str, dict[str, Any]]]:
    async with make.sessionmaker() as session:
        v = models.Version
        rows = (await session.scalars(select(v).where(v.item_id == pk).order_by(v.id))).all()
        return [(r.item_kind, r.event, r.changeset) for r in rows]


async def test_admin_adds_edits_and_removes_a_milestone(make: Make, execute: Any, org: Any, admin: models.User) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component)
    variables = {"c": str(component.id), "id": str(row.id)}

    made = await execute(
        CREATE,
        variables | {"input": {"attributes": {"entryDate": "2026-04-01", "title": {"fr": "Appel d'offres"}}}},
        organization=org,
        viewer=as_admin(admin),
    )
    milestone = answer(made, "createMilestone")
    pk = milestone["id"]
    edited = await execute(
        UPDATE,
        variables | {"input": {"id": pk, "attributes": {"description": {"fr": "Publié au BOAMP"}}}},
        organization=org,
        viewer=as_admin(admin),
    )
    removed = await execute(DELETE, variables | {"input": {"id": pk}}, organization=org, viewer=as_admin(admin))

    assert milestone == {
        "__typename": "Milestone",
        "id": pk,
        "entryDate": "2026-04-01",
        "title": {"translation": "Appel d'offres"},
        "description": {"translation": None},
        "result": {"id": str(row.id), "timelineEntries": [{"id": pk}]},
    }
    assert answer(edited, "updateMilestone") == milestone | {
        "description": {"translation": "Publié au BOAMP"},
    }
    assert answer(removed, "deleteMilestone") == milestone | {
        "description": {"translation": "Publié au BOAMP"},
        "result": {"id": str(row.id), "timelineEntries": []},
    }
    assert await traced(make, int(pk)) == [
        ("timeline_entry", "create", {"entry_date": [None, "2026-04-01"], "title": [None, {"fr": "Appel d'offres"}]}),
        ("timeline_entry", "update", {"description": [{}, {"fr": "Publié au BOAMP"}]}),
        ("timeline_entry", "delete", {}),
    ]


@pytest.mark.parametrize(
    ("attributes", "fields"),
    [
        pytest.param({"title": "Sans date"}, {"attributes.entryDate": "required"}, id="no date"),
        pytest.param({"entryDate": "2026-01-01"}, {"attributes.title": "required, in at least one locale"}, id="title"),
    ],
)
async def test_a_milestone_needs_a_date_and_a_title(
    make: Make, execute: Any, org: Any, *, admin: models.User, attributes: dict[str, Any], fields: dict[str, str]
) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component)

    body = await execute(
        CREATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": attributes}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert error_fields(body) == fields


async def test_a_milestone_of_another_result_is_not_found(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component)
    other = await entry(make, result=await result(make, component=component), entry_date=date(2026, 1, 1))

    body = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"id": str(other.id), "attributes": {"title": "x"}}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert error_codes(body) == [("NOT_FOUND", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"id": "not a milestone of this result"}
    assert (await reload(make, other)).title == tr("Étape 2026-01-01", "Milestone 2026-01-01")


async def test_participants_cannot_touch_milestones(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component)
    milestone = await entry(make, result=row, entry_date=date(2026, 1, 1))

    body = await execute(
        DELETE,
        {"c": str(component.id), "id": str(row.id), "input": {"id": str(milestone.id)}},
        organization=org,
        viewer=as_(await make.user()),
    )

    assert error_codes(body) == [("FORBIDDEN", "NOT_ADMIN")]
    assert await reload(make, milestone) is not None
