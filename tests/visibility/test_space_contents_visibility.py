"""What hangs on a hidden process (steps, categories, attachments, folders, links) is hidden too."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer

HIDDEN_STATES = {"unpublished": {"published_at": None}, "private": {"private_space": True}}

NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


async def contents(make: Any, process: Any) -> list[Any]:
    step = await make.step(process=process)
    category = await make.category(space=process)
    subcategory = await make.category(space=process, parent_id=category.id)
    collection = await make.collection(owner=process)
    attachment = await make.attachment(owner=process, collection_id=collection.id)
    return [step, category, subcategory, collection, attachment]


def typed(rows: list[Any]) -> list[dict[str, str]]:
    # the GraphQL type names are the model names (ParticipatoryProcessStep, Category...)
    return [{"__typename": type(r).__name__, "id": str(r.id)} for r in rows]


@pytest.mark.parametrize("state", list(HIDDEN_STATES))
async def test_anonymous_visitor_never_reaches_the_contents_of_a_hidden_process(
    make: Any, gql: Any, state: str
) -> None:
    process = await make.process(**HIDDEN_STATES[state])
    rows = await contents(make, process)

    body = await gql(NODES, {"ids": [str(r.id) for r in rows]})

    assert body == {"data": {"nodes": [None] * len(rows)}}


async def test_anonymous_visitor_reaches_the_contents_of_a_visible_process(make: Any, gql: Any) -> None:
    rows = await contents(make, await make.process())

    body = await gql(NODES, {"ids": [str(r.id) for r in rows]})

    assert body == {"data": {"nodes": typed(rows)}}


async def test_member_reaches_the_contents_of_their_private_process(make: Any, execute: Any) -> None:
    process = await make.process(private_space=True)
    rows = await contents(make, process)
    member = await make.user()
    await make.private_member(space=process, user=member)

    body = await execute(
        NODES, {"ids": [str(r.id) for r in rows]}, organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == {"data": {"nodes": typed(rows)}}


@pytest.mark.parametrize("state", list(HIDDEN_STATES))
async def test_organization_admin_reaches_the_contents_of_a_hidden_process(make: Any, execute: Any, state: str) -> None:
    process = await make.process(**HIDDEN_STATES[state])
    rows = await contents(make, process)

    body = await execute(
        NODES,
        {"ids": [str(r.id) for r in rows]},
        organization=await make.org(None),
        viewer=Viewer(organization_admin=True),
    )

    assert body == {"data": {"nodes": typed(rows)}}


LINKS = """
query($id: ID) {
  participatoryProcess(id: $id) {
    linkedParticipatorySpaces { id participatorySpace { id } }
  }
}
"""


@pytest.mark.parametrize("state", list(HIDDEN_STATES))
@pytest.mark.parametrize("direction", ["outgoing", "incoming"])
async def test_anonymous_visitor_never_sees_a_link_to_a_hidden_space(
    make: Any, gql: Any, state: str, direction: str
) -> None:
    visible = await make.process()
    hidden = await make.process(**HIDDEN_STATES[state])
    if direction == "outgoing":
        link = await make.link(source=visible, target=hidden)
    else:
        link = await make.link(source=hidden, target=visible)

    listed = await gql(LINKS, {"id": str(visible.id)})
    by_node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": str(link.id)})

    assert listed == {"data": {"participatoryProcess": {"linkedParticipatorySpaces": []}}}
    assert by_node == {"data": {"node": None}}


async def test_member_sees_a_link_to_their_private_space(make: Any, execute: Any) -> None:
    visible = await make.process()
    private = await make.process(private_space=True)
    link = await make.link(source=visible, target=private)
    member = await make.user()
    await make.private_member(space=private, user=member)

    body = await execute(
        LINKS, {"id": str(visible.id)}, organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "linkedParticipatorySpaces": [{"id": str(link.id), "participatorySpace": {"id": str(private.id)}}]
            }
        }
    }


async def test_anonymous_visitor_sees_a_link_between_visible_spaces_by_node(make: Any, gql: Any) -> None:
    source = await make.process()
    target = await make.process()
    link = await make.link(source=source, target=target)

    body = await gql(
        "query($id: ID!) { node(id: $id) { id ... on ParticipatorySpaceLink { participatorySpace { id } } } }",
        {"id": str(link.id)},
    )

    assert body == {"data": {"node": {"id": str(link.id), "participatorySpace": {"id": str(target.id)}}}}


async def test_hidden_processes_linked_from_a_visible_one_leave_the_visible_links(make: Any, gql: Any) -> None:
    visible = await make.process()
    public_target = await make.process()
    kept = await make.link(source=visible, target=public_target)
    await make.link(source=visible, target=await make.process(published_at=None))
    await make.link(source=await make.process(private_space=True), target=visible)

    body = await gql(LINKS, {"id": str(visible.id)})

    assert body == {
        "data": {
            "participatoryProcess": {
                "linkedParticipatorySpaces": [{"id": str(kept.id), "participatorySpace": {"id": str(public_target.id)}}]
            }
        }
    }
