"""Decidim's accountability write API: administrators create, update and (softly) delete results."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

import models
from resolvers.viewer import Viewer
from tests.accountability.conftest import (
    accountability_component,
    as_,
    as_admin,
    error_codes,
    reload,
    result,
    status,
)
from tests.builders import Make, tr

CREATE = """
mutation($c: ID!, $input: CreateResultInput!) {
  component(id: $c) {
    ... on AccountabilityMutation {
      createResult(input: $input) {
        id title { translation(locale: "fr") } description { translation(locale: "en") } reference
        startDate endDate progress weight externalId childrenCount
        status { key } parent { id } linkedProposals { id } category { id } scope { id }
        versionsCount versions { changeset editor { nickname } }
      }
    }
  }
}
"""
RESULT_ACTION = """
mutation($c: ID!, $id: ID!, $input: %s!) {
  component(id: $c) { ... on AccountabilityMutation { result(id: $id) { %s(input: $input) { %s } } } }
}
"""
UPDATE = RESULT_ACTION % (
    "UpdateResultInput",
    "update",
    'id title { translation(locale: "fr") } progress startDate endDate parent { id } linkedProposals { id } '
    "externalId weight versionsCount",
)
DELETE = RESULT_ACTION % ("DeleteResultInput", "delete", "id")


async def versions(make: Make, pk: int) -> list[models.Version]:
    async with make.sessionmaker() as session:
        v = models.Version
        return list((await session.scalars(select(v).where(v.item_id == pk).order_by(v.id))).all())


def created(body: dict[str, Any]) -> Any:
    return ((body.get("data") or {}).get("component") or {}).get("createResult")


def acted(body: dict[str, Any], name: str) -> Any:
    component = (body.get("data") or {}).get("component") or {}
    return (component.get("result") or {}).get(name)


async def test_admin_creates_a_result_under_a_parent_with_a_status_and_proposals(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    process = await make.process()
    component = await accountability_component(make, space=process)
    ongoing = await status(make, component=component, key="ongoing", progress=40)
    parent = await result(make, component=component)
    proposal = await make.proposal(component=await make.component(space=process))
    category = await make.category(space=process)
    scope = await make.scope()
    attributes = {
        "title": {"fr": "Créer une piste cyclable", "en": "Build a cycle lane"},
        "description": "A plain text is in the request's locale",
        "startDate": "2026-03-01",
        "endDate": "2026-09-30",
        "statusId": str(ongoing.id),
        "parentId": str(parent.id),
        "externalId": "  CYCLE-12 ",
        "weight": 3,
        "proposalIds": [str(proposal.id), str(proposal.id)],
        "categoryId": str(category.id),
        "scopeId": str(scope.id),
    }

    body = await execute(
        CREATE,
        {"c": str(component.id), "input": {"attributes": attributes}},
        organization=org,
        viewer=as_admin(admin),
        locale="en",
    )

    new = created(body)
    assert "errors" not in body, body
    month = (await reload(make, models.Result(id=int(new["id"])))).created_at.astimezone().strftime("%Y-%m")
    assert new == {
        "id": new["id"],
        "title": {"translation": "Créer une piste cyclable"},
        "description": {"translation": "A plain text is in the request's locale"},
        "reference": f"LA-RESU-{month}-{new['id']}",
        "startDate": "2026-03-01",
        "endDate": "2026-09-30",
        # Left out with a status that has one: the status's progress.
        "progress": 40.0,
        "weight": 3,
        "externalId": "CYCLE-12",
        "childrenCount": 0,
        "status": {"key": "ongoing"},
        "parent": {"id": str(parent.id)},
        "linkedProposals": [{"id": str(proposal.id)}],
        "category": {"id": str(category.id)},
        "scope": {"id": str(scope.id)},
        "versionsCount": 1,
        "versions": [{"changeset": new["versions"][0]["changeset"], "editor": {"nickname": "@admin"}}],
    }
    assert new["versions"][0]["changeset"]["external_id"] == [None, "CYCLE-12"]
    assert new["versions"][0]["changeset"]["proposal_ids"] == [None, [proposal.id]]
    assert (await reload(make, parent)).children_count == 1


async def test_admin_updates_only_what_is_sent_and_moves_the_result_to_another_parent(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    process = await make.process()
    component = await accountability_component(make, space=process)
    old_parent = await result(make, component=component)
    new_parent = await result(make, component=component)
    first = await make.proposal(component=await make.component(space=process))
    second = await make.proposal(component=await make.component(space=process))
    row = await result(
        make,
        component=component,
        parent=old_parent,
        title=tr("Avant"),
        progress=10.0,
        start_date=date(2026, 1, 1),
        external_id="X",
    )
    await make.save(
        models.ResultProposalLink(organization_id=row.organization_id, result_id=row.id, proposal_id=first.id)
    )
    attributes = {
        "progress": 75.5,
        "parentId": str(new_parent.id),
        "proposalIds": [str(second.id)],
        "endDate": "2026-02-01",
    }

    body = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": attributes}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert acted(body, "update") == {
        "id": str(row.id),
        "title": {"translation": "Avant"},
        "progress": 75.5,
        "startDate": "2026-01-01",
        "endDate": "2026-02-01",
        "parent": {"id": str(new_parent.id)},
        "linkedProposals": [{"id": str(second.id)}],
        "externalId": "X",
        "weight": 1,
        "versionsCount": 1,
    }
    assert [(await reload(make, p)).children_count for p in (old_parent, new_parent)] == [0, 1]
    (version,) = await versions(make, row.id)
    assert (version.event, version.whodunnit_id, version.changeset) == (
        "update",
        admin.id,
        {
            "progress": [10.0, 75.5],
            "parent_id": [old_parent.id, new_parent.id],
            "end_date": [None, "2026-02-01"],
            "proposal_ids": [[first.id], [second.id]],
        },
    )


async def test_admin_deletes_a_result_with_its_subtree_softly(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    project = await result(make, component=component)
    action = await result(make, component=component, parent=project)
    step = await result(make, component=component, parent=action)
    kept = await result(make, component=component, parent=project)

    body = await execute(
        DELETE, {"c": str(component.id), "id": str(action.id), "input": {}}, organization=org, viewer=as_admin(admin)
    )

    assert body == {"data": {"component": {"result": {"delete": {"id": str(action.id)}}}}}
    rows = [await reload(make, r) for r in (project, action, step, kept)]
    assert [r.deleted_at is not None for r in rows] == [False, True, True, False]
    assert rows[0].children_count == 1
    assert [v.event for v in await versions(make, action.id)] == ["delete"]
    again = await execute(
        DELETE, {"c": str(component.id), "id": str(action.id), "input": {}}, organization=org, viewer=as_admin(admin)
    )
    assert error_codes(again) == [("NOT_FOUND", None)]


async def test_admin_may_detach_a_result_from_its_parent(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    parent = await result(make, component=component)
    row = await result(make, component=component, parent=parent)

    body = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"parentId": None}}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert acted(body, "update")["parent"] is None
    assert (await reload(make, parent)).children_count == 0


WHO = [
    pytest.param(None, ("UNAUTHENTICATED", None), id="anonymous"),
    pytest.param("participant", ("FORBIDDEN", "NOT_ADMIN"), id="participant"),
    pytest.param("blocked admin", ("FORBIDDEN", "BLOCKED"), id="blocked admin"),
]


async def _viewer(make: Make, who: str | None) -> dict[str, Viewer]:
    if who is None:
        return {}
    if who == "participant":
        return {"viewer": as_(await make.user())}
    return {"viewer": as_admin(await make.user(admin=True, blocked=True))}


@pytest.mark.parametrize(("who", "refusal"), WHO)
async def test_only_admins_create_results(
    make: Make, execute: Any, org: Any, who: str | None, refusal: tuple[str, str | None]
) -> None:
    component = await accountability_component(make)
    # Invalid on purpose where the viewer alone decides: a refused viewer learns nothing from the validation.
    attributes = {"title": "Valide"} if who == "blocked admin" else {"progress": 300}
    variables = {"c": str(component.id), "input": {"attributes": attributes}}

    body = await execute(CREATE, variables, organization=org, **await _viewer(make, who))

    assert body["data"] == {"component": {"createResult": None}}
    assert error_codes(body) == [refusal]


@pytest.mark.parametrize(("who", "refusal"), WHO)
async def test_only_admins_reach_a_results_actions(
    make: Make, execute: Any, org: Any, who: str | None, refusal: tuple[str, str | None]
) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component, title=tr("Intact"))

    for document, input_ in ((UPDATE, {"attributes": {"title": "Changé"}}), (DELETE, {})):
        variables = {"c": str(component.id), "id": str(row.id), "input": input_}
        body = await execute(document, variables, organization=org, **await _viewer(make, who))
        assert body["data"] == {"component": {"result": None}}
        assert error_codes(body) == [refusal]
    assert (await reload(make, row)).title == tr("Intact")


async def test_admins_act_through_http_with_their_bearer_token(gql: Any, make: Make, bearer: Any) -> None:
    component = await accountability_component(make)
    admin = await make.user(admin=True)
    variables = {"c": str(component.id), "input": {"attributes": {"title": {"fr": "Par l'API"}}}}

    body = await gql(CREATE, variables, headers=await bearer(admin))
    denied = await gql(CREATE, variables, headers=await bearer(await make.user()))

    assert created(body)["title"] == {"translation": "Par l'API"}
    assert error_codes(denied) == [("FORBIDDEN", "NOT_ADMIN")]


async def test_writes_to_another_kind_of_component_are_not_found(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await make.component(manifest_name="blogs")
    body = await execute(
        CREATE,
        {"c": str(component.id), "input": {"attributes": {"title": "x"}}},
        organization=org,
        viewer=as_admin(admin),
    )
    assert error_codes(body) == [("NOT_FOUND", None)]
