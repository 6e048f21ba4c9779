"""Limits and counters hold when requests race: real concurrent HTTP requests with bearer tokens.

Each request runs in its own transaction on its own connection, so these really race in PostgreSQL.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

import models
from tests.builders import Make
from tests.proposals.conftest import action, proposals_component, reload

VOTE = action("vote", selection="id")
ENDORSE = action("endorse", selection="id")


async def fire(gql: Any, document: str, calls: list[tuple[str, models.Proposal]]) -> list[dict[str, Any]]:
    """Send every ``(token, proposal)`` call at once."""

    async def one(token: str, proposal: models.Proposal) -> dict[str, Any]:
        variables = {"component": str(proposal.component_id), "id": str(proposal.id)}
        return await gql(document, variables, headers={"authorization": f"Bearer {token}"})  # type: ignore[no-any-return]

    return list(await asyncio.gather(*(one(token, proposal) for token, proposal in calls)))


def outcomes(bodies: list[dict[str, Any]]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for body in bodies:
        errors = body.get("errors")
        key = "ok" if not errors else f"{errors[0]['extensions']['code']}:{errors[0]['extensions'].get('reason')}"
        counted[key] = counted.get(key, 0) + 1
    return counted


async def count_rows(make: Make, model: Any, **where: Any) -> int:
    async with make.sessionmaker() as session:
        stmt = select(func.count()).select_from(model).filter_by(**where)
        return int(await session.scalar(stmt) or 0)


async def test_fifty_simultaneous_supports_by_one_participant_stop_at_the_vote_limit(make: Make, gql: Any) -> None:
    component = await proposals_component(make, vote_limit=10)
    me = await make.user()
    token = await make.signed_in(me)
    proposals = [await make.proposal(component=component) for _ in range(50)]

    bodies = await fire(gql, VOTE, [(token, p) for p in proposals])

    assert outcomes(bodies) == {"ok": 10, "FORBIDDEN:VOTE_LIMIT_REACHED": 40}
    assert await count_rows(make, models.ProposalVote, author_id=me.id) == 10
    counters = [(await reload(make, p)).votes_count for p in proposals]
    assert sorted(counters) == [0] * 40 + [1] * 10


async def test_two_hundred_participants_support_one_proposal_at_once(make: Make, gql: Any) -> None:
    component = await proposals_component(make)
    proposal = await make.proposal(component=component)
    tokens = [await make.signed_in(await make.user()) for _ in range(200)]

    bodies = await fire(gql, VOTE, [(t, proposal) for t in tokens])

    assert outcomes(bodies) == {"ok": 200}
    assert (await reload(make, proposal)).votes_count == 200
    assert await count_rows(make, models.ProposalVote, proposal_id=proposal.id) == 200


async def test_the_same_support_sent_twenty_times_at_once_counts_once(make: Make, gql: Any) -> None:
    proposal = await make.proposal(component=await proposals_component(make))
    token = await make.signed_in(await make.user())

    bodies = await fire(gql, VOTE, [(token, proposal)] * 20)

    assert outcomes(bodies) == {"ok": 1, "CONFLICT:ALREADY_SUPPORTED": 19}
    assert (await reload(make, proposal)).votes_count == 1


async def test_two_hundred_participants_endorse_one_proposal_at_once(make: Make, gql: Any) -> None:
    proposal = await make.proposal(component=await proposals_component(make))
    tokens = [await make.signed_in(await make.user()) for _ in range(200)]

    bodies = await fire(gql, ENDORSE, [(t, proposal) for t in tokens])

    assert outcomes(bodies) == {"ok": 200}
    assert (await reload(make, proposal)).endorsements_count == 200
    assert await count_rows(make, models.Endorsement, resource_id=proposal.id) == 200
