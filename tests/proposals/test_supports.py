"""Supports (``vote``/``unvote``) and endorsements (``endorse``/``unendorse``): rules and exact counters."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import NOW, Make
from tests.proposals.conftest import OPEN_STEP, acted, action, as_, error_codes, proposals_component

SUPPORT = "id voteCount viewerHasSupported"
ENDORSE = "endorsementsCount viewerHasEndorsed endorsements { nickname }"


async def act(
    execute: Any,
    org: Any,
    proposal: models.Proposal,
    name: str,
    viewer: Viewer,
    *,
    selection: str = SUPPORT,
    input: str = "{}",
) -> dict[str, Any]:
    variables = {"component": str(proposal.component_id), "id": str(proposal.id)}
    return await execute(action(name, input=input, selection=selection), variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]


async def rows(make: Make, model: Any) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_participant_supports_a_proposal_even_their_own(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    proposal = await make.proposal(component=await proposals_component(make), author=me)

    body = await act(execute, org, proposal, "vote", as_(me))

    assert body == {
        "data": {
            "component": {"proposal": {"vote": {"id": str(proposal.id), "voteCount": 1, "viewerHasSupported": True}}}
        }
    }


async def test_participant_cannot_support_twice_and_unsupports_once(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    proposal = await make.proposal(component=await proposals_component(make))

    await act(execute, org, proposal, "vote", as_(me))
    twice = await act(execute, org, proposal, "vote", as_(me))
    withdrawn = await act(execute, org, proposal, "unvote", as_(me))
    again = await act(execute, org, proposal, "unvote", as_(me))

    assert error_codes(twice) == [("CONFLICT", "ALREADY_SUPPORTED")]
    assert acted(withdrawn, "unvote") == {"id": str(proposal.id), "voteCount": 0, "viewerHasSupported": False}
    assert error_codes(again) == [("CONFLICT", "NOT_SUPPORTED")]
    assert await rows(make, models.ProposalVote) == 0


@pytest.mark.parametrize(
    ("step", "proposal_kw", "expected"),
    [
        ({"votes_enabled": False}, {}, ("FORBIDDEN", "VOTES_DISABLED")),
        ({"votes_enabled": True, "votes_blocked": True}, {}, ("FORBIDDEN", "VOTES_BLOCKED")),
        (OPEN_STEP, {"withdrawn_at": NOW}, ("FORBIDDEN", "WITHDRAWN")),
        (OPEN_STEP, {"state": "rejected", "state_published_at": NOW}, ("FORBIDDEN", "REJECTED")),
        (OPEN_STEP, {"hidden_at": NOW}, ("NOT_FOUND", None)),
        (OPEN_STEP, {"published_at": None}, ("NOT_FOUND", None)),
    ],
)
async def test_supports_refused(
    make: Make, execute: Any, org: Any, *, step: dict[str, Any], proposal_kw: dict[str, Any], expected: Any
) -> None:
    proposal = await make.proposal(component=await proposals_component(make, step=step), **proposal_kw)

    body = await act(execute, org, proposal, "vote", as_(await make.user()))

    assert error_codes(body) == [expected]
    assert await rows(make, models.ProposalVote) == 0


async def test_a_support_cannot_be_withdrawn_once_supports_are_closed(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    proposal = await make.proposal(
        component=await proposals_component(make, step={"votes_enabled": True, "votes_blocked": True})
    )
    await make.vote(proposal=proposal, author=me)

    body = await act(execute, org, proposal, "unvote", as_(me))

    assert error_codes(body) == [("FORBIDDEN", "VOTES_BLOCKED")]


async def test_the_vote_limit_is_per_participant_and_component(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, vote_limit=2)
    me = await make.user()
    first, second, third = [await make.proposal(component=component) for _ in range(3)]
    elsewhere = await make.proposal(component=await proposals_component(make, vote_limit=2))

    for proposal in (first, second, elsewhere):
        assert "errors" not in await act(execute, org, proposal, "vote", as_(me))
    refused = await act(execute, org, third, "vote", as_(me))
    someone_else = await act(execute, org, third, "vote", as_(await make.user()))

    assert error_codes(refused) == [("FORBIDDEN", "VOTE_LIMIT_REACHED")]
    assert "errors" not in someone_else


async def test_supports_stop_at_the_threshold_unless_they_may_accumulate(make: Make, execute: Any, org: Any) -> None:
    capped = await make.proposal(component=await proposals_component(make, threshold_per_proposal=1), votes_count=1)
    open_ = await make.proposal(
        component=await proposals_component(make, threshold_per_proposal=1, can_accumulate_votes_beyond_threshold=True),
        votes_count=1,
    )

    assert error_codes(await act(execute, org, capped, "vote", as_(await make.user()))) == [
        ("FORBIDDEN", "THRESHOLD_REACHED")
    ]
    assert acted(await act(execute, org, open_, "vote", as_(await make.user())), "vote")["voteCount"] == 2


async def test_a_support_counts_even_while_supports_are_hidden(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, step={"votes_enabled": True, "votes_hidden": True})
    proposal = await make.proposal(component=component)

    body = await act(execute, org, proposal, "vote", as_(await make.user()))

    assert acted(body, "vote") == {"id": str(proposal.id), "voteCount": None, "viewerHasSupported": True}
    assert await rows(make, models.ProposalVote) == 1


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", ("UNAUTHENTICATED", None)),
        ("unconfirmed", ("FORBIDDEN", "UNCONFIRMED")),
        ("blocked", ("FORBIDDEN", "BLOCKED")),
        ("other organization", ("FORBIDDEN", "DELETED")),
    ],
)
async def test_who_may_not_support(make: Make, execute: Any, org: Any, who: str, expected: Any) -> None:
    proposal = await make.proposal(component=await proposals_component(make))
    if who == "anonymous":
        viewer = ANONYMOUS
    elif who == "unconfirmed":
        viewer = as_(await make.user(confirmed_at=None))
    elif who == "blocked":
        viewer = as_(await make.user(blocked=True))
    else:  # a participant of another organization, whose id means nothing here
        viewer = as_(await make.user(organization=await make.organization()))

    body = await act(execute, org, proposal, "vote", viewer)

    assert error_codes(body) == [expected]
    assert await rows(make, models.ProposalVote) == 0


async def test_a_proposal_of_another_organization_is_not_found(make: Make, execute: Any, org: Any) -> None:
    elsewhere = await make.organization()
    proposal = await make.proposal(
        component=await proposals_component(make, space=await make.process(organization=elsewhere))
    )

    body = await act(execute, org, proposal, "vote", as_(await make.user()))

    assert error_codes(body) == [("NOT_FOUND", None)]


async def test_a_proposal_of_another_component_is_not_found(make: Make, execute: Any, org: Any) -> None:
    here = await proposals_component(make)
    proposal = await make.proposal()

    body = await execute(
        action("vote"),
        {"component": str(here.id), "id": str(proposal.id)},
        organization=org,
        viewer=as_(await make.user()),
    )

    assert error_codes(body) == [("NOT_FOUND", None)]


# -- endorsements --------------------------------------------------------------------------------


async def test_participant_endorses_in_their_name_and_for_their_group(make: Make, execute: Any, org: Any) -> None:
    me = await make.user(nickname="camille")
    group = await make.group(nickname="collectif")
    await make.membership(user=me, group=group)
    proposal = await make.proposal(component=await proposals_component(make))

    own = await act(execute, org, proposal, "endorse", as_(me), selection=ENDORSE)
    for_group = await act(
        execute, org, proposal, "endorse", as_(me), selection=ENDORSE, input=f'{{userGroupId: "{group.id}"}}'
    )
    twice = await act(execute, org, proposal, "endorse", as_(me), selection=ENDORSE)

    assert acted(own, "endorse") == {
        "endorsementsCount": 1,
        "viewerHasEndorsed": True,
        "endorsements": [{"nickname": "@camille"}],
    }
    assert acted(for_group, "endorse") == {
        "endorsementsCount": 2,
        "viewerHasEndorsed": True,
        "endorsements": [{"nickname": "@camille"}, {"nickname": "@collectif"}],
    }
    assert error_codes(twice) == [("CONFLICT", "ALREADY_ENDORSED")]


async def test_participant_withdraws_an_endorsement(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    group = await make.group(nickname="collectif")
    await make.membership(user=me, group=group)
    proposal = await make.proposal(component=await proposals_component(make))
    await make.endorsement(proposal=proposal, author=me)
    await make.endorsement(proposal=proposal, author=me, user_group=group)

    body = await act(execute, org, proposal, "unendorse", as_(me), selection=ENDORSE)
    again = await act(execute, org, proposal, "unendorse", as_(me), selection=ENDORSE)

    assert acted(body, "unendorse") == {
        "endorsementsCount": 1,
        "viewerHasEndorsed": False,
        "endorsements": [{"nickname": "@collectif"}],
    }
    assert error_codes(again) == [("CONFLICT", "NOT_ENDORSED")]


@pytest.mark.parametrize(
    ("step", "proposal_kw", "expected"),
    [
        ({"endorsements_enabled": False}, {}, ("FORBIDDEN", "ENDORSEMENTS_DISABLED")),
        ({"endorsements_enabled": True, "endorsements_blocked": True}, {}, ("FORBIDDEN", "ENDORSEMENTS_BLOCKED")),
        (OPEN_STEP, {"withdrawn_at": NOW}, ("FORBIDDEN", "WITHDRAWN")),
        (OPEN_STEP, {"hidden_at": NOW}, ("NOT_FOUND", None)),
    ],
)
async def test_endorsements_refused(
    make: Make, execute: Any, org: Any, *, step: dict[str, Any], proposal_kw: dict[str, Any], expected: Any
) -> None:
    proposal = await make.proposal(component=await proposals_component(make, step=step), **proposal_kw)

    body = await act(execute, org, proposal, "endorse", as_(await make.user()), selection=ENDORSE)

    assert error_codes(body) == [expected]
    assert await rows(make, models.Endorsement) == 0


async def test_endorsing_for_a_group_one_does_not_belong_to_is_refused(make: Make, execute: Any, org: Any) -> None:
    group = await make.group()
    pending = await make.group()
    me = await make.user()
    await make.membership(user=me, group=pending, role="requested")
    proposal = await make.proposal(component=await proposals_component(make))

    for g in (group, pending):
        body = await act(
            execute, org, proposal, "endorse", as_(me), selection=ENDORSE, input=f'{{userGroupId: "{g.id}"}}'
        )
        assert error_codes(body) == [("FORBIDDEN", "NOT_GROUP_MEMBER")]
    assert await rows(make, models.Endorsement) == 0
