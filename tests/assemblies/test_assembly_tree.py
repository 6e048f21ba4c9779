"""The tree of assemblies: parent, children, childrenCount, and why a hidden parent hides its children."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.viewer import Viewer

TREE = """
query($id: ID) {
  assembly(id: $id) { id parent { id } childrenCount children { id childrenCount children { id } } }
}
"""

EVERY_PATH = """
query($id: ID!) {
  assemblies { id }
  assembly(id: $id) { id }
  node(id: $id) { id }
}
"""


async def test_children_come_by_weight_with_their_own_children(make: Any, gql: Any) -> None:
    root = await make.assembly()
    second = await make.assembly(parent=root, weight=2)
    first = await make.assembly(parent=root, weight=1)
    grandchild = await make.assembly(parent=first)

    body = await gql(TREE, {"id": str(root.id)})

    assert body == {
        "data": {
            "assembly": {
                "id": str(root.id),
                "parent": None,
                "childrenCount": 2,
                "children": [
                    {"id": str(first.id), "childrenCount": 1, "children": [{"id": str(grandchild.id)}]},
                    {"id": str(second.id), "childrenCount": 0, "children": []},
                ],
            }
        }
    }


async def test_a_child_names_its_parent(make: Any, gql: Any) -> None:
    root = await make.assembly()
    child = await make.assembly(parent=root)

    body = await gql(TREE, {"id": str(child.id)})

    assert body == {
        "data": {"assembly": {"id": str(child.id), "parent": {"id": str(root.id)}, "childrenCount": 0, "children": []}}
    }


@pytest.mark.parametrize(
    "state",
    [{"published_at": None}, {"private_space": True}],
    ids=["unpublished", "private"],
)
async def test_children_the_viewer_may_not_see_are_neither_listed_nor_counted(
    make: Any, gql: Any, state: dict[str, Any]
) -> None:
    root = await make.assembly()
    shown = await make.assembly(parent=root)
    await make.assembly(parent=root, **state)

    body = await gql(TREE, {"id": str(root.id)})

    assert body["data"]["assembly"]["childrenCount"] == 1
    assert body["data"]["assembly"]["children"] == [{"id": str(shown.id), "childrenCount": 0, "children": []}]


@pytest.mark.parametrize(
    "state", [{"published_at": None}, {"private_space": True}], ids=["unpublished parent", "private parent"]
)
async def test_a_hidden_parent_hides_its_public_descendants_from_outsiders(
    make: Any, execute: Any, state: dict[str, Any]
) -> None:
    parent = await make.assembly(**state)
    child = await make.assembly(parent=parent)
    grandchild = await make.assembly(parent=child)
    outsider = await make.user()
    org = await make.org(None)

    for pk in (child.id, grandchild.id):
        body = await execute(EVERY_PATH, {"id": str(pk)}, organization=org, viewer=Viewer(user_id=outsider.id))
        assert body == {"data": {"assemblies": [], "assembly": None, "node": None}}


async def test_a_member_of_a_private_parent_sees_its_public_children(make: Any, execute: Any) -> None:
    parent = await make.assembly(private_space=True)
    child = await make.assembly(parent=parent)
    member = await make.user()
    await make.assembly_member(assembly=parent, user=member)

    body = await execute(
        TREE, {"id": str(child.id)}, organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == {
        "data": {
            "assembly": {"id": str(child.id), "parent": {"id": str(parent.id)}, "childrenCount": 0, "children": []}
        }
    }


async def test_membership_of_a_child_alone_does_not_open_a_private_parent(make: Any, execute: Any) -> None:
    parent = await make.assembly(private_space=True)
    child = await make.assembly(parent=parent, private_space=True)
    member = await make.user()
    await make.assembly_member(assembly=child, user=member)

    body = await execute(
        EVERY_PATH, {"id": str(child.id)}, organization=await make.org(None), viewer=Viewer(user_id=member.id)
    )

    assert body == {"data": {"assemblies": [], "assembly": None, "node": None}}


async def test_a_transparent_parent_lets_everyone_see_its_public_children(make: Any, gql: Any) -> None:
    parent = await make.assembly(private_space=True, is_transparent=True)
    child = await make.assembly(parent=parent)

    body = await gql(TREE, {"id": str(child.id)})

    assert body == {
        "data": {
            "assembly": {"id": str(child.id), "parent": {"id": str(parent.id)}, "childrenCount": 0, "children": []}
        }
    }


async def test_organization_admin_sees_the_whole_tree(make: Any, execute: Any) -> None:
    root = await make.assembly(private_space=True)
    draft = await make.assembly(parent=root, published_at=None)
    private = await make.assembly(parent=draft, private_space=True)

    body = await execute(
        TREE, {"id": str(root.id)}, organization=await make.org(None), viewer=Viewer(organization_admin=True)
    )

    assert body == {
        "data": {
            "assembly": {
                "id": str(root.id),
                "parent": None,
                "childrenCount": 1,
                "children": [{"id": str(draft.id), "childrenCount": 1, "children": [{"id": str(private.id)}]}],
            }
        }
    }
