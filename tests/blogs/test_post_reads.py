"""``Blogs.posts`` and ``post(id)``: Decidim's fields, ``PostFilter`` and ``PostSort``, keyset pages."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import models
from models.kinds import ResourceKind
from tests.blogs.conftest import blog, endorse, post
from tests.builders import Make, tr

POST = ResourceKind.POST.value

LIST = """
query($c: ID!, $filter: PostFilter, $order: PostSort, $first: Int, $after: String, $last: Int, $before: String) {
  component(id: $c) {
    ... on Blogs {
      posts(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {
        nodes { id }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        totalCount
      }
    }
  }
}
"""
ONE = """
query($c: ID!, $id: ID!) {
  component(id: $c) {
    __typename
    ... on Blogs {
      post(id: $id) {
        __typename id type title { translation(locale: "fr") } body { translation(locale: "en") }
        publishedAt createdAt official
        author { __typename nickname }
        endorsementsCount endorsements { nickname }
        attachments { title { translation(locale: "fr") } url }
        versionsCount versions { changeset }
        acceptsNewComments commentsHaveAlignment totalCommentsCount hasComments userAllowedToComment
      }
    }
  }
}
"""


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=UTC)


def ids(*rows: Any) -> list[dict[str, str]]:
    return [{"id": str(r.id)} for r in rows]


async def listed(execute: Any, org: Any, component: models.Component, **variables: Any) -> dict[str, Any]:
    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)
    assert "errors" not in body, body
    return body["data"]["component"]["posts"]  # type: ignore[no-any-return]


async def test_anonymous_visitor_reads_a_post_with_its_author_endorsements_and_attachments(
    make: Make, execute: Any, org: Any
) -> None:
    component = await blog(make)
    writer = await make.user(nickname="redaction")
    news = await post(
        make,
        component=component,
        author=writer,
        title=tr("Réunion publique", "Public meeting"),
        body=tr("Venez nombreux.", "Come along."),
        published_at=at("2026-01-10"),
        comments_count=2,
    )
    await endorse(make, post=news, author=await make.user(nickname="alix"))
    association = await make.group(nickname="velo")
    await endorse(make, post=news, author=await make.user(), group=association)
    await endorse(make, post=news, author=await make.user(blocked=True))
    await make.attachment(
        owner=news, attached_to_kind=POST, title=tr("Affiche"), url="https://files.example.org/affiche.pdf"
    )
    await make.save(
        models.Version(
            organization_id=news.organization_id,
            item_kind=POST,
            item_id=news.id,
            event="create",
            changeset={"title": [None, "Réunion publique"]},
        )
    )

    body = await execute(ONE, {"c": str(component.id), "id": str(news.id)}, organization=org)

    assert body["data"]["component"]["post"].pop("createdAt")
    assert body == {
        "data": {
            "component": {
                "__typename": "Blogs",
                "post": {
                    "__typename": "Post",
                    "id": str(news.id),
                    "type": "Decidim::Blogs::Post",
                    "title": {"translation": "Réunion publique"},
                    "body": {"translation": "Come along."},
                    "publishedAt": "2026-01-10T10:00:00+00:00",
                    "official": False,
                    "author": {"__typename": "User", "nickname": "@redaction"},
                    # The counter says 3; the blocked endorser is not shown.
                    "endorsementsCount": 3,
                    "endorsements": [{"nickname": "@alix"}, {"nickname": "@velo"}],
                    "attachments": [
                        {"title": {"translation": "Affiche"}, "url": "https://files.example.org/affiche.pdf"}
                    ],
                    "versionsCount": 1,
                    "versions": [{"changeset": {"title": [None, "Réunion publique"]}}],
                    "acceptsNewComments": True,
                    "commentsHaveAlignment": True,
                    "totalCommentsCount": 2,
                    "hasComments": True,
                    "userAllowedToComment": False,
                },
            }
        }
    }


@pytest.mark.parametrize(
    ("who", "expected"),
    [("organization", None), ("group", {"__typename": "UserGroup", "nickname": "@collectif"})],
)
async def test_organization_posts_have_no_author_and_group_posts_show_the_group(
    make: Make, execute: Any, org: Any, who: str, expected: Any
) -> None:
    component = await blog(make)
    if who == "organization":
        news = await post(make, component=component)
    else:
        group = await make.group(nickname="collectif")
        news = await post(make, component=component, author=await make.user(), user_group_id=group.id)

    body = await execute(ONE, {"c": str(component.id), "id": str(news.id)}, organization=org)

    found = body["data"]["component"]["post"]
    assert (found["author"], found["official"]) == (expected, who == "organization")


async def test_posts_come_in_id_order_by_keyset_pages_both_ways(make: Make, execute: Any, org: Any) -> None:
    component = await blog(make)
    rows = [await post(make, component=component) for _ in range(5)]
    await post(make, component=await blog(make))

    first = await listed(execute, org, component, first=2)
    second = await listed(execute, org, component, first=2, after=first["pageInfo"]["endCursor"])
    back = await listed(execute, org, component, last=2, before=second["pageInfo"]["startCursor"])

    assert (first["nodes"], first["pageInfo"]["hasNextPage"], first["totalCount"]) == (ids(*rows[:2]), True, 5)
    assert (second["nodes"], second["pageInfo"]["hasPreviousPage"]) == (ids(*rows[2:4]), True)
    assert back["nodes"] == ids(*rows[:2])


async def test_posts_filter_on_creation_update_and_publication_days(make: Make, execute: Any, org: Any) -> None:
    component = await blog(make)
    old = await post(make, component=component, published_at=at("2025-12-01"))
    new = await post(make, component=component, published_at=at("2026-01-10"))
    for row, day in ((old, "2025-11-30"), (new, "2026-01-09")):
        async with make.sessionmaker() as session:
            stored = await session.get(models.Post, row.id)
            stored.created_at = at(day)  # type: ignore[union-attr]
            stored.updated_at = at(day)  # type: ignore[union-attr]
            await session.commit()

    cases = {
        "createdBefore": ({"createdBefore": "2026-01-09"}, ids(old)),
        "createdSince": ({"createdSince": "2026-01-09"}, ids(new)),
        "updatedBefore": ({"updatedBefore": "2025-12-31"}, ids(old)),
        "updatedSince": ({"updatedSince": "2025-11-30"}, ids(old, new)),
        "publishedSince": ({"publishedSince": "2026-01-10"}, ids(new)),
        "publishedBefore": ({"publishedBefore": "2026-01-10"}, ids(old)),
    }
    for name, (filter_, expected) in cases.items():
        found = await listed(execute, org, component, filter=filter_)
        assert (name, found["nodes"], found["totalCount"]) == (name, expected, len(expected))


async def test_posts_sort_by_endorsements_then_id_and_by_time(make: Make, execute: Any, org: Any) -> None:
    component = await blog(make)
    quiet = await post(make, component=component, published_at=at("2026-01-03"))
    popular = await post(make, component=component, endorsements_count=5, published_at=at("2026-01-01"))
    liked = await post(make, component=component, endorsements_count=2, published_at=at("2026-01-02"))

    by_endorsements = await listed(execute, org, component, order={"endorsementCount": "DESC"}, first=2)
    rest = await listed(
        execute, org, component, order={"endorsementCount": "DESC"}, after=by_endorsements["pageInfo"]["endCursor"]
    )
    by_publication = await listed(execute, org, component, order={"publishedAt": "desc"})
    by_creation = await listed(execute, org, component, order={"createdAt": "DESC"}, first=1)
    after_creation = await listed(
        execute, org, component, order={"createdAt": "DESC"}, after=by_creation["pageInfo"]["endCursor"]
    )

    assert by_endorsements["nodes"] + rest["nodes"] == ids(popular, liked, quiet)
    assert by_publication["nodes"] == ids(quiet, liked, popular)
    assert by_creation["nodes"] + after_creation["nodes"] == ids(liked, popular, quiet)


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"order": {"createdAt": "newest"}}, "order.createdAt"),
        ({"order": {"endorsementCount": "up"}}, "order.endorsementCount"),
        ({"filter": {"createdBefore": "10/01/2026"}}, "filter.createdBefore"),
        ({"filter": {"updatedSince": "2026-13-01"}}, "filter.updatedSince"),
        ({"after": "garbage"}, "after"),
        ({"first": 51}, "first"),
    ],
)
async def test_bad_post_list_arguments_are_the_clients_mistake(
    make: Make, execute: Any, org: Any, variables: dict[str, Any], field: str
) -> None:
    component = await blog(make)

    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)

    assert [(e["extensions"]["code"], list(e["extensions"]["fields"])) for e in body["errors"]] == [
        ("BAD_USER_INPUT", [field])
    ]
