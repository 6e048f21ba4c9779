"""Importing proposals from CSV or JSON: every row checked first, all or nothing, idempotent by external_id."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from sqlalchemy import func, select

import models
from tests.builders import Make, tr
from tests.restitution.conftest import codes, role, writer

IMPORT = """
mutation($c: ID!, $format: ImportFormat!, $content: String!) {
  importProposals(componentId: $c, format: $format, content: $content) { createdIds unchangedCount }
}
"""

HEADER = "external_id,title/fr,title/en,body/fr,body/en,category,scope,author\n"


async def _count(make: Make, component: models.Component) -> int:
    async with make.sessionmaker() as session:
        p = models.Proposal
        return int(await session.scalar(select(func.count()).where(p.component_id == component.id)) or 0)


@pytest.fixture
async def setup(make: Make, org: models.Organization) -> dict[str, Any]:
    process = await make.process()
    component = await make.component(space=process)
    await make.category(space=process, name=tr("Mobilités", "Transport"))
    await make.scope(code="44109", name=tr("Nantes"))
    await make.user(nickname="camille")
    admin = writer(await make.user(admin=True))
    return {"process": process, "component": component, "admin": admin, "org": org}


def _csv(*rows: str) -> str:
    return HEADER + "".join(row + "\n" for row in rows)


GOOD = _csv(
    "ext-1,Plus de pistes cyclables,More cycle lanes,Sur le pont,On the bridge,Mobilités,44109,camille",
    "ext-2,Des bancs au parc,,Pour se reposer,,,,",
)


async def test_admin_imports_a_csv_file_and_a_second_import_creates_nothing(
    make: Make, execute: Any, setup: dict[str, Any]
) -> None:
    component, org, admin = setup["component"], setup["org"], setup["admin"]
    variables = {"c": str(component.id), "format": "CSV", "content": GOOD}

    first = await execute(IMPORT, variables, organization=org, viewer=admin)
    assert len(first["data"]["importProposals"]["createdIds"]) == 2, first
    assert first["data"]["importProposals"]["unchangedCount"] == 0

    second = await execute(IMPORT, variables, organization=org, viewer=admin)
    assert second == {"data": {"importProposals": {"createdIds": [], "unchangedCount": 2}}}
    assert await _count(make, component) == 2

    query = """query($id: ID!) { node(id: $id) { ... on Proposal {
      title { translation(locale: "en") } official category { name { translation(locale: "fr") } }
      scope { id } author { nickname } } } }"""
    created = first["data"]["importProposals"]["createdIds"]
    by_author = await execute(query, {"id": created[0]}, organization=org)
    assert by_author["data"]["node"]["title"] == {"translation": "More cycle lanes"}
    assert by_author["data"]["node"]["official"] is False
    assert by_author["data"]["node"]["author"] == {"nickname": "@camille"}
    assert by_author["data"]["node"]["category"] == {"name": {"translation": "Mobilités"}}
    official = await execute(query, {"id": created[1]}, organization=org)
    assert official["data"]["node"]["official"] is True


async def test_one_invalid_row_imports_nothing_and_every_error_is_reported(
    make: Make, execute: Any, setup: dict[str, Any]
) -> None:
    component, org, admin = setup["component"], setup["org"], setup["admin"]
    content = _csv(
        "ext-1,Plus de pistes cyclables,,Sur le pont,,,,",
        f"ext-2,Trop long,,{'x' * 10_001},,,,",
        ",Sans identifiant,,Texte,,,,",
        "ext-4,Catégorie inconnue,,Texte,,Loisirs,99999,personne",
        "ext-1,Doublon,,Texte,,,,",
    )

    body = await execute(
        IMPORT, {"c": str(component.id), "format": "CSV", "content": content}, organization=org, viewer=admin
    )

    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["fields"] == {
        "line 3, column body/fr": "too long (at most 10000 characters)",
        "line 4, column external_id": "required",
        "line 5, column author": "no active participant has this nickname",
        "line 5, column category": "no category of this participatory space has this name",
        "line 5, column scope": "no scope has this code",
        "line 6, column external_id": "already used on line 2",
    }
    assert "line 3, column body/fr: too long" in body["errors"][0]["message"]
    assert await _count(make, component) == 0


async def test_json_import_and_missing_title(make: Make, execute: Any, setup: dict[str, Any]) -> None:
    component, org, admin = setup["component"], setup["org"], setup["admin"]
    items = [
        {"external_id": "j-1", "title/fr": "Un jardin partagé", "body/fr": "Rue des Lilas", "scope": "44109"},
        {"external_id": "j-2", "body/fr": "Sans titre"},
    ]
    variables = {"c": str(component.id), "format": "JSON", "content": orjson.dumps(items).decode()}
    body = await execute(IMPORT, variables, organization=org, viewer=admin)
    assert body["errors"][0]["extensions"]["fields"] == {
        "line 2, column title/fr": "a title is required in at least one language"
    }
    assert await _count(make, component) == 0

    variables["content"] = orjson.dumps(items[:1]).decode()
    ok = await execute(IMPORT, variables, organization=org, viewer=admin)
    assert len(ok["data"]["importProposals"]["createdIds"]) == 1


@pytest.mark.parametrize(
    ("who", "denied"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("participant", "FORBIDDEN"),
        ("evaluator", "FORBIDDEN"),
        ("moderator", "FORBIDDEN"),
        ("space_admin", None),
        ("organization_admin", None),
    ],
)
async def test_import_permission(make: Make, execute: Any, setup: dict[str, Any], who: str, denied: str | None) -> None:
    component, org = setup["component"], setup["org"]
    viewer: Any = None
    if who == "organization_admin":
        viewer = setup["admin"]
    elif who != "anonymous":
        user = await make.user()
        if who != "participant":
            name = {"space_admin": "admin"}.get(who, who)
            await role(make, user=user, space=setup["process"], name=name)
        viewer = writer(user)
    kwargs = {"viewer": viewer} if viewer is not None else {}

    body = await execute(IMPORT, {"c": str(component.id), "format": "CSV", "content": GOOD}, organization=org, **kwargs)

    if denied is None:
        assert len(body["data"]["importProposals"]["createdIds"]) == 2
    else:
        assert codes(body) == [denied]
        assert await _count(make, component) == 0
