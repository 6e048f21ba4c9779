"""Milestones (Decidim's timeline entries) of a result: create, update, delete; administrators only.

The result row is locked for the transaction, so milestones never land on a result being deleted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

import models
from resolvers.accountability import forms
from resolvers.accountability.writing import (
    MILESTONE,
    changeset,
    component_and_settings,
    record_version,
    require_admin,
    target_result,
    transaction,
)
from resolvers.errors import NotFound

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope


async def _target_entry(session: AsyncSession, *, result_id: int, milestone_id: int) -> models.TimelineEntry:
    t = models.TimelineEntry
    stmt = select(t).where(t.id == milestone_id, t.result_id == result_id).with_for_update()  # type: ignore[arg-type]
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such milestone on this result."
        raise NotFound(msg, fields={"id": "not a milestone of this result"})
    return row


async def create_milestone(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    result_id: int,
    data: forms.MilestoneInput,
    now: datetime | None = None,
) -> models.TimelineEntry:
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        await component_and_settings(session, scope=scope, component_id=component_id)
        result = await target_result(session, component_id=component_id, result_id=result_id)
        entry = models.TimelineEntry(
            organization_id=result.organization_id,
            result_id=result_id,
            created_at=now,
            updated_at=now,
            **data.values,
        )
        session.add(entry)
        await session.flush()
        record_version(
            session,
            organization_id=entry.organization_id,
            item=(MILESTONE, entry.id),  # type: ignore[arg-type]
            event="create",
            changes=changeset({}, dict(data.values)),
            user_id=user.id,  # type: ignore[arg-type]
        )
        await session.flush()
        await session.refresh(entry)
    return entry


async def update_milestone(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    result_id: int,
    milestone_id: int,
    data: forms.MilestoneInput,
    now: datetime | None = None,
) -> models.TimelineEntry:
    """Change what the client sent; attributes left out stay as they are."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        await component_and_settings(session, scope=scope, component_id=component_id)
        await target_result(session, component_id=component_id, result_id=result_id)
        entry = await _target_entry(session, result_id=result_id, milestone_id=milestone_id)
        changes = changeset({name: getattr(entry, name) for name in data.values}, dict(data.values))
        for name, value in data.values.items():
            setattr(entry, name, value)
        if changes:
            entry.updated_at = now
        record_version(
            session,
            organization_id=entry.organization_id,
            item=(MILESTONE, milestone_id),
            event="update",
            changes=changes,
            user_id=user.id,  # type: ignore[arg-type]
        )
        await session.flush()
        await session.refresh(entry)
    return entry


async def delete_milestone(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    result_id: int,
    milestone_id: int,
) -> models.TimelineEntry:
    """Removes the milestone for good (as Decidim does); the answer is the milestone as it was."""
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        await component_and_settings(session, scope=scope, component_id=component_id)
        await target_result(session, component_id=component_id, result_id=result_id)
        entry = await _target_entry(session, result_id=result_id, milestone_id=milestone_id)
        session.expunge(entry)
        t = models.TimelineEntry
        await session.execute(delete(t).where(t.id == milestone_id))  # type: ignore[arg-type]
        record_version(
            session,
            organization_id=entry.organization_id,
            item=(MILESTONE, milestone_id),
            event="delete",
            changes={},
            user_id=user.id,  # type: ignore[arg-type]
        )
    return entry
