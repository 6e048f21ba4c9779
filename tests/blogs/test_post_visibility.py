"""Who sees which posts, through every path: the list, ``post(id)``, ``node(id)``, ``commentable``."""

from __future__ import annotations

from typing import Any

import pytest

import models
from tests.blogs.conftest import as_, as_admin, blog, in_days, post
from tests.builders import NOW, Make

THROUGH_COMPONENT = """
query($c: ID!, $p: ID!) {
  component(id: $c) { ... on Blogs { posts { nodes { id } totalCount } post(id: $p) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
NOTHING = {"component": {"posts": {"nodes": [], "totalCount": 0}, "post": None}, "node": None}


async def _seen(execute: Any, org: Any, row: models.Post, **kw: Any) -> dict[str, Any]:
    through = await execute(THROUGH_COMPONENT, {"c": str(row.component_id), "p": str(row.id)}, organization=org, **kw)
    node = await execute(NODE, {"id": str(row.id)}, organization=org, **kw)
    return {"component": through["data"]["component"], "node": node["data"]["node"]}


def everywhere(row: models.Post) -> dict[str, Any]:
    return {
        "component": {"posts": {"nodes": [{"id": str(row.id)}], "totalCount": 1}, "post": {"id": str(row.id)}},
        "node": {"__typename": "Post", "id": str(row.id)},
    }


async def test_anonymous_visitor_sees_a_published_post_everywhere(make: Make, execute: Any, org: Any) -> None:
    row = await post(make, published_at=in_days(-1))

    assert await _seen(execute, org, row) == everywhere(row)


@pytest.mark.parametrize("viewer", ["anonymous", "participant", "author"])
async def test_a_scheduled_post_is_hidden_until_its_time_but_not_from_admins(
    make: Make, execute: Any, org: Any, viewer: str
) -> None:
    writer = await make.user()
    row = await post(make, author=writer, published_at=in_days(2))
    admin = await make.user(admin=True)
    who = {"anonymous": {}, "participant": {"viewer": as_(await make.user())}, "author": {"viewer": as_(writer)}}

    assert await _seen(execute, org, row, **who[viewer]) == NOTHING
    assert await _seen(execute, org, row, viewer=as_admin(admin)) == everywhere(row)


async def test_a_hidden_post_is_invisible_even_to_admins(make: Make, execute: Any, org: Any) -> None:
    row = await post(make, hidden_at=NOW)
    admin = await make.user(admin=True)

    assert await _seen(execute, org, row) == NOTHING
    assert await _seen(execute, org, row, viewer=as_admin(admin)) == NOTHING


async def test_posts_of_an_unpublished_blog_are_for_admins_only(make: Make, execute: Any, org: Any) -> None:
    row = await post(make, component=await blog(make, published_at=None))
    admin = await make.user(admin=True)

    assert await _seen(execute, org, row) == {"component": None, "node": None}
    assert await _seen(execute, org, row, viewer=as_admin(admin)) == everywhere(row)


async def test_posts_of_a_private_process_are_for_its_members(make: Make, execute: Any, org: Any) -> None:
    process = await make.process(private_space=True)
    row = await post(make, component=await blog(make, space=process))
    member = await make.user()
    await make.private_member(space=process, user=member)

    assert await _seen(execute, org, row) == {"component": None, "node": None}
    assert await _seen(execute, org, row, viewer=as_(member)) == everywhere(row)


async def test_another_organizations_posts_are_never_reachable(make: Make, execute: Any, org: Any) -> None:
    elsewhere = await make.organization()
    row = await post(make, component=await blog(make, space=await make.process(organization=elsewhere)))

    assert await _seen(execute, org, row) == {"component": None, "node": None}


async def test_attachments_of_a_scheduled_post_stay_hidden(make: Make, execute: Any, org: Any) -> None:
    row = await post(make, published_at=in_days(2))
    document = await make.attachment(owner=row, attached_to_kind="post")

    body = await execute(NODE, {"id": str(document.id)}, organization=org)

    assert body == {"data": {"node": None}}
