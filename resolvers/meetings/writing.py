"""Building blocks every meeting write shares: the transaction, the target rows, the reference."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

import models
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.components.writable import writable_component
from resolvers.errors import BadUserInput, Conflict, NotFound
from resolvers.visibility import meeting_visible

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from datetime import datetime

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

MANIFEST = "meetings"


@dataclass(frozen=True, slots=True)
class Written:
    """A meeting as the write left it, with the settings it was judged by (to render it)."""

    meeting: models.Meeting
    settings: EffectiveSettings


@contextlib.asynccontextmanager
async def transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction; a constraint violation from a concurrent write becomes a ``CONFLICT``."""
    try:
        async with sessionmaker() as session, session.begin():
            yield session
    except IntegrityError as exc:
        msg = "Someone changed this at the same moment; reload and try again."
        raise Conflict(msg, reason="CONCURRENT_CHANGE") from exc


async def component_and_settings(
    session: AsyncSession, *, scope: Scope, component_id: int
) -> tuple[models.Component, EffectiveSettings]:
    component = await writable_component(session, scope=scope, component_id=component_id, manifest_name=MANIFEST)
    return component, await settings_for(session, component)


async def target_meeting(session: AsyncSession, *, scope: Scope, component_id: int, meeting_id: int) -> models.Meeting:
    """The visible meeting, row-locked until commit: writes to one meeting (registrations above all)
    apply one after the other, each seeing the counters the previous one left.

    ``FOR NO KEY UPDATE`` still lets other transactions insert rows that point at the meeting.
    """
    m = models.Meeting
    stmt = (
        select(m)
        .where(m.id == meeting_id, m.component_id == component_id, meeting_visible(scope))  # type: ignore[arg-type]
        .with_for_update(key_share=True, of=m)  # type: ignore[arg-type]
        .execution_options(populate_existing=True)
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such meeting in this component."
        raise NotFound(msg)
    return row


def reference(*, prefix: str, meeting_id: int, created_at: datetime, time_zone: str) -> str:
    """Decidim's reference, e.g. ``LA-MEET-2026-01-1234`` (month of creation in the organization's zone)."""
    local = created_at.astimezone(ZoneInfo(time_zone))
    return f"{prefix}-MEET-{local:%Y-%m}-{meeting_id}"


async def check_classification(
    session: AsyncSession, *, component: models.Component, category_id: int | None, scope_id: int | None
) -> None:
    """The category must be one of the component's space, the scope one of the organization."""
    errors: dict[str, str] = {}
    if category_id is not None:
        c = models.Category
        found = await session.scalar(
            select(c.id).where(  # type: ignore[call-overload]
                c.id == category_id, c.space_kind == component.space_kind, c.space_id == component.space_id
            )
        )
        if found is None:
            errors["attributes.categoryId"] = "not a category of this participatory space"
    if scope_id is not None:
        s = models.Scope
        found = await session.scalar(
            select(s.id).where(s.id == scope_id, s.organization_id == component.organization_id)  # type: ignore[call-overload]
        )
        if found is None:
            errors["attributes.scopeId"] = "not a scope of this organization"
    if errors:
        msg = "Invalid meeting: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


async def reachable(session: AsyncSession, *, scope: Scope, component_id: int, meeting_id: int) -> bool:
    """The meeting is one the viewer may see, in this component (what ``meeting(id)`` may target)."""
    m = models.Meeting
    stmt = select(m.id).where(m.id == meeting_id, m.component_id == component_id, meeting_visible(scope))  # type: ignore[call-overload]
    return await session.scalar(stmt) is not None
