"""Admin mutations on the organization's area types, areas, process groups and process types."""

from __future__ import annotations

from typing import Any

import pytest

import models
from tests.admin.conftest import Actors, error_of
from tests.admin.test_taxonomy_admin import DENIALS, count, logged

CREATE_AREA = """
mutation($attributes: AreaAttributes!) {
  createArea(attributes: $attributes) {
    name { translation(locale: "fr") }
    areaType { name { translation(locale: "fr") } }
  }
}
"""
CREATE_GROUP = """
mutation($attributes: ParticipatoryProcessGroupAttributes!) {
  createParticipatoryProcessGroup(attributes: $attributes) { title { translation(locale: "fr") } }
}
"""
UPDATE_TYPE = """
mutation($id: ID!, $attributes: ParticipatoryProcessTypeAttributes!) {
  updateParticipatoryProcessType(id: $id, attributes: $attributes) { title { translation(locale: "fr") } }
}
"""


async def test_organization_admin_creates_an_area_of_an_area_type(execute: Any, actors: Actors, make: Any) -> None:
    kind = await make.area_type(organization=actors.org)
    attributes = {"name": {"fr": "Pays de Retz"}, "areaTypeId": str(kind.id)}
    result = await execute(CREATE_AREA, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert result == {
        "data": {
            "createArea": {"name": {"translation": "Pays de Retz"}, "areaType": {"name": {"translation": "Territoire"}}}
        }
    }


async def test_an_area_type_of_another_organization_is_not_found(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    kind = await make.area_type(organization=actors.other_org)
    attributes = {"name": {"fr": "Pays de Retz"}, "areaTypeId": str(kind.id)}
    result = await execute(CREATE_AREA, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"areaTypeId": "not found"}}
    assert await count(app, models.Area) == 0


async def test_organization_admin_creates_a_process_group_and_logs_it(execute: Any, actors: Actors, app: Any) -> None:
    attributes = {"title": {"fr": "Mobilités 2026"}, "promoted": True}
    result = await execute(CREATE_GROUP, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert result == {"data": {"createParticipatoryProcessGroup": {"title": {"translation": "Mobilités 2026"}}}}
    assert await logged(app, "participatory_process_group.create") == 1


async def test_a_process_group_needs_a_title(execute: Any, actors: Actors, app: Any) -> None:
    result = await execute(
        CREATE_GROUP, {"attributes": {"promoted": None}}, organization=actors.org, viewer=actors.org_admin
    )
    assert error_of(result) == {"code": "BAD_USER_INPUT", "fields": {"title": "required", "promoted": "true or false"}}
    assert await count(app, models.ParticipatoryProcessGroup) == 0


@pytest.mark.parametrize("case", [("space_admin", DENIALS[0][1]), *DENIALS])
async def test_only_organization_admins_manage_areas_groups_and_types(
    execute: Any, actors: Actors, make: Any, app: Any, case: tuple[str, dict[str, Any]]
) -> None:
    who, expected = case
    viewer = getattr(actors, who)
    process_type = await make.process_type(organization=actors.org, title={"fr": "Avant"})
    area = await execute(CREATE_AREA, {"attributes": {"name": {"fr": "X"}}}, organization=actors.org, viewer=viewer)
    group = await execute(CREATE_GROUP, {"attributes": {"title": {"fr": "X"}}}, organization=actors.org, viewer=viewer)
    renamed = await execute(
        UPDATE_TYPE, {"id": str(process_type.id), "attributes": {"title": {"fr": "X"}}}, organization=actors.org,
        viewer=viewer,
    )  # fmt: skip
    assert [error_of(area), error_of(group), error_of(renamed)] == [expected] * 3
    assert (await count(app, models.Area), await count(app, models.ParticipatoryProcessGroup)) == (0, 0)


async def test_organization_admin_renames_a_process_type(execute: Any, actors: Actors, make: Any) -> None:
    process_type = await make.process_type(organization=actors.org)
    result = await execute(
        UPDATE_TYPE,
        {"id": str(process_type.id), "attributes": {"title": {"fr": "Budget participatif"}}},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert result == {"data": {"updateParticipatoryProcessType": {"title": {"translation": "Budget participatif"}}}}


async def test_another_organizations_admin_finds_no_process_type(execute: Any, actors: Actors, make: Any) -> None:
    process_type = await make.process_type(organization=actors.org)
    result = await execute(
        UPDATE_TYPE,
        {"id": str(process_type.id), "attributes": {"title": {"fr": "X"}}},
        organization=actors.other_org,
        viewer=actors.stranger_admin,
    )
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"id": "not found"}}
