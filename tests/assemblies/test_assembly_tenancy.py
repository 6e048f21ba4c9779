"""Each organization sees only its own assemblies, types and their contents, whoever asks."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.builders import tr

OTHER_HOST = "other.test"

EVERYTHING = """
query($a: ID!, $t: ID!, $c: ID!, $ids: [ID!]!) {
  assemblies { slug title { translation(locale: "fr") } }
  assembly(id: $a) { id }
  assembliesTypes { title { translation(locale: "fr") } }
  assembliesType(id: $t) { id }
  component(id: $c) { id }
  nodes(ids: $ids) { id }
}
"""


async def tenant(make: Any, organization: Any) -> dict[str, Any]:
    """Same slug, same type name in each organization; returns the rows and the variables naming them."""
    name = organization.host.split(".")[0]
    kind = await make.assembly_type(organization=organization, title=tr(f"Conseil {name}"))
    assembly = await make.assembly(organization=organization, slug="conseil", title=tr(f"Conseil {name}"))
    child = await make.assembly(parent=assembly, slug="commission", title=tr(f"Commission {name}"))
    component = await make.component(space=assembly)
    category = await make.category(space=assembly)
    attachment = await make.attachment(owner=assembly)
    rows = [assembly, child, kind, component, category, attachment]
    return {
        "name": name,
        "variables": {
            "a": str(assembly.id),
            "t": str(kind.id),
            "c": str(component.id),
            "ids": [str(r.id) for r in rows],
        },
    }


def own(tenant: dict[str, Any]) -> dict[str, Any]:
    name, v = tenant["name"], tenant["variables"]
    return {
        "assemblies": [
            {"slug": "conseil", "title": {"translation": f"Conseil {name}"}},
            {"slug": "commission", "title": {"translation": f"Commission {name}"}},
        ],
        "assembly": {"id": v["a"]},
        "assembliesTypes": [{"title": {"translation": f"Conseil {name}"}}],
        "assembliesType": {"id": v["t"]},
        "component": {"id": v["c"]},
        "nodes": [{"id": pk} for pk in v["ids"]],
    }


def foreign(tenant: dict[str, Any], visitor: dict[str, Any]) -> dict[str, Any]:
    """What the visitor's organization answers when asked for the other tenant's ids."""
    seen = own(visitor)
    return {
        "assemblies": seen["assemblies"],
        "assembly": None,
        "assembliesTypes": seen["assembliesTypes"],
        "assembliesType": None,
        "component": None,
        "nodes": [None] * len(tenant["variables"]["ids"]),
    }


async def test_each_host_answers_with_its_own_assemblies_only(make: Any, gql: Any) -> None:
    here = await tenant(make, await make.org(None))
    there = await tenant(make, await make.organization(host=OTHER_HOST))

    assert await gql(EVERYTHING, here["variables"]) == {"data": own(here)}
    assert await gql(EVERYTHING, there["variables"], host=OTHER_HOST) == {"data": own(there)}
    assert await gql(EVERYTHING, there["variables"]) == {"data": foreign(there, here)}
    assert await gql(EVERYTHING, here["variables"], host=OTHER_HOST) == {"data": foreign(here, there)}


@pytest.mark.parametrize("role", ["admin", "member"])
async def test_admins_and_members_of_one_organization_see_nothing_private_of_another(
    make: Any, execute: Any, role: str
) -> None:
    here_org = await make.org(None)
    here = await tenant(make, here_org)
    there_org = await make.organization(host=OTHER_HOST)
    private = await make.assembly(organization=there_org, private_space=True)
    visitor = await make.user(organization=here_org)
    if role == "member":
        # A membership row naming another tenant's assembly (bad data) still opens nothing here.
        await make.assembly_member(assembly=private, user=visitor)
    viewer = Viewer(user_id=visitor.id, organization_admin=role == "admin")

    body = await execute(EVERYTHING, {**here["variables"], "a": str(private.id)}, organization=here_org, viewer=viewer)

    assert body["data"]["assembly"] is None
    assert body["data"]["assemblies"] == own(here)["assemblies"]
