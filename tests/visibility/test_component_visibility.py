"""Unpublished components, and components of hidden processes, stay hidden on every path."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.builders import NOW

EVERY_PATH = """
query($space: ID, $component: ID!) {
  component(id: $component) { id }
  node(id: $component) { id }
  nodes(ids: [$component]) { id }
  participatoryProcess(id: $space) { components { id } stats { name value } }
}
"""


def variables(process: Any, component: Any) -> dict[str, str]:
    return {"space": str(process.id), "component": str(component.id)}


def seen(component: Any, *, stats: Any) -> dict[str, Any]:
    cid = {"id": str(component.id)}
    return {
        "data": {
            "component": cid,
            "node": cid,
            "nodes": [cid],
            "participatoryProcess": {"components": [cid], "stats": stats},
        }
    }


def hidden(*, space: Any) -> dict[str, Any]:
    return {"data": {"component": None, "node": None, "nodes": [None], "participatoryProcess": space}}


PROPOSALS_COUNT = [{"name": "proposals_components_count", "value": 1}]


async def test_anonymous_visitor_sees_a_published_component_of_a_visible_process(make: Any, gql: Any) -> None:
    process = await make.process()
    component = await make.component(space=process)

    body = await gql(EVERY_PATH, variables(process, component))

    assert body == seen(component, stats=PROPOSALS_COUNT)


async def test_anonymous_visitor_never_sees_an_unpublished_component(make: Any, gql: Any) -> None:
    process = await make.process()
    component = await make.component(space=process, published_at=None)

    body = await gql(EVERY_PATH, variables(process, component))

    assert body == hidden(space={"components": [], "stats": []})


async def test_member_of_a_private_process_does_not_see_its_unpublished_component(make: Any, execute: Any) -> None:
    process = await make.process(private_space=True)
    component = await make.component(space=process, published_at=None)
    member = await make.user()
    await make.private_member(space=process, user=member)

    body = await execute(
        EVERY_PATH, variables(process, component), organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == hidden(space={"components": [], "stats": []})


async def test_organization_admin_sees_an_unpublished_component_but_it_is_not_counted(make: Any, execute: Any) -> None:
    process = await make.process()
    component = await make.component(space=process, published_at=None)

    body = await execute(
        EVERY_PATH,
        variables(process, component),
        organization=await make.org(None),
        viewer=Viewer(organization_admin=True),
    )

    assert body == seen(component, stats=[])


@pytest.mark.parametrize("state", [{"published_at": None}, {"private_space": True}])
async def test_anonymous_visitor_never_sees_a_component_of_a_hidden_process(
    make: Any, gql: Any, state: dict[str, Any]
) -> None:
    process = await make.process(**state)
    component = await make.component(space=process)

    body = await gql(EVERY_PATH, variables(process, component))

    assert body == hidden(space=None)


async def test_member_sees_the_components_of_their_private_process(make: Any, execute: Any) -> None:
    process = await make.process(private_space=True)
    component = await make.component(space=process)
    member = await make.user()
    await make.private_member(space=process, user=member)

    body = await execute(
        EVERY_PATH, variables(process, component), organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == seen(component, stats=PROPOSALS_COUNT)


@pytest.mark.parametrize("state", [{"published_at": None}, {"private_space": True}])
async def test_organization_admin_sees_the_components_of_a_hidden_process(
    make: Any, execute: Any, state: dict[str, Any]
) -> None:
    process = await make.process(**state)
    component = await make.component(space=process)

    body = await execute(
        EVERY_PATH,
        variables(process, component),
        organization=await make.org(None),
        viewer=Viewer(organization_admin=True),
    )

    assert body == seen(component, stats=PROPOSALS_COUNT)


async def test_a_component_leads_to_its_space_only_when_the_component_is_visible(make: Any, gql: Any) -> None:
    process = await make.process()
    component = await make.component(space=process)

    body = await gql(
        "query($id: ID!) { component(id: $id) { participatorySpace { id components { id } } } }",
        {"id": str(component.id)},
    )

    assert body == {
        "data": {
            "component": {"participatorySpace": {"id": str(process.id), "components": [{"id": str(component.id)}]}}
        }
    }


@pytest.mark.parametrize("state", ["unpublished component", "unpublished process", "private process"])
async def test_anonymous_visitor_never_sees_attachments_of_a_hidden_component(make: Any, gql: Any, state: str) -> None:
    process = await make.process(
        published_at=None if state == "unpublished process" else NOW,
        private_space=state == "private process",
    )
    component = await make.component(space=process, published_at=None if state == "unpublished component" else NOW)
    attachment = await make.attachment(owner=component)

    body = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": str(attachment.id)})

    assert body == {"data": {"node": None}}


async def test_anonymous_visitor_sees_attachments_of_a_visible_component(make: Any, gql: Any) -> None:
    component = await make.component()
    attachment = await make.attachment(owner=component)

    body = await gql("query($id: ID!) { node(id: $id) { id ... on Attachment { url } } }", {"id": str(attachment.id)})

    assert body == {"data": {"node": {"id": str(attachment.id), "url": attachment.url}}}
