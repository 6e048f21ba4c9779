"""Debates are commentable through Decidim's own comment mutation, until they are closed."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import NOW, Make, tr
from tests.debates.conftest import DEBATE_TYPE, as_, error_codes, reload

ADD = """
mutation($id: String!, $type: String!) {
  commentable(id: $id, type: $type) { addComment(body: "Plutôt pour, avec des livraisons le matin", alignment: 1) {
    id body alignment author { nickname } } }
}
"""
THREAD = """
query($d: ID!) {
  node(id: $d) { ... on Debate { totalCommentsCount hasComments acceptsNewComments userAllowedToComment
    comments { body author { nickname } } } }
}
"""


async def test_participant_comments_a_debate_with_decidims_mutation(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate()
    camille = await make.user(nickname="camille")

    body = await execute(ADD, {"id": str(debate.id), "type": DEBATE_TYPE}, organization=org, viewer=as_(camille))

    comment_id = body["data"]["commentable"]["addComment"]["id"]
    assert body == {
        "data": {
            "commentable": {
                "addComment": {
                    "id": comment_id,
                    "body": "Plutôt pour, avec des livraisons le matin",
                    "alignment": 1,
                    "author": {"nickname": "@camille"},
                }
            }
        }
    }
    stored = await reload(make, models.Comment(id=int(comment_id)))
    assert (stored.root_kind, stored.root_id) == ("debate", debate.id)
    assert (await reload(make, debate)).comments_count == 1
    thread = await execute(THREAD, {"d": str(debate.id)}, organization=org, viewer=as_(camille))
    assert thread == {
        "data": {
            "node": {
                "totalCommentsCount": 1,
                "hasComments": True,
                "acceptsNewComments": True,
                "userAllowedToComment": True,
                "comments": [{"body": "Plutôt pour, avec des livraisons le matin", "author": {"nickname": "@camille"}}],
            }
        }
    }


async def test_a_closed_debate_takes_no_new_comment(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate(closed_at=NOW, conclusions=tr("C'est décidé."))

    body = await execute(
        ADD, {"id": str(debate.id), "type": DEBATE_TYPE}, organization=org, viewer=as_(await make.user())
    )

    assert body["data"] == {"commentable": {"addComment": None}}
    assert error_codes(body) == [("FORBIDDEN", "CLOSED")]
    assert (await reload(make, debate)).comments_count == 0
