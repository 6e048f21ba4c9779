"""Follows race safely: real concurrent HTTP requests, each in its own transaction on its own connection."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.builders import Make
from tests.follows.conftest import FOLLOW, all_follows


async def test_twenty_simultaneous_follows_by_one_participant_leave_one_row(make: Make, gql: Any) -> None:
    proposal = await make.proposal()
    me = await make.user()
    headers = {"authorization": f"Bearer {await make.signed_in(me)}"}

    bodies = await asyncio.gather(*(gql(FOLLOW, {"id": str(proposal.id)}, headers=headers) for _ in range(20)))

    assert [b.get("errors") for b in bodies] == [None] * 20
    assert {b["data"]["follow"]["followsCount"] for b in bodies} == {1}
    assert await all_follows(make) == [(me.id, "proposal", proposal.id)]


async def test_twenty_participants_follow_one_meeting_at_once(make: Make, gql: Any) -> None:
    meeting = await make.meeting()
    people = [await make.user() for _ in range(20)]
    tokens = [await make.signed_in(p) for p in people]

    bodies = await asyncio.gather(
        *(gql(FOLLOW, {"id": str(meeting.id)}, headers={"authorization": f"Bearer {t}"}) for t in tokens)
    )

    assert [b.get("errors") for b in bodies] == [None] * 20
    assert sorted(u for u, _, _ in await all_follows(make)) == sorted(p.id for p in people)
    assert max(b["data"]["follow"]["followsCount"] for b in bodies) == 20
