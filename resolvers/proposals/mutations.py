"""Writing proposals: create (a draft unless asked to publish), update, publish, withdraw.

Each write: check the input's shape -> one transaction (who acts, what the settings allow, the rows it
touches, locked) -> the fresh row, returned with the settings it was judged by.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

import models
from models.kinds import ResourceKind
from resolvers.actors import require_participant
from resolvers.follows.writing import add_follow
from resolvers.proposals import content, forms, policies
from resolvers.proposals.queries import authored_by
from resolvers.proposals.writing import (
    Written,
    check_classification,
    check_group_member,
    component_and_settings,
    is_author,
    record_version,
    snapshot,
    target_proposal,
    transaction,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

# What a create records in its first version, and what an update may change.
CONTENT_FIELDS = ("title", "body", "address", "latitude", "longitude", "category_id", "scope_id")


async def _own_proposals(session: AsyncSession, *, component_id: int, user_id: int, published_only: bool) -> int:
    """The participant's proposals in the component that count against ``proposal_limit``.

    As in Decidim, withdrawn and hidden ones do not count; drafts count when creating.
    """
    p = models.Proposal
    stmt = select(func.count()).where(
        p.component_id == component_id,  # type: ignore[arg-type]
        authored_by(user_id),
        p.withdrawn_at.is_(None),  # type: ignore[union-attr]
        p.hidden_at.is_(None),  # type: ignore[union-attr]
    )
    if published_only:
        stmt = stmt.where(p.published_at.is_not(None))  # type: ignore[union-attr]
    return int(await session.scalar(stmt) or 0)


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


def _publish(
    session: AsyncSession, proposal: models.Proposal, *, organization: models.Organization, user_id: int, now: datetime
) -> None:
    proposal.published_at = now
    proposal.reference = content.reference(
        prefix=organization.reference_prefix,
        proposal_id=proposal.id,  # type: ignore[arg-type]
        created_at=proposal.created_at or now,
        time_zone=organization.time_zone,
    )
    changes = content.changeset({}, {"published_at": now, "reference": proposal.reference})
    record_version(session, proposal=proposal, event="update", changes=changes, user_id=user_id)


async def create_proposal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    data: forms.ProposalInput,
    now: datetime | None = None,
) -> Written:
    """A new proposal by the viewer: a draft, or published at once when ``data.publish``."""
    forms.check_shape(data)
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        # Locking the participant's row makes their simultaneous creations count one after the other.
        user = await require_participant(session, scope, lock=True)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        _deny(policies.may_create(settings))
        forms.check_for_component(data, settings)
        await check_classification(session, component=component, category_id=data.category_id, scope_id=data.scope_id)
        if data.user_group_id is not None:
            await check_group_member(session, scope=scope, user_id=user.id, group_id=data.user_group_id)  # type: ignore[arg-type]
        existing = await _own_proposals(session, component_id=component_id, user_id=user.id, published_only=False)  # type: ignore[arg-type]
        _deny(policies.within_limit(limit=int(settings.get("proposal_limit", 0)), existing=existing))
        proposal = models.Proposal(
            organization_id=component.organization_id,
            component_id=component_id,
            title={data.locale: data.clean_title},
            body={data.locale: data.clean_body},
            address=data.address,
            latitude=data.latitude,
            longitude=data.longitude,
            category_id=data.category_id,
            scope_id=data.scope_id,
            coauthorships_count=1,
            created_at=now,
            updated_at=now,
        )
        session.add(proposal)
        await session.flush()
        session.add(
            models.ProposalCoauthorship(
                organization_id=component.organization_id,
                proposal_id=proposal.id,  # type: ignore[arg-type]
                author_id=user.id,  # type: ignore[arg-type]
                user_group_id=data.user_group_id,
                position=0,
            )
        )
        # As Decidim: the author follows what they propose.
        await add_follow(
            session,
            organization_id=component.organization_id,
            user_id=user.id,  # type: ignore[arg-type]
            kind=ResourceKind.PROPOSAL,
            pk=proposal.id,  # type: ignore[arg-type]
        )
        initial = content.changeset({}, snapshot(proposal, CONTENT_FIELDS))
        record_version(session, proposal=proposal, event="create", changes=initial, user_id=user.id)  # type: ignore[arg-type]
        if data.publish:
            _publish(session, proposal, organization=organization, user_id=user.id, now=now)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(proposal)
    return Written(proposal, settings)


async def update_proposal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    proposal_id: int,
    data: forms.ProposalInput,
    now: datetime | None = None,
) -> Written:
    """An author's edit; the title and body are replaced by the text in ``data.locale``."""
    forms.check_shape(data)
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        author = await is_author(session, proposal_id=proposal_id, user_id=user.id)  # type: ignore[arg-type]
        _deny(policies.may_edit(settings, policies.ProposalFacts.of(proposal), is_author=author, now=now))
        forms.check_for_component(data, settings)
        wanted: dict[str, Any] = {"title": {data.locale: data.clean_title}, "body": {data.locale: data.clean_body}}
        wanted |= {name: getattr(data, name) for name in forms.OPTIONAL_FIELDS if name in data.provided}
        await check_classification(
            session, component=component, category_id=wanted.get("category_id"), scope_id=wanted.get("scope_id")
        )
        changes = content.changeset(snapshot(proposal, tuple(wanted)), wanted)
        for name, value in wanted.items():
            setattr(proposal, name, value)
        record_version(session, proposal=proposal, event="update", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(proposal)
    return Written(proposal, settings)


async def publish_proposal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    proposal_id: int,
    now: datetime | None = None,
) -> Written:
    """An author publishes their draft: it gets its reference and becomes visible to everyone."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope, lock=True)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        author = await is_author(session, proposal_id=proposal_id, user_id=user.id)  # type: ignore[arg-type]
        _deny(policies.may_publish(settings, policies.ProposalFacts.of(proposal), is_author=author))
        published = await _own_proposals(session, component_id=component_id, user_id=user.id, published_only=True)  # type: ignore[arg-type]
        _deny(policies.within_limit(limit=int(settings.get("proposal_limit", 0)), existing=published))
        _publish(session, proposal, organization=organization, user_id=user.id, now=now)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(proposal)
    return Written(proposal, settings)


async def withdraw_proposal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    proposal_id: int,
    now: datetime | None = None,
) -> Written:
    """An author withdraws their published proposal; it stays visible, marked withdrawn."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        author = await is_author(session, proposal_id=proposal_id, user_id=user.id)  # type: ignore[arg-type]
        _deny(policies.may_withdraw(policies.ProposalFacts.of(proposal), is_author=author))
        proposal.withdrawn_at = now
        changes = content.changeset({}, {"withdrawn_at": now})
        record_version(session, proposal=proposal, event="update", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(proposal)
    return Written(proposal, settings)
