"""Processes, assemblies, users and metrics: the files hold what an anonymous API client reads."""

from __future__ import annotations

from datetime import date
from typing import Any

import models
from models.kinds import SpaceKind
from models.metrics import ORGANIZATION_WIDE
from resolvers.open_data.base import Entity
from resolvers.open_data.people import METRICS, USERS
from resolvers.open_data.spaces import ASSEMBLIES, PROCESSES
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import Scope
from tests.builders import NOW, Make, tr


async def export(app: Any, entity: Entity, org: models.Organization) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = (await session.execute(entity.select(Scope(organization_id=org.id, viewer=ANONYMOUS)))).all()  # type: ignore[arg-type]
    names = [c.name for c in entity.columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


async def test_processes_file_lists_the_processes_the_api_lists(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    member = await make.user()
    shown = [await make.process(reference="PP-1"), await make.process()]
    private = await make.process(private_space=True)
    await make.private_member(space=private, user=member)
    await make.process(published_at=None)
    await make.process(organization=await make.organization())

    rows = await export(app, PROCESSES, org)
    api = await execute(
        '{ participatoryProcesses { id slug reference title { translation(locale: "fr") } } }', organization=org
    )

    listed = sorted(api["data"]["participatoryProcesses"], key=lambda p: int(p["id"]))
    assert [r["id"] for r in rows] == [int(p["id"]) for p in listed] == [p.id for p in shown]
    assert [(r["slug"], r["reference"], r["title"]["fr"]) for r in rows] == [
        (p["slug"], p["reference"], p["title"]["translation"]) for p in listed
    ]


async def test_assemblies_file_lists_public_and_transparent_assemblies_under_visible_parents(
    app: Any, make: Make, execute: Any
) -> None:
    org = await make.org(None)
    kind = await make.assembly_type()
    root = await make.assembly(assembly_type_id=kind.id, purpose_of_action=tr("Conseiller la ville."))
    child = await make.assembly(parent=root, twitter_handler="conseil")
    transparent = await make.assembly(private_space=True, is_transparent=True)
    closed = await make.assembly(private_space=True)
    under_closed = await make.assembly(parent=closed)
    unpublished = await make.assembly(published_at=None)
    under_unpublished = await make.assembly(parent=unpublished)
    other = await make.assembly(organization=await make.organization())
    never = [closed, under_closed, unpublished, under_unpublished, other]

    rows = await export(app, ASSEMBLIES, org)
    api = await execute(
        "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Assembly { id slug parentsPath isTransparent privateSpace "
        'twitterHandler purposeOfAction { translation(locale: "fr") } assemblyType { id } parent { id } } } }',
        {"ids": [str(a.id) for a in [root, child, transparent, *never]]},
        organization=org,
    )

    nodes = [n for n in api["data"]["nodes"] if n]
    assert [r["id"] for r in rows] == [int(n["id"]) for n in nodes] == [root.id, child.id, transparent.id]
    for row, node in zip(rows, nodes, strict=True):
        assert (row["slug"], row["parents_path"]) == (node["slug"], node["parentsPath"])
        assert (row["is_transparent"], row["private_space"]) == (node["isTransparent"], node["privateSpace"])
        assert row["twitter_handler"] == node["twitterHandler"]
        assert row["purpose_of_action"].get("fr") == (node["purposeOfAction"] or {}).get("translation")
        assert row["assembly_type_id"] == (int(node["assemblyType"]["id"]) if node["assemblyType"] else None)
        assert row["parent_id"] == (int(node["parent"]["id"]) if node["parent"] else None)


USERS_QUERY = """{ users {
  ... on User { id name nickname avatarUrl profilePath badge }
  ... on UserGroup { id name nickname avatarUrl profilePath badge }
} }"""


async def test_users_file_holds_public_profiles_only(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    alice = await make.user(nickname="alice", name="Alice", avatar_url="/uploads/alice.png", about="Secret bio")
    group = await make.group(nickname="collectif", name="Collectif", verified_at=NOW)
    unverified_group = await make.group(nickname="amis")
    hidden = [
        await make.user(confirmed_at=None),
        await make.user(blocked=True, blocked_at=NOW),
        await make.user(deleted_at=NOW),
        await make.group(blocked=True, blocked_at=NOW),
        await make.user(organization=await make.organization()),
    ]

    rows = await export(app, USERS, org)
    api = sorted((await execute(USERS_QUERY, organization=org))["data"]["users"], key=lambda u: int(u["id"]))

    assert [r["id"] for r in rows] == [int(u["id"]) for u in api] == [alice.id, group.id, unverified_group.id]
    for row, user in zip(rows, api, strict=True):
        assert (row["name"], "@" + row["nickname"]) == (user["name"], user["nickname"])
        assert (row["profile_path"], row["badge"]) == (user["profilePath"], user["badge"])
        assert (row["avatar_url"] or user["avatarUrl"]) == user["avatarUrl"]
    assert rows[0] | {"created_at": None} == {
        "id": alice.id,
        "kind": "user",
        "nickname": "alice",
        "name": "Alice",
        "avatar_url": "/uploads/alice.png",
        "profile_path": "/profiles/alice",
        "badge": "",
        "created_at": None,
    }
    assert (rows[1]["kind"], rows[1]["badge"]) == ("group", "verified")
    cells = {str(v) for r in rows for v in r.values()}
    assert not any("@" in c for c in cells)
    assert "Secret bio" not in cells
    assert not {h.id for h in hidden} & {r["id"] for r in rows}


async def test_metrics_file_holds_the_organization_and_visible_spaces_only(app: Any, make: Make) -> None:
    org = await make.org(None)
    other = await make.organization()
    public = await make.process()
    private = await make.process(private_space=True)
    assembly = await make.assembly()
    closed_assembly = await make.assembly(private_space=True)
    day = date(2026, 1, 14)

    async def metric(organization: models.Organization, kind: str, space_id: int, quantity: int) -> None:
        await make.save(
            models.MetricDay(
                organization_id=organization.id,
                name="proposals",
                space_kind=kind,
                space_id=space_id,
                day=day,
                quantity=quantity,
                cumulative=quantity * 10,
            )
        )

    await metric(org, ORGANIZATION_WIDE, 0, 1)
    await metric(org, SpaceKind.PARTICIPATORY_PROCESS, public.id, 2)
    await metric(org, SpaceKind.PARTICIPATORY_PROCESS, private.id, 3)
    await metric(org, SpaceKind.ASSEMBLY, assembly.id, 4)
    await metric(org, SpaceKind.ASSEMBLY, closed_assembly.id, 5)
    await metric(other, ORGANIZATION_WIDE, 0, 6)

    assert await export(app, METRICS, org) == [
        {"name": "proposals", "space_type": "", "space_id": None, "day": day, "quantity": 1, "cumulative": 10},
        {
            "name": "proposals",
            "space_type": "Decidim::ParticipatoryProcess",
            "space_id": public.id,
            "day": day,
            "quantity": 2,
            "cumulative": 20,
        },
        {
            "name": "proposals",
            "space_type": "Decidim::Assembly",
            "space_id": assembly.id,
            "day": day,
            "quantity": 4,
            "cumulative": 40,
        },
    ]
