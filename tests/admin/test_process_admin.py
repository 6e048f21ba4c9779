"""Admin mutations on participatory processes: who may, and what is written."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

import models
from tests.admin.conftest import Actors, error_of

CREATE = """
mutation($attributes: ParticipatoryProcessAttributes!) {
  createParticipatoryProcess(attributes: $attributes) { slug title { translation(locale: "fr") } publishedAt }
}
"""
UPDATE = """
mutation($id: ID!, $attributes: ParticipatoryProcessAttributes!) {
  updateParticipatoryProcess(id: $id, attributes: $attributes) { slug subtitle { translation(locale: "fr") } }
}
"""
PUBLISH = "mutation($id: ID!) { publishParticipatoryProcess(id: $id) { slug published: publishedAt } }"
DELETE = "mutation($id: ID!) { deleteParticipatoryProcess(id: $id) }"


async def count(app: Any, model: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_organization_admin_creates_an_unpublished_process(execute: Any, actors: Actors, app: Any) -> None:
    attributes = {"slug": "mobilites", "title": {"fr": "Mobilités"}, "startDate": "2026-03-01"}
    result = await execute(CREATE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert result == {
        "data": {
            "createParticipatoryProcess": {
                "slug": "mobilites",
                "title": {"translation": "Mobilités"},
                "publishedAt": None,
            }
        }
    }
    async with app.state.sessionmaker() as session:
        log = await session.scalar(
            select(models.ActionLog).where(col(models.ActionLog.action) == "participatory_process.create")
        )
    assert log is not None


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("space_admin", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
        ("anonymous", {"code": "UNAUTHENTICATED"}),
    ],
)
async def test_only_organization_admins_create_processes(
    execute: Any, actors: Actors, app: Any, who: str, expected: dict[str, Any]
) -> None:
    before = await count(app, models.ParticipatoryProcess)
    attributes = {"slug": "mobilites", "title": {"fr": "Mobilités"}}
    result = await execute(CREATE, {"attributes": attributes}, organization=actors.org, viewer=getattr(actors, who))
    assert error_of(result) == expected
    assert await count(app, models.ParticipatoryProcess) == before


async def test_invalid_attributes_name_their_fields_and_write_nothing(execute: Any, actors: Actors, app: Any) -> None:
    before = await count(app, models.ParticipatoryProcess)
    attributes = {"slug": "Not A Slug", "title": "plain", "startDate": "2026-03-02", "endDate": "2026-03-01"}
    result = await execute(CREATE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {
            "slug": "lower-case letters, digits and dashes",
            "title": 'expected an object of texts by locale, e.g. {"fr": "…"}',
            "endDate": "before startDate",
        },
    }
    assert await count(app, models.ParticipatoryProcess) == before


async def test_a_taken_slug_is_a_conflict(execute: Any, actors: Actors) -> None:
    attributes = {"slug": "budget-2026", "title": {"fr": "Doublon"}}
    result = await execute(CREATE, {"attributes": attributes}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "CONFLICT", "fields": {"slug": "taken"}}


async def test_a_refused_mutation_in_a_batch_leaves_its_siblings_done(execute: Any, actors: Actors, app: Any) -> None:
    batch = """
    mutation {
      taken: createParticipatoryProcess(attributes: {slug: "budget-2026", title: {fr: "Doublon"}}) { slug }
      fresh: createParticipatoryProcess(attributes: {slug: "velo", title: {fr: "Vélo"}}) { slug }
    }
    """
    before = await count(app, models.ParticipatoryProcess)
    result = await execute(batch, organization=actors.org, viewer=actors.org_admin)
    assert result["data"] == {"taken": None, "fresh": {"slug": "velo"}}
    assert [e["extensions"]["code"] for e in result["errors"]] == ["CONFLICT"]
    assert await count(app, models.ParticipatoryProcess) == before + 1


@pytest.mark.parametrize("who", ["org_admin", "space_admin"])
async def test_admins_update_and_publish_a_process(execute: Any, actors: Actors, who: str) -> None:
    viewer, pid = getattr(actors, who), str(actors.process.id)
    result = await execute(
        UPDATE, {"id": pid, "attributes": {"subtitle": {"fr": "Sous-titre"}}}, organization=actors.org, viewer=viewer
    )
    assert result == {
        "data": {"updateParticipatoryProcess": {"slug": "budget-2026", "subtitle": {"translation": "Sous-titre"}}}
    }
    published = await execute(PUBLISH, {"id": pid}, organization=actors.org, viewer=viewer)
    assert published["data"]["publishParticipatoryProcess"]["published"] is not None


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("moderator", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
        ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
        ("anonymous", {"code": "UNAUTHENTICATED"}),
    ],
)
async def test_others_may_not_publish_a_process(
    execute: Any, actors: Actors, who: str, expected: dict[str, Any]
) -> None:
    result = await execute(
        PUBLISH, {"id": str(actors.process.id)}, organization=actors.org, viewer=getattr(actors, who)
    )
    assert error_of(result) == expected


async def test_another_organizations_admin_finds_no_process(execute: Any, actors: Actors) -> None:
    result = await execute(
        PUBLISH, {"id": str(actors.process.id)}, organization=actors.other_org, viewer=actors.stranger_admin
    )
    assert error_of(result) == {"code": "NOT_FOUND", "fields": {"spaceId": "not found"}}


async def test_a_process_with_published_components_is_not_deleted(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    await make.component(space=actors.process)
    result = await execute(DELETE, {"id": str(actors.process.id)}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "FORBIDDEN", "reason": "NOT_SAFE"}
    assert await count(app, models.ParticipatoryProcess) == 1


async def test_a_process_without_published_components_is_deleted(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    await make.component(space=actors.process, published_at=None)
    pid = str(actors.process.id)
    result = await execute(DELETE, {"id": pid}, organization=actors.org, viewer=actors.org_admin)
    assert result == {"data": {"deleteParticipatoryProcess": pid}}
    assert await count(app, models.ParticipatoryProcess) == 0
    assert await count(app, models.Component) == 0
