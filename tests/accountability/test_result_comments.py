"""Results are commentable, through Decidim's own comment mutations and reads."""

from __future__ import annotations

from typing import Any

import models
from tests.accountability.conftest import accountability_component, as_, reload, result
from tests.builders import NOW, Make

RESULT_TYPE = "Decidim::Accountability::Result"

ADD = """
mutation($id: String!, $type: String!) {
  commentable(id: $id, type: $type) { addComment(body: "Quand commencent les travaux ?", alignment: 0) {
    id body author { nickname } } }
}
"""
THREAD = """
query($id: String!) {
  commentable(id: $id, type: "Decidim::Accountability::Result", locale: "fr", toggleTranslations: false) {
    __typename id type totalCommentsCount acceptsNewComments userAllowedToComment
    comments { body } ... on Result { title { translation(locale: "fr") } }
  }
}
"""


async def test_participant_comments_a_result_and_reads_it_back(make: Make, execute: Any, org: Any) -> None:
    row = await result(make, component=await accountability_component(make))
    camille = await make.user(nickname="camille")

    added = await execute(ADD, {"id": str(row.id), "type": RESULT_TYPE}, organization=org, viewer=as_(camille))
    thread = await execute(THREAD, {"id": str(row.id)}, organization=org, viewer=as_(camille))

    comment = added["data"]["commentable"]["addComment"]
    assert comment == {
        "id": comment["id"],
        "body": "Quand commencent les travaux ?",
        "author": {"nickname": "@camille"},
    }
    assert thread == {
        "data": {
            "commentable": {
                "__typename": "Result",
                "id": str(row.id),
                "type": RESULT_TYPE,
                "totalCommentsCount": 1,
                "acceptsNewComments": True,
                "userAllowedToComment": True,
                "comments": [{"body": "Quand commencent les travaux ?"}],
                "title": {"translation": row.title["fr"]},
            }
        }
    }
    stored = await reload(make, models.Comment(id=int(comment["id"])))
    assert (stored.root_kind, stored.root_id) == ("result", row.id)
    assert (await reload(make, row)).comments_count == 1


async def test_a_deleted_result_takes_no_comments(make: Make, execute: Any, org: Any) -> None:
    row = await result(make, component=await accountability_component(make), deleted_at=NOW)

    body = await execute(ADD, {"id": str(row.id), "type": RESULT_TYPE}, organization=org, viewer=as_(await make.user()))

    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


async def test_comments_follow_the_components_settings(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make, settings={"comments_enabled": False})
    row = await result(make, component=component)

    body = await execute(ADD, {"id": str(row.id), "type": RESULT_TYPE}, organization=org, viewer=as_(await make.user()))
    thread = await execute(THREAD, {"id": str(row.id)}, organization=org)

    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert thread["data"]["commentable"]["acceptsNewComments"] is False
