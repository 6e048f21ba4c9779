"""``followsCount`` counts visible participants only; ``viewerIsFollowing`` is the viewer's own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from resolvers.viewer import Viewer
from tests.builders import Make
from tests.follows.conftest import follow_row

PROPOSAL_QUERY = """
query($id: ID!) { node(id: $id) { ... on Proposal { id followsCount viewerIsFollowing } } }
"""

PROCESS_QUERY = """
query($id: ID) { participatoryProcess(id: $id) { id followsCount viewerIsFollowing } }
"""


async def test_follows_count_leaves_out_blocked_deleted_and_unconfirmed_followers(make: Make, execute: Any) -> None:
    proposal = await make.proposal()
    counted = [await make.user(), await make.user()]
    left_out = [
        await make.user(blocked=True),
        await make.user(deleted_at=datetime(2026, 1, 1, tzinfo=UTC)),
        await make.user(confirmed_at=None),
    ]
    for user in counted + left_out:
        await follow_row(make, user=user, kind="proposal", pk=proposal.id)
    org = await make.org(None)

    body = await execute(PROPOSAL_QUERY, {"id": str(proposal.id)}, organization=org)

    assert body == {"data": {"node": {"id": str(proposal.id), "followsCount": 2, "viewerIsFollowing": False}}}


async def test_viewer_sees_whether_they_follow(make: Make, execute: Any) -> None:
    process = await make.process()
    follower, other = await make.user(), await make.user()
    await follow_row(make, user=follower, kind="participatory_process", pk=process.id)
    org = await make.org(None)

    answers = [
        (await execute(PROCESS_QUERY, {"id": str(process.id)}, organization=org, viewer=viewer))["data"]
        for viewer in (Viewer(user_id=follower.id), Viewer(user_id=other.id))
    ]

    assert answers == [
        {"participatoryProcess": {"id": str(process.id), "followsCount": 1, "viewerIsFollowing": True}},
        {"participatoryProcess": {"id": str(process.id), "followsCount": 1, "viewerIsFollowing": False}},
    ]


async def test_nothing_followed_counts_zero(make: Make, execute: Any) -> None:
    proposal = await make.proposal()
    org = await make.org(None)

    body = await execute(PROPOSAL_QUERY, {"id": str(proposal.id)}, organization=org)

    assert body == {"data": {"node": {"id": str(proposal.id), "followsCount": 0, "viewerIsFollowing": False}}}


async def test_follows_of_a_hidden_proposal_stay_hidden(make: Make, execute: Any) -> None:
    proposal = await make.proposal(hidden_at=datetime(2026, 1, 1, tzinfo=UTC))
    follower = await make.user()
    await follow_row(make, user=follower, kind="proposal", pk=proposal.id)
    org = await make.org(None)

    body = await execute(PROPOSAL_QUERY, {"id": str(proposal.id)}, organization=org, viewer=Viewer(user_id=follower.id))

    assert body == {"data": {"node": None}}
