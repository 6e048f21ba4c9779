"""As in Decidim, taking part follows: authors follow what they create, commenters the thread's resource,
participants the meetings they register for. Admins' official creations make nobody follow."""

from __future__ import annotations

from typing import Any

from resolvers.viewer import Viewer
from tests.builders import Make
from tests.debates.conftest import DESCRIPTION, TITLE, as_admin, create, created, debates_component
from tests.debates.conftest import PARTICIPANTS_CREATE as DEBATES_OPEN
from tests.follows.conftest import all_follows, follow_row, follows_of
from tests.meetings.conftest import PARTICIPANTS_CREATE as MEETINGS_OPEN
from tests.meetings.conftest import action, meetings_component, variables
from tests.meetings.test_meeting_creation import create as create_meeting
from tests.meetings.test_meeting_creation import created as created_meeting
from tests.proposals.conftest import proposals_component
from tests.proposals.test_create_proposal import create as create_proposal
from tests.proposals.test_create_proposal import created as created_proposal

ADD_COMMENT = "mutation($input: AddCommentInput!) { addComment(input: $input) { id } }"
REGISTER = action("register", selection="id followsCount viewerIsFollowing")


async def test_author_follows_the_proposal_they_create(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await proposals_component(make)
    me = await make.user()

    proposal = created_proposal(await create_proposal(execute, org, component, Viewer(user_id=me.id)))

    assert await follows_of(make, me) == [("proposal", int(proposal["id"]))]


async def test_participant_follows_the_debate_they_start(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make, step=DEBATES_OPEN)
    me = await make.user()

    body = await execute(
        create(),
        {"component": str(component.id), "attributes": {"title": TITLE, "description": DESCRIPTION}},
        organization=org,
        viewer=Viewer(user_id=me.id),
    )

    assert await follows_of(make, me) == [("debate", int(created(body)["id"]))]


async def test_official_debate_makes_nobody_follow(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)
    admin = await make.user()

    body = await execute(
        create(),
        {"component": str(component.id), "attributes": {"title": TITLE, "description": DESCRIPTION}},
        organization=org,
        viewer=as_admin(admin),
    )

    assert created(body) is not None
    assert await all_follows(make) == []


async def test_participant_follows_the_meeting_they_organise(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await meetings_component(make, step=MEETINGS_OPEN, creation_enabled_for_participants=True)
    me = await make.user()

    meeting = created_meeting(await create_meeting(execute, org, component, Viewer(user_id=me.id)))

    assert await follows_of(make, me) == [("meeting", int(meeting["id"]))]


async def test_participant_follows_the_meeting_they_register_for(make: Make, execute: Any) -> None:
    org = await make.org(None)
    meeting = await make.meeting(registrations_enabled=True, available_slots=10)
    me = await make.user()

    body = await execute(REGISTER, variables(meeting), organization=org, viewer=Viewer(user_id=me.id))

    assert body == {
        "data": {
            "component": {
                "meeting": {"register": {"id": str(meeting.id), "followsCount": 1, "viewerIsFollowing": True}}
            }
        }
    }
    assert await follows_of(make, me) == [("meeting", meeting.id)]


async def test_commenter_follows_the_resource_and_a_reply_follows_the_root(make: Make, gql: Any, bearer: Any) -> None:
    proposal = await make.proposal()
    first, second = await make.user(), await make.user()

    top = await gql(
        ADD_COMMENT, {"input": {"commentableId": str(proposal.id), "body": "Bonne idée !"}}, headers=await bearer(first)
    )
    reply = await gql(
        ADD_COMMENT,
        {"input": {"commentableId": top["data"]["addComment"]["id"], "body": "D'accord."}},
        headers=await bearer(second),
    )

    assert "errors" not in reply, reply
    assert await all_follows(make) == [(first.id, "proposal", proposal.id), (second.id, "proposal", proposal.id)]


async def test_commenting_again_keeps_one_follow(make: Make, gql: Any, bearer: Any) -> None:
    debate = await make.debate()
    me = await make.user()
    await follow_row(make, user=me, kind="debate", pk=debate.id)
    headers = await bearer(me)

    for text in ("Premier avis.", "Second avis."):
        body = await gql(ADD_COMMENT, {"input": {"commentableId": str(debate.id), "body": text}}, headers=headers)
        assert "errors" not in body, body

    assert await follows_of(make, me) == [("debate", debate.id)]


async def test_a_refused_comment_follows_nothing(make: Make, gql: Any, bearer: Any) -> None:
    proposal = await make.proposal()
    me = await make.user()

    body = await gql(
        ADD_COMMENT, {"input": {"commentableId": str(proposal.id), "body": "   "}}, headers=await bearer(me)
    )

    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert await all_follows(make) == []
