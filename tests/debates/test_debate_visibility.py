"""Who sees which debates, through every path: the list, ``debate(id)``, ``node(id)``, ``commentable``."""

from __future__ import annotations

from typing import Any

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.debates.conftest import DEBATE_TYPE, as_, as_admin, debates_component

THROUGH_COMPONENT = """
query($c: ID!, $d: ID!) {
  component(id: $c) { ... on Debates { debates { nodes { id } totalCount } debate(id: $d) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
COMMENTABLE = (
    'query($id: String!) { commentable(id: $id, type: "Decidim::Debates::Debate", locale: "fr", '
    "toggleTranslations: false) { __typename id } }"
)


async def _seen(execute: Any, org: Any, debate: models.Debate, **kw: Any) -> dict[str, Any]:
    through = await execute(
        THROUGH_COMPONENT, {"c": str(debate.component_id), "d": str(debate.id)}, organization=org, **kw
    )
    node = await execute(NODE, {"id": str(debate.id)}, organization=org, **kw)
    assert "errors" not in through, through
    assert "errors" not in node, node
    return {"component": through["data"]["component"], "node": node["data"]["node"]}


def _everywhere(debate: models.Debate) -> dict[str, Any]:
    return {
        "component": {
            "debates": {"nodes": [{"id": str(debate.id)}], "totalCount": 1},
            "debate": {"id": str(debate.id)},
        },
        "node": {"__typename": "Debate", "id": str(debate.id)},
    }


NOWHERE_IN_COMPONENT = {"component": {"debates": {"nodes": [], "totalCount": 0}, "debate": None}, "node": None}


async def test_anonymous_visitor_sees_a_debate_everywhere(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate()

    assert await _seen(execute, org, debate) == _everywhere(debate)
    body = await execute(COMMENTABLE, {"id": str(debate.id)}, organization=org)
    assert body == {"data": {"commentable": {"__typename": "Debate", "id": str(debate.id)}}}


async def test_a_debate_hidden_by_moderation_is_invisible_to_everyone(make: Make, execute: Any) -> None:
    org = await make.org(None)
    author = await make.user()
    admin = await make.user(admin=True)
    debate = await make.debate(author=author, hidden_at=NOW)

    for viewer in (Viewer(), as_(author), as_admin(admin)):
        assert await _seen(execute, org, debate, viewer=viewer) == NOWHERE_IN_COMPONENT
    body = await execute(COMMENTABLE, {"id": str(debate.id)}, organization=org)
    assert body["data"] == {"commentable": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_debates_of_an_unpublished_component_are_for_admins_only(make: Make, execute: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)
    component = await debates_component(make, published_at=None)
    debate = await make.debate(component=component)

    body = await execute(THROUGH_COMPONENT, {"c": str(component.id), "d": str(debate.id)}, organization=org)
    assert body == {"data": {"component": None}}
    node = await execute(NODE, {"id": str(debate.id)}, organization=org)
    assert node == {"data": {"node": None}}
    assert await _seen(execute, org, debate, viewer=as_admin(admin)) == _everywhere(debate)


async def test_debates_of_an_unpublished_space_are_invisible(make: Make, execute: Any) -> None:
    org = await make.org(None)
    process = await make.process(published_at=None)
    debate = await make.debate(component=await debates_component(make, space=process))

    node = await execute(NODE, {"id": str(debate.id)}, organization=org)

    assert node == {"data": {"node": None}}


async def test_another_organizations_debate_does_not_exist_here(make: Make, execute: Any) -> None:
    here = await make.org(None)
    elsewhere = await make.organization()
    process = await make.process(organization=elsewhere)
    debate = await make.debate(component=await debates_component(make, space=process))

    node = await execute(NODE, {"id": str(debate.id)}, organization=here)
    assert node == {"data": {"node": None}}
    body = await execute(COMMENTABLE, {"id": str(debate.id)}, organization=here)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert await _seen(execute, elsewhere, debate) == _everywhere(debate)


async def test_a_debates_component_is_typed_debates_through_node(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)

    body = await execute(NODE, {"id": str(component.id)}, organization=org)

    assert body == {"data": {"node": {"__typename": "Debates", "id": str(component.id)}}}
    assert DEBATE_TYPE == "Decidim::Debates::Debate"
