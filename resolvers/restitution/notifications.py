"""Notifications: one row per participant concerned, written in the transaction that causes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select, union
from sqlmodel import col

import models
from models.kinds import ResourceKind
from resolvers.errors import Unauthenticated

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

MAX_PAGE = 50


async def proposal_followers(session: AsyncSession, proposal_id: int) -> list[int]:
    """Authors and supporters of a proposal, each once (a coauthor who also supports is one person)."""
    a, v = models.ProposalCoauthorship, models.ProposalVote
    stmt = union(
        select(col(a.author_id)).where(col(a.proposal_id) == proposal_id),
        select(col(v.author_id)).where(col(v.proposal_id) == proposal_id),
    )
    return sorted(int(pk) for pk in (await session.scalars(stmt)).all())


def notify(
    session: AsyncSession,
    *,
    organization_id: int,
    user_ids: list[int],
    event: str,
    resource_kind: str,
    resource_id: int,
    payload: dict[str, Any],
) -> None:
    session.add_all(
        models.Notification(
            organization_id=organization_id,
            user_id=user_id,
            event=event,
            resource_kind=resource_kind,
            resource_id=resource_id,
            payload=payload,
        )
        for user_id in user_ids
    )


async def notify_answer(session: AsyncSession, proposal: models.Proposal) -> None:
    """Tell the proposal's authors and supporters its answer is public (Decidim's proposal_<state> events)."""
    state = proposal.state or "answered"
    event = f"proposal_{state}" if state in {"accepted", "rejected", "evaluating"} else "proposal_answered"
    notify(
        session,
        organization_id=proposal.organization_id,
        user_ids=await proposal_followers(session, proposal.id),  # type: ignore[arg-type]
        event=event,
        resource_kind=ResourceKind.PROPOSAL.value,
        resource_id=proposal.id,  # type: ignore[arg-type]
        payload={"state": proposal.state, "title": proposal.title},
    )


async def viewer_notifications(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, first: int
) -> list[models.Notification]:
    """The signed-in viewer's own notifications, newest first; nobody else's, whoever asks."""
    if scope.viewer.user_id is None:
        msg = "Sign in to read your notifications."
        raise Unauthenticated(msg)
    n = models.Notification
    async with sessionmaker() as session:
        rows = await session.scalars(
            select(n)
            .where(col(n.organization_id) == scope.organization_id, col(n.user_id) == scope.viewer.user_id)
            .order_by(col(n.id).desc())
            .limit(max(1, min(first, MAX_PAGE)))
        )
        return list(rows.all())
