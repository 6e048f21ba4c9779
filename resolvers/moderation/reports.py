"""Reports feed moderation: each one counts, and the organization's threshold hides the resource."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.moderation.hiding import hideable, load_target, moderation_row, set_hidden

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

DEFAULT_HIDE_THRESHOLD = 3


async def hide_threshold(session: AsyncSession, organization_id: int) -> int:
    s = models.ModerationSetting
    value = await session.scalar(select(s.hide_threshold).where(s.organization_id == organization_id))  # type: ignore[call-overload]
    return int(value) if value is not None else DEFAULT_HIDE_THRESHOLD


async def record_report(
    session: AsyncSession, *, organization_id: int, kind: str, pk: int, now: datetime | None = None
) -> models.Moderation:
    """Count a report just inserted in this transaction; hide the resource when the count reaches the threshold.

    The resource row is locked first, so simultaneous reports are counted one after the other and exactly
    one of them crosses the threshold.
    """
    target = await load_target(session, organization_id=organization_id, kind=kind, pk=pk)
    moderation = await moderation_row(session, target, reports=1)
    if not hideable(kind) or moderation.hidden_at is not None:
        return moderation
    if moderation.report_count >= await hide_threshold(session, organization_id):
        await set_hidden(session, target, hidden=True, now=now or datetime.now(UTC))
    return moderation
