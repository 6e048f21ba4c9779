"""Posts are commentable, through Decidim's own comment mutations and reads."""

from __future__ import annotations

from typing import Any

import models
from tests.blogs.conftest import as_, in_days, post
from tests.builders import Make

POST_TYPE = "Decidim::Blogs::Post"

ADD = """
mutation($id: String!) {
  commentable(id: $id, type: "Decidim::Blogs::Post") { addComment(body: "Merci pour l'information", alignment: 1) {
    id body alignment author { nickname } } }
}
"""
THREAD = """
query($id: String!) {
  commentable(id: $id, type: "Decidim::Blogs::Post", locale: "fr", toggleTranslations: false) {
    __typename id type totalCommentsCount ... on Post { title { translation(locale: "fr") } comments { body } }
  }
}
"""


async def reload(make: Make, row: Any) -> Any:
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)


async def test_participant_comments_a_post_and_reads_it_back(make: Make, execute: Any, org: Any) -> None:
    news = await post(make)
    camille = await make.user(nickname="camille")

    added = await execute(ADD, {"id": str(news.id)}, organization=org, viewer=as_(camille))
    thread = await execute(THREAD, {"id": str(news.id)}, organization=org)

    comment = added["data"]["commentable"]["addComment"]
    assert comment == {
        "id": comment["id"],
        "body": "Merci pour l'information",
        "alignment": 1,
        "author": {"nickname": "@camille"},
    }
    assert thread == {
        "data": {
            "commentable": {
                "__typename": "Post",
                "id": str(news.id),
                "type": POST_TYPE,
                "totalCommentsCount": 1,
                "title": {"translation": news.title["fr"]},
                "comments": [{"body": "Merci pour l'information"}],
            }
        }
    }
    stored = await reload(make, models.Comment(id=int(comment["id"])))
    assert (stored.root_kind, stored.root_id) == ("post", news.id)
    assert (await reload(make, news)).comments_count == 1


async def test_a_scheduled_post_cannot_be_commented_yet(make: Make, execute: Any, org: Any) -> None:
    news = await post(make, published_at=in_days(1))

    body = await execute(ADD, {"id": str(news.id)}, organization=org, viewer=as_(await make.user()))

    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]
    assert (await reload(make, news)).comments_count == 0
