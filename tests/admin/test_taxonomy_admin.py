"""Admin mutations on classification: a space's categories, the organization's scopes, areas and types."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

import models
from tests.admin.conftest import Actors, error_of

CREATE_CATEGORY = """
mutation($spaceId: ID!, $attributes: CategoryAttributes!) {
  createCategory(spaceId: $spaceId, attributes: $attributes) { name { translation(locale: "fr") } weight }
}
"""
UPDATE_CATEGORY = """
mutation($id: ID!, $attributes: CategoryAttributes!) {
  updateCategory(id: $id, attributes: $attributes) { name { translation(locale: "fr") } }
}
"""
DELETE_CATEGORY = "mutation($id: ID!) { deleteCategory(id: $id) }"
CREATE_SCOPE = """
mutation($attributes: ScopeAttributes!) {
  createScope(attributes: $attributes) { name { translation(locale: "fr") } code }
}
"""
UPDATE_SCOPE = (
    "mutation($id: ID!, $attributes: ScopeAttributes!) { updateScope(id: $id, attributes: $attributes) { code } }"
)
DENIALS = [
    ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
    ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
    ("anonymous", {"code": "UNAUTHENTICATED"}),
]


async def count(app: Any, model: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def logged(app: Any, action: str) -> int:
    async with app.state.sessionmaker() as session:
        found = select(func.count()).where(col(models.ActionLog.action) == action)
        return int(await session.scalar(found) or 0)


@pytest.mark.parametrize("who", ["org_admin", "space_admin"])
async def test_space_admins_create_a_category_and_a_subcategory(
    execute: Any, actors: Actors, app: Any, who: str
) -> None:
    viewer, sid = getattr(actors, who), str(actors.process.id)
    attributes = {"name": {"fr": "Mobilités"}, "weight": 2}
    result = await execute(
        CREATE_CATEGORY, {"spaceId": sid, "attributes": attributes}, organization=actors.org, viewer=viewer
    )
    assert result == {"data": {"createCategory": {"name": {"translation": "Mobilités"}, "weight": 2}}}
    async with app.state.sessionmaker() as session:
        parent = await session.scalar(select(models.Category))
    assert parent is not None
    child = {"name": {"fr": "Vélo"}, "parentId": str(parent.id)}
    result = await execute(
        CREATE_CATEGORY, {"spaceId": sid, "attributes": child}, organization=actors.org, viewer=viewer
    )
    assert result == {"data": {"createCategory": {"name": {"translation": "Vélo"}, "weight": 0}}}
    assert await logged(app, "category.create") == 2


async def test_a_subcategory_cannot_have_subcategories(execute: Any, actors: Actors, make: Any, app: Any) -> None:
    parent = await make.category(space=actors.process)
    child = await make.category(space=actors.process, parent_id=parent.id)
    attributes = {"name": {"fr": "Trop profond"}, "parentId": str(child.id)}
    result = await execute(
        CREATE_CATEGORY,
        {"spaceId": str(actors.process.id), "attributes": attributes},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert error_of(result) == {"code": "BAD_USER_INPUT", "fields": {"parentId": "must be a top-level category"}}
    assert await count(app, models.Category) == 2


async def test_a_parent_from_another_space_is_refused(execute: Any, actors: Actors, make: Any) -> None:
    elsewhere = await make.category(space=await make.process(organization=actors.org))
    attributes = {"name": {"fr": "Ailleurs"}, "parentId": str(elsewhere.id)}
    result = await execute(
        CREATE_CATEGORY,
        {"spaceId": str(actors.process.id), "attributes": attributes},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert error_of(result) == {"code": "BAD_USER_INPUT", "fields": {"parentId": "not a category of this space"}}


async def test_invalid_category_attributes_name_their_fields_and_write_nothing(
    execute: Any, actors: Actors, app: Any
) -> None:
    attributes = {"name": "Mobilités", "description": ["x"], "weight": -1}
    result = await execute(
        CREATE_CATEGORY,
        {"spaceId": str(actors.process.id), "attributes": attributes},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {
            "name": 'expected an object of texts by locale, e.g. {"fr": "…"}',
            "description": 'expected an object of texts by locale, e.g. {"fr": "…"}',
            "weight": "0 or more",
        },
    }
    assert await count(app, models.Category) == 0


@pytest.mark.parametrize("case", [("moderator", DENIALS[0][1]), *DENIALS])
async def test_others_may_not_touch_a_spaces_categories(
    execute: Any, actors: Actors, make: Any, app: Any, case: tuple[str, dict[str, Any]]
) -> None:
    who, expected = case
    category = await make.category(space=actors.process, name={"fr": "Avant"})
    viewer = getattr(actors, who)
    attributes = {"name": {"fr": "Nouvelle"}}
    created = await execute(
        CREATE_CATEGORY, {"spaceId": str(actors.process.id), "attributes": attributes}, organization=actors.org,
        viewer=viewer,
    )  # fmt: skip
    updated = await execute(
        UPDATE_CATEGORY, {"id": str(category.id), "attributes": attributes}, organization=actors.org, viewer=viewer
    )
    deleted = await execute(DELETE_CATEGORY, {"id": str(category.id)}, organization=actors.org, viewer=viewer)
    assert [error_of(created), error_of(updated), error_of(deleted)] == [expected] * 3
    async with app.state.sessionmaker() as session:
        assert [c.name for c in await session.scalars(select(models.Category))] == [{"fr": "Avant"}]


async def test_another_organizations_admin_finds_no_category(execute: Any, actors: Actors, make: Any) -> None:
    category = await make.category(space=actors.process)
    result = await execute(
        DELETE_CATEGORY, {"id": str(category.id)}, organization=actors.other_org, viewer=actors.stranger_admin
    )
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"id": "not found"}}


async def test_a_space_admin_renames_a_category(execute: Any, actors: Actors, make: Any) -> None:
    category = await make.category(space=actors.process)
    result = await execute(
        UPDATE_CATEGORY,
        {"id": str(category.id), "attributes": {"name": {"fr": "Renommée"}}},
        organization=actors.org,
        viewer=actors.space_admin,
    )
    assert result == {"data": {"updateCategory": {"name": {"translation": "Renommée"}}}}


async def test_a_category_used_by_a_proposal_is_not_deleted(execute: Any, actors: Actors, make: Any, app: Any) -> None:
    parent = await make.category(space=actors.process)
    child = await make.category(space=actors.process, parent_id=parent.id)
    await make.proposal(component=await make.component(space=actors.process), category_id=child.id)
    result = await execute(DELETE_CATEGORY, {"id": str(parent.id)}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "FORBIDDEN", "reason": "NOT_SAFE"}
    assert await count(app, models.Category) == 2


async def test_an_unused_category_is_deleted_with_its_subcategories(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    parent = await make.category(space=actors.process)
    await make.category(space=actors.process, parent_id=parent.id)
    result = await execute(DELETE_CATEGORY, {"id": str(parent.id)}, organization=actors.org, viewer=actors.space_admin)
    assert result == {"data": {"deleteCategory": str(parent.id)}}
    assert await count(app, models.Category) == 0
    assert await logged(app, "category.delete") == 1


async def test_organization_admin_creates_a_scope_under_a_parent(execute: Any, actors: Actors, make: Any) -> None:
    parent = await make.scope(organization=actors.org, code="44")
    attributes = {"name": {"fr": "Nantes"}, "code": "44109", "parentId": str(parent.id)}
    result = await execute(CREATE_SCOPE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert result == {"data": {"createScope": {"name": {"translation": "Nantes"}, "code": "44109"}}}


async def test_a_taken_scope_code_is_a_conflict_and_other_organizations_codes_are_not(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    await make.scope(organization=actors.org, code="44109")
    await make.scope(organization=actors.other_org, code="49007")
    taken = {"name": {"fr": "Doublon"}, "code": "44109"}
    result = await execute(CREATE_SCOPE, {"attributes": taken}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "CONFLICT", "fields": {"code": "taken"}}
    free = {"name": {"fr": "Angers"}, "code": "49007"}
    result = await execute(CREATE_SCOPE, {"attributes": free}, organization=actors.org, viewer=actors.org_admin)
    assert result["data"] == {"createScope": {"name": {"translation": "Angers"}, "code": "49007"}}
    assert await count(app, models.Scope) == 3


async def test_a_scope_parent_of_another_organization_is_not_found(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    foreign = await make.scope(organization=actors.other_org)
    attributes = {"name": {"fr": "Nantes"}, "parentId": str(foreign.id)}
    result = await execute(CREATE_SCOPE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"parentId": "not found"}}
    assert await count(app, models.Scope) == 1


async def test_a_scope_cannot_move_under_its_own_child(execute: Any, actors: Actors, make: Any) -> None:
    parent = await make.scope(organization=actors.org)
    child = await make.scope(organization=actors.org, parent_id=parent.id)
    result = await execute(
        UPDATE_SCOPE,
        {"id": str(parent.id), "attributes": {"parentId": str(child.id)}},
        organization=actors.org,
        viewer=actors.org_admin,
    )
    assert error_of(result) == {"code": "BAD_USER_INPUT", "fields": {"parentId": "within this scope"}}


async def test_invalid_scope_attributes_name_their_fields(execute: Any, actors: Actors, app: Any) -> None:
    attributes = {"name": {"fr": " "}, "code": "x" * 65}
    result = await execute(CREATE_SCOPE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {"name": "required", "code": "1 to 64 characters"},
    }
    assert await count(app, models.Scope) == 0


@pytest.mark.parametrize("case", [("space_admin", DENIALS[0][1]), *DENIALS])
async def test_only_organization_admins_manage_scopes(
    execute: Any, actors: Actors, make: Any, app: Any, case: tuple[str, dict[str, Any]]
) -> None:
    who, expected = case
    existing = await make.scope(organization=actors.org, code="44")
    viewer = getattr(actors, who)
    created = await execute(
        CREATE_SCOPE, {"attributes": {"name": {"fr": "Nantes"}}}, organization=actors.org, viewer=viewer
    )
    updated = await execute(
        UPDATE_SCOPE, {"id": str(existing.id), "attributes": {"code": "49"}}, organization=actors.org, viewer=viewer
    )
    assert [error_of(created), error_of(updated)] == [expected] * 2
    assert await count(app, models.Scope) == 1


async def test_another_organizations_admin_finds_no_scope(execute: Any, actors: Actors, make: Any) -> None:
    existing = await make.scope(organization=actors.org)
    result = await execute(
        UPDATE_SCOPE,
        {"id": str(existing.id), "attributes": {"code": "49"}},
        organization=actors.other_org,
        viewer=actors.stranger_admin,
    )
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"id": "not found"}}
