"""Following and unfollowing through the endpoint: any visible followable, once, by a participant who may act."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.builders import Make
from tests.follows.conftest import (
    FOLLOW,
    TYPENAMES,
    UNFOLLOW,
    all_follows,
    error_codes,
    follow_row,
    follows_of,
    one_of_each,
)


async def test_participant_follows_a_proposal_and_sees_it_counted(make: Make, gql: Any, bearer: Any) -> None:
    proposal = await make.proposal()
    me = await make.user()

    body = await gql(FOLLOW, {"id": str(proposal.id)}, headers=await bearer(me))

    assert body == {
        "data": {
            "follow": {"__typename": "Proposal", "id": str(proposal.id), "followsCount": 1, "viewerIsFollowing": True}
        }
    }
    assert await follows_of(make, me) == [("proposal", proposal.id)]


@pytest.mark.parametrize("kind", sorted(TYPENAMES))
async def test_participant_follows_every_kind_of_followable(make: Make, gql: Any, bearer: Any, kind: str) -> None:
    target = (await one_of_each(make))[kind]
    me = await make.user()

    body = await gql(FOLLOW, {"id": str(target.id)}, headers=await bearer(me))

    assert body == {
        "data": {
            "follow": {
                "__typename": TYPENAMES[kind],
                "id": str(target.id),
                "followsCount": 1,
                "viewerIsFollowing": True,
            }
        }
    }
    assert await follows_of(make, me) == [(kind, target.id)]


async def test_following_twice_is_a_no_op(make: Make, gql: Any, bearer: Any) -> None:
    meeting = await make.meeting()
    me = await make.user()
    headers = await bearer(me)

    first = await gql(FOLLOW, {"id": str(meeting.id)}, headers=headers)
    second = await gql(FOLLOW, {"id": str(meeting.id)}, headers=headers)

    assert first == second
    assert second["data"]["follow"]["followsCount"] == 1
    assert await follows_of(make, me) == [("meeting", meeting.id)]


async def test_participant_unfollows(make: Make, gql: Any, bearer: Any) -> None:
    debate = await make.debate()
    me, other = await make.user(), await make.user()
    await follow_row(make, user=me, kind="debate", pk=debate.id)
    await follow_row(make, user=other, kind="debate", pk=debate.id)

    body = await gql(UNFOLLOW, {"id": str(debate.id)}, headers=await bearer(me))

    assert body == {
        "data": {
            "unfollow": {"__typename": "Debate", "id": str(debate.id), "followsCount": 1, "viewerIsFollowing": False}
        }
    }
    assert await all_follows(make) == [(other.id, "debate", debate.id)]


async def test_unfollowing_what_one_does_not_follow_is_a_no_op(make: Make, gql: Any, bearer: Any) -> None:
    process = await make.process()
    someone = await make.user()
    await follow_row(make, user=someone, kind="participatory_process", pk=process.id)
    me = await make.user()

    body = await gql(UNFOLLOW, {"id": str(process.id)}, headers=await bearer(me))

    assert body == {
        "data": {
            "unfollow": {
                "__typename": "ParticipatoryProcess",
                "id": str(process.id),
                "followsCount": 1,
                "viewerIsFollowing": False,
            }
        }
    }
    assert await all_follows(make) == [(someone.id, "participatory_process", process.id)]


async def test_participant_drops_a_follow_of_a_space_that_went_private(make: Make, gql: Any, bearer: Any) -> None:
    process = await make.process(private_space=True)
    me = await make.user()
    await follow_row(make, user=me, kind="participatory_process", pk=process.id)

    body = await gql(UNFOLLOW, {"id": str(process.id)}, headers=await bearer(me))

    assert body == {"data": {"unfollow": None}}
    assert await all_follows(make) == []


async def test_anonymous_visitor_must_sign_in_to_follow(make: Make, gql: Any) -> None:
    proposal = await make.proposal()

    for name, document in (("follow", FOLLOW), ("unfollow", UNFOLLOW)):
        body = await gql(document, {"id": str(proposal.id)})
        assert error_codes(body) == [("UNAUTHENTICATED", None)]
        assert body["data"] == {name: None}
    assert await all_follows(make) == []


async def test_unconfirmed_participant_cannot_follow(make: Make, gql: Any, bearer: Any) -> None:
    proposal = await make.proposal()
    me = await make.user(confirmed_at=None)

    body = await gql(FOLLOW, {"id": str(proposal.id)}, headers=await bearer(me))

    assert error_codes(body) == [("FORBIDDEN", "UNCONFIRMED")]
    assert await all_follows(make) == []


@pytest.mark.parametrize("account", [{"blocked": True}, {"deleted_at": datetime(2026, 1, 1, tzinfo=UTC)}])
async def test_blocked_or_deleted_participant_token_is_refused(
    make: Make, gql: Any, bearer: Any, account: dict[str, Any]
) -> None:
    proposal = await make.proposal()
    me = await make.user(**account)

    body = await gql(FOLLOW, {"id": str(proposal.id)}, headers=await bearer(me), expect_status=401)

    assert error_codes(body) == [("UNAUTHENTICATED", None)]
    assert await all_follows(make) == []


@pytest.mark.parametrize(
    ("account", "reason"),
    [({"blocked": True}, "BLOCKED"), ({"deleted_at": datetime(2026, 1, 1, tzinfo=UTC)}, "DELETED")],
)
async def test_blocked_or_deleted_participant_cannot_follow_whatever_the_token(
    make: Make, execute: Any, account: dict[str, Any], reason: str
) -> None:
    """Past the token check (an account blocked mid-request), the mutation itself refuses."""
    proposal = await make.proposal()
    me = await make.user(**account)
    org = await make.org(None)

    for document in (FOLLOW, UNFOLLOW):
        body = await execute(document, {"id": str(proposal.id)}, organization=org, viewer=Viewer(user_id=me.id))
        assert error_codes(body) == [("FORBIDDEN", reason)]
    assert await all_follows(make) == []


async def _hidden_targets(make: Make) -> dict[str, int]:
    """Followables a plain participant may not see, and ids that name nothing, by what hides them."""
    private = await make.process(private_space=True)
    unpublished = await make.process(published_at=None)
    other_org = await make.organization(host="elsewhere.example.org")
    return {
        "private process": private.id,
        "unpublished process": unpublished.id,
        "proposal in a private process": (
            await make.proposal(component=await make.component(space=private, manifest_name="proposals"))
        ).id,
        "proposal in an unpublished component": (
            await make.proposal(component=await make.component(manifest_name="proposals", published_at=None))
        ).id,
        "hidden proposal": (await make.proposal(hidden_at=datetime(2026, 1, 1, tzinfo=UTC))).id,
        "draft proposal": (await make.proposal(published_at=None)).id,
        "private meeting": (await make.meeting(private_meeting=True, transparent=False)).id,
        "private assembly": (await make.assembly(private_space=True, is_transparent=False)).id,
        "another organization's process": (await make.process(organization=other_org)).id,
        "nothing": 2**62,
    }


async def test_what_the_participant_cannot_see_cannot_be_followed(make: Make, gql: Any, bearer: Any) -> None:
    targets = await _hidden_targets(make)
    me = await make.user()
    headers = await bearer(me)

    answers = {name: error_codes(await gql(FOLLOW, {"id": str(pk)}, headers=headers)) for name, pk in targets.items()}

    assert answers == {key: [("NOT_FOUND", None)] for key in targets}
    assert await all_follows(make) == []


async def test_hidden_things_answer_unfollow_as_missing_ones(make: Make, gql: Any, bearer: Any) -> None:
    targets = await _hidden_targets(make)
    me = await make.user()
    headers = await bearer(me)

    answers = {name: error_codes(await gql(UNFOLLOW, {"id": str(pk)}, headers=headers)) for name, pk in targets.items()}

    assert answers == {key: [("NOT_FOUND", None)] for key in targets}


async def test_member_of_a_private_process_may_follow_it(make: Make, gql: Any, bearer: Any) -> None:
    process = await make.process(private_space=True)
    me = await make.user()
    await make.private_member(space=process, user=me)

    body = await gql(FOLLOW, {"id": str(process.id)}, headers=await bearer(me))

    assert body["data"]["follow"] == {
        "__typename": "ParticipatoryProcess",
        "id": str(process.id),
        "followsCount": 1,
        "viewerIsFollowing": True,
    }


async def test_something_that_cannot_be_followed_is_bad_input(make: Make, gql: Any, bearer: Any) -> None:
    category = await make.category()
    me = await make.user()

    for name, document in (("follow", FOLLOW), ("unfollow", UNFOLLOW)):
        body = await gql(document, {"id": str(category.id)}, headers=await bearer(me))
        assert body["data"] == {name: None}
        assert [(e["extensions"]["code"], e["extensions"].get("fields")) for e in body["errors"]] == [
            ("BAD_USER_INPUT", {"followableId": "not followable"})
        ]


async def test_malformed_id_is_bad_input(make: Make, gql: Any, bearer: Any) -> None:
    me = await make.user()

    body = await gql(FOLLOW, {"id": "abc"}, headers=await bearer(me))

    assert [(e["extensions"]["code"], e["extensions"].get("fields")) for e in body["errors"]] == [
        ("BAD_USER_INPUT", {"followableId": "must be an integer id"})
    ]


async def test_read_only_token_cannot_follow(make: Make, gql: Any) -> None:
    proposal = await make.proposal()
    me = await make.user()
    token = await make.signed_in(me, kind="api", scopes=["api:read"])

    body = await gql(FOLLOW, {"id": str(proposal.id)}, headers={"authorization": f"Bearer {token}"})

    assert error_codes(body) == [("FORBIDDEN", "INSUFFICIENT_SCOPE")]
    assert await all_follows(make) == []


async def test_a_refused_follow_leaves_no_row_beside_an_accepted_one(make: Make, gql: Any, bearer: Any) -> None:
    """Each root mutation is its own transaction: the hidden target is refused and leaves nothing."""
    proposal = await make.proposal()
    hidden = await make.proposal(hidden_at=datetime(2026, 1, 1, tzinfo=UTC))
    me = await make.user()
    document = """
    mutation($a: ID!, $b: ID!) {
      a: follow(input: {followableId: $a}) { followsCount }
      b: follow(input: {followableId: $b}) { followsCount }
    }
    """

    body = await gql(document, {"a": str(proposal.id), "b": str(hidden.id)}, headers=await bearer(me))

    assert body["data"] == {"a": {"followsCount": 1}, "b": None}
    assert error_codes(body) == [("NOT_FOUND", None)]
    assert await follows_of(make, me) == [("proposal", proposal.id)]
