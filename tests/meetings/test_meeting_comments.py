"""Meetings are commentable, through Decidim's own comment mutations and reads."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import NOW, Make
from tests.meetings.conftest import as_, meetings_component, reload

MEETING_TYPE = "Decidim::Meetings::Meeting"

ADD = """
mutation($id: String!, $type: String!) {
  commentable(id: $id, type: $type) { addComment(body: "J'y serai, avec des voisins", alignment: 1) {
    id body alignment author { nickname } } }
}
"""
THREAD = """
query($m: ID!) {
  node(id: $m) { ... on Meeting { totalCommentsCount hasComments acceptsNewComments userAllowedToComment
    comments { body author { nickname } } } }
}
"""


async def test_participant_comments_a_meeting_with_decidims_mutation(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting()
    camille = await make.user(nickname="camille")

    body = await execute(ADD, {"id": str(meeting.id), "type": MEETING_TYPE}, organization=org, viewer=as_(camille))

    comment_id = body["data"]["commentable"]["addComment"]["id"]
    assert body == {
        "data": {
            "commentable": {
                "addComment": {
                    "id": comment_id,
                    "body": "J'y serai, avec des voisins",
                    "alignment": 1,
                    "author": {"nickname": "@camille"},
                }
            }
        }
    }
    stored = await reload(make, models.Comment(id=int(comment_id)))
    assert (stored.root_kind, stored.root_id, stored.commentable_kind) == ("meeting", meeting.id, "meeting")
    assert (await reload(make, meeting)).comments_count == 1

    thread = await execute(THREAD, {"m": str(meeting.id)}, organization=org, viewer=as_(camille))
    assert thread == {
        "data": {
            "node": {
                "totalCommentsCount": 1,
                "hasComments": True,
                "acceptsNewComments": True,
                "userAllowedToComment": True,
                "comments": [{"body": "J'y serai, avec des voisins", "author": {"nickname": "@camille"}}],
            }
        }
    }


async def test_commentable_answers_with_the_meeting_type(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting()
    query = """query($id: String!) {
      commentable(id: $id, type: "Decidim::Meetings::Meeting", locale: "fr", toggleTranslations: false) {
        __typename id type acceptsNewComments ... on Meeting { title { translation(locale: "fr") } } } }"""

    body = await execute(query, {"id": str(meeting.id)}, organization=org)

    assert body == {
        "data": {
            "commentable": {
                "__typename": "Meeting",
                "id": str(meeting.id),
                "type": MEETING_TYPE,
                "acceptsNewComments": True,
                "title": {"translation": meeting.title["fr"]},
            }
        }
    }


async def test_a_withdrawn_meeting_takes_no_new_comments(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(withdrawn_at=NOW)

    body = await execute(
        ADD, {"id": str(meeting.id), "type": MEETING_TYPE}, organization=org, viewer=as_(await make.user())
    )

    assert body["data"] == {"commentable": {"addComment": None}}
    assert [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body["errors"]] == [
        ("FORBIDDEN", "WITHDRAWN")
    ]
    assert (await reload(make, meeting)).comments_count == 0


async def test_comments_follow_the_components_settings(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(component=await meetings_component(make, comments_enabled=False))

    body = await execute(
        ADD, {"id": str(meeting.id), "type": MEETING_TYPE}, organization=org, viewer=as_(await make.user())
    )
    flags = await execute(THREAD, {"m": str(meeting.id)}, organization=org)

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert flags["data"]["node"]["acceptsNewComments"] is False


async def test_a_private_meeting_cannot_be_commented_by_outsiders(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(private_meeting=True, transparent=False)

    body = await execute(
        ADD, {"id": str(meeting.id), "type": MEETING_TYPE}, organization=org, viewer=as_(await make.user())
    )

    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]
    assert (await reload(make, meeting)).comments_count == 0


async def test_anonymous_visitors_cannot_comment_a_meeting(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting()

    body = await execute(ADD, {"id": str(meeting.id), "type": MEETING_TYPE}, organization=org)

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
