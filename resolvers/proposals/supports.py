"""Supports (votes) and endorsements: exact counters and limits under concurrent requests.

- The unique constraints make a double support or endorsement impossible; ``ON CONFLICT DO NOTHING``
  turns the race's loser into a ``CONFLICT`` without aborting the transaction.
- Counters move with ``SET n = n + 1`` in the same transaction as the row they count.
- ``vote_limit`` holds because the participant's row is locked first: their simultaneous supports
  are counted one after the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert

import models
from resolvers.actors import require_participant
from resolvers.proposals import policies
from resolvers.proposals.writing import (
    PROPOSAL,
    Written,
    check_group_member,
    component_and_settings,
    target_proposal,
    transaction,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


async def _bump(session: AsyncSession, proposal_id: int, column: Any, delta: int) -> models.Proposal:
    p = models.Proposal
    stmt = (
        update(p)
        .where(p.id == proposal_id)  # type: ignore[arg-type]
        .values({column: column + delta})
        .returning(p)
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(stmt)).one()


async def _supports_used(session: AsyncSession, *, component_id: int, user_id: int) -> int:
    v = models.ProposalVote
    stmt = select(func.count()).where(v.component_id == component_id, v.author_id == user_id)  # type: ignore[arg-type]
    return int(await session.scalar(stmt) or 0)


async def vote(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, proposal_id: int
) -> Written:
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope, lock=True)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        used = 0
        if settings.get("vote_limit"):
            used = await _supports_used(session, component_id=component_id, user_id=user.id)  # type: ignore[arg-type]
        _deny(policies.may_vote(settings, policies.ProposalFacts.of(proposal), used_in_component=used))
        v = models.ProposalVote
        inserted = await session.scalar(
            insert(v)  # type: ignore[call-overload]
            .values(
                organization_id=proposal.organization_id,
                proposal_id=proposal_id,
                component_id=component_id,
                author_id=user.id,
            )
            .on_conflict_do_nothing()
            .returning(v.id)
        )
        if inserted is None:
            raise policies.denial("ALREADY_SUPPORTED")
        fresh = await _bump(session, proposal_id, models.Proposal.votes_count, 1)
    return Written(fresh, settings)


async def unvote(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, proposal_id: int
) -> Written:
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        _deny(policies.may_unvote(settings))
        v = models.ProposalVote
        removed = await session.scalar(
            delete(v).where(v.proposal_id == proposal_id, v.author_id == user.id).returning(v.id)  # type: ignore[arg-type,call-overload]
        )
        if removed is None:
            raise policies.denial("NOT_SUPPORTED")
        fresh = await _bump(session, proposal_id, models.Proposal.votes_count, -1)
    return Written(fresh, settings)


async def endorse(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    proposal_id: int,
    user_group_id: int | None = None,
) -> Written:
    """Endorse in one's own name, or for a group one belongs to (each is a separate endorsement)."""
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        _deny(policies.may_endorse(settings, policies.ProposalFacts.of(proposal)))
        if user_group_id is not None:
            await check_group_member(session, scope=scope, user_id=user.id, group_id=user_group_id)  # type: ignore[arg-type]
        e = models.Endorsement
        inserted = await session.scalar(
            insert(e)  # type: ignore[call-overload]
            .values(
                organization_id=proposal.organization_id,
                resource_kind=PROPOSAL,
                resource_id=proposal_id,
                author_id=user.id,
                user_group_id=user_group_id,
            )
            .on_conflict_do_nothing()
            .returning(e.id)
        )
        if inserted is None:
            raise policies.denial("ALREADY_ENDORSED")
        fresh = await _bump(session, proposal_id, models.Proposal.endorsements_count, 1)
    return Written(fresh, settings)


async def unendorse(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    proposal_id: int,
    user_group_id: int | None = None,
) -> Written:
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        _deny(policies.may_unendorse(settings))
        e = models.Endorsement
        same_group = e.user_group_id.is_(None) if user_group_id is None else e.user_group_id == user_group_id  # type: ignore[union-attr]
        removed = await session.scalar(
            delete(e)  # type: ignore[call-overload]
            .where(
                e.resource_kind == PROPOSAL,  # type: ignore[arg-type]
                e.resource_id == proposal_id,  # type: ignore[arg-type]
                e.author_id == user.id,  # type: ignore[arg-type]
                same_group,  # type: ignore[arg-type]
            )
            .returning(e.id)
        )
        if removed is None:
            raise policies.denial("NOT_ENDORSED")
        fresh = await _bump(session, proposal_id, models.Proposal.endorsements_count, -1)
    return Written(fresh, settings)
