"""Every invalid result or milestone attribute is refused with its field; nothing is written."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import models
from tests.accountability.conftest import accountability_component, as_admin, error_fields, result, status
from tests.accountability.test_result_writes import CREATE, UPDATE
from tests.builders import NOW, Make


async def results_count(make: Make) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(models.Result)) or 0)


SHAPE = [
    pytest.param({}, {"attributes.title": "required, in at least one locale"}, id="no title"),
    pytest.param({"title": {"fr": "  "}}, {"attributes.title": "required, in at least one locale"}, id="blank title"),
    pytest.param(
        {"title": {"de": "Titel"}}, {"attributes.title": "unknown locale 'de': use one of fr, en"}, id="unknown locale"
    ),
    pytest.param(
        {"title": ["x"]},
        {"attributes.title": 'a text, or an object of texts by locale such as {"fr": "..."}'},
        id="title not text",
    ),
    pytest.param(
        {"title": "T", "progress": 100.5}, {"attributes.progress": "must be between 0 and 100"}, id="progress"
    ),
    pytest.param({"title": "T", "progress": -1}, {"attributes.progress": "must be between 0 and 100"}, id="negative"),
    pytest.param(
        {"title": "T", "startDate": "2026-05-02", "endDate": "2026-05-01"},
        {"attributes.endDate": "must be on or after startDate"},
        id="dates",
    ),
    pytest.param({"title": "T", "weight": -1}, {"attributes.weight": "must be a whole number, 0 or more"}, id="weight"),
    pytest.param(
        {"title": "T", "externalId": "x" * 256}, {"attributes.externalId": "at most 255 characters"}, id="external id"
    ),
    pytest.param(
        {"title": "T", "taxonomies": ["1"]},
        {"attributes.taxonomies": "not supported here: classify with categoryId and scopeId"},
        id="taxonomies",
    ),
    pytest.param(
        {"title": "T", "projectIds": ["1"]}, {"attributes.projectIds": "budgets are not available yet"}, id="projects"
    ),
    pytest.param({"title": "T", "statusId": "x"}, {"attributes.statusId": "must be an integer id"}, id="bad id"),
]


@pytest.mark.parametrize(("attributes", "fields"), SHAPE)
async def test_malformed_attributes_are_refused_with_their_field(
    make: Make, execute: Any, org: Any, *, admin: models.User, attributes: dict[str, Any], fields: dict[str, str]
) -> None:
    component = await accountability_component(make)

    body = await execute(
        CREATE, {"c": str(component.id), "input": {"attributes": attributes}}, organization=org, viewer=as_admin(admin)
    )

    assert body["data"] == {"component": {"createResult": None}}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert error_fields(body) == fields
    assert await results_count(make) == 0


async def test_references_must_belong_to_the_component_its_space_or_organization(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    process = await make.process()
    component = await accountability_component(make, space=process)
    elsewhere = await accountability_component(make)
    foreign_status = await status(make, component=elsewhere)
    foreign_parent = await result(make, component=elsewhere)
    deleted_parent = await result(make, component=component, deleted_at=NOW)
    await result(make, component=component, external_id="TAKEN")
    other_space_proposal = await make.proposal()
    hidden_proposal = await make.proposal(component=await make.component(space=process), hidden_at=NOW)
    foreign_category = await make.category()
    foreign_scope = await make.scope(organization=await make.organization())
    attributes = {
        "title": "T",
        "statusId": str(foreign_status.id),
        "parentId": str(foreign_parent.id),
        "externalId": "TAKEN",
        "proposalIds": [str(other_space_proposal.id), str(hidden_proposal.id)],
        "categoryId": str(foreign_category.id),
        "scopeId": str(foreign_scope.id),
    }

    body = await execute(
        CREATE, {"c": str(component.id), "input": {"attributes": attributes}}, organization=org, viewer=as_admin(admin)
    )
    deleted = await execute(
        CREATE,
        {"c": str(component.id), "input": {"attributes": {"title": "T", "parentId": str(deleted_parent.id)}}},
        organization=org,
        viewer=as_admin(admin),
    )

    listed = ", ".join(str(i) for i in sorted([other_space_proposal.id, hidden_proposal.id]))
    assert error_fields(body) == {
        "attributes.statusId": "not a status of this component",
        "attributes.parentId": "not a result of this component",
        "attributes.externalId": "already used by another result of this component",
        "attributes.proposalIds": f"not visible proposals of this participatory space: {listed}",
        "attributes.categoryId": "not a category of this participatory space",
        "attributes.scopeId": "not a scope of this organization",
    }
    assert error_fields(deleted) == {"attributes.parentId": "not a result of this component"}
    assert await results_count(make) == 3


@pytest.mark.parametrize("target", ["itself", "a descendant"])
async def test_a_result_cannot_move_under_itself_or_its_descendants(
    make: Make, execute: Any, org: Any, admin: models.User, target: str
) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component)
    child = await result(make, component=component, parent=row)
    grandchild = await result(make, component=component, parent=child)
    parent = row if target == "itself" else grandchild

    body = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"parentId": str(parent.id)}}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert error_fields(body) == {"attributes.parentId": "cannot be the result itself or one of its descendants"}


async def test_an_update_keeps_dates_in_order_with_what_is_stored(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    from datetime import date

    component = await accountability_component(make)
    row = await result(make, component=component, start_date=date(2026, 6, 1))

    body = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"endDate": "2026-05-31"}}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert error_fields(body) == {"attributes.endDate": "must be on or after startDate"}


async def test_an_update_may_keep_its_own_external_id_but_not_clear_the_title(
    make: Make, execute: Any, org: Any, admin: models.User
) -> None:
    component = await accountability_component(make)
    row = await result(make, component=component, external_id="MINE")

    kept = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"externalId": "MINE"}}},
        organization=org,
        viewer=as_admin(admin),
    )
    cleared = await execute(
        UPDATE,
        {"c": str(component.id), "id": str(row.id), "input": {"attributes": {"title": None}}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert "errors" not in kept, kept
    assert error_fields(cleared) == {"attributes.title": "required, in at least one locale"}
