"""Decidim's write API for meetings: create, update, close (with its report) and withdraw.

Each write: check the input's shape -> one transaction (who acts, what the settings allow, the meeting
row locked) -> the fresh row, returned with the settings it was judged by. Organization admins create
the organization's own meetings (no participant author) and may edit any; participants create and
manage their own where the component lets them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

import models
from models.kinds import ResourceKind
from models.meetings import MeetingType
from resolvers.actors import require_participant
from resolvers.errors import BadUserInput
from resolvers.follows.writing import add_follow
from resolvers.meetings import forms, policies
from resolvers.meetings.writing import (
    Written,
    check_classification,
    component_and_settings,
    reference,
    target_meeting,
    transaction,
)
from resolvers.traceability.log import changeset, log_action
from resolvers.visibility import proposal_visible, visible_component_ids

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

DEFAULTS: dict[str, Any] = {
    "title": {},
    "description": {},
    "location": {},
    "location_hints": {},
    "registration_terms": {},
    "start_time": None,
    "end_time": None,
    "type_of_meeting": MeetingType.IN_PERSON.value,
    "address": None,
    "latitude": None,
    "longitude": None,
    "online_meeting_url": None,
    "iframe_embed_type": None,
    "registrations_enabled": False,
    "available_slots": 0,
    "reserved_slots": 0,
    "private_meeting": False,
    "transparent": True,
    "category_id": None,
    "scope_id": None,
}


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


def _actor(user: models.User, scope: Scope) -> policies.Actor:
    return policies.Actor(user_id=user.id, admin=scope.viewer.organization_admin)  # type: ignore[arg-type]


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    """Columns that cannot be null get their default back when the client clears them."""
    for name in ("title", "description", "location", "location_hints", "registration_terms"):
        values[name] = values.get(name) or {}
    for name in ("registrations_enabled", "private_meeting"):
        values[name] = bool(values.get(name))
    for name in ("available_slots", "reserved_slots"):
        values[name] = values.get(name) or 0
    if values.get("transparent") is None:
        values["transparent"] = True
    return values


async def create_meeting(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    data: forms.MeetingInput,
    now: datetime | None = None,
) -> Written:
    """A published meeting: the organization's own when an admin creates it, else the participant's."""
    now = now or datetime.now(UTC)
    values = _normalised(DEFAULTS | dict(data.values))
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        actor = _actor(user, scope)
        _deny(policies.may_create(settings, admin=actor.admin))
        forms.check(values)
        await check_classification(
            session, component=component, category_id=values["category_id"], scope_id=values["scope_id"]
        )
        meeting = models.Meeting(
            organization_id=component.organization_id,
            component_id=component_id,
            author_id=None if actor.admin else actor.user_id,
            published_at=now,
            created_at=now,
            updated_at=now,
            **values,
        )
        session.add(meeting)
        await session.flush()
        meeting.reference = reference(
            prefix=organization.reference_prefix,
            meeting_id=meeting.id,  # type: ignore[arg-type]
            created_at=now,
            time_zone=organization.time_zone,
        )
        if meeting.author_id is not None:  # as Decidim: a participant follows the meeting they organise
            await add_follow(
                session,
                organization_id=meeting.organization_id,
                user_id=meeting.author_id,
                kind=ResourceKind.MEETING,
                pk=meeting.id,  # type: ignore[arg-type]
            )
        await session.flush()
        await session.refresh(meeting)
    return Written(meeting, settings)


async def update_meeting(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    meeting_id: int,
    data: forms.MeetingInput,
) -> Written:
    """Change the given attributes; the meeting left behind must be valid as a whole."""
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        meeting = await target_meeting(session, scope=scope, component_id=component_id, meeting_id=meeting_id)
        _deny(policies.may_update(policies.MeetingFacts.of(meeting), actor=_actor(user, scope)))
        current = {name: getattr(meeting, name) for name in forms.CONTENT_FIELDS}
        values = _normalised(current | dict(data.values))
        forms.check(values, registrations=meeting.registrations_count)
        await check_classification(
            session,
            component=component,
            category_id=values["category_id"] if "category_id" in data.provided else None,
            scope_id=values["scope_id"] if "scope_id" in data.provided else None,
        )
        for name, value in values.items():
            if current[name] != value:
                setattr(meeting, name, value)
        await session.flush()
        await session.refresh(meeting)
    return Written(meeting, settings)


async def _link_proposals(
    session: AsyncSession, *, scope: Scope, meeting: models.Meeting, component: models.Component, ids: Sequence[int]
) -> None:
    """Replace the proposals the meeting took up: visible proposals of the meeting's own space only."""
    p = models.Proposal
    c = models.Component
    wanted = list(dict.fromkeys(ids))
    same_space = select(c.id).where(  # type: ignore[call-overload]
        c.space_kind == component.space_kind,  # type: ignore[arg-type]
        c.space_id == component.space_id,  # type: ignore[arg-type]
        c.id.in_(visible_component_ids(scope)),  # type: ignore[union-attr]
    )
    found = set(
        (
            await session.scalars(
                select(p.id).where(p.id.in_(wanted), proposal_visible(scope), p.component_id.in_(same_space))  # type: ignore[union-attr,attr-defined,call-overload]
            )
        ).all()
    )
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        msg = f"Proposal {missing[0]} is not a visible proposal of this meeting's participatory space."
        raise BadUserInput(msg, fields={"attributes.proposals": "visible proposals of the same space only"})
    link = models.MeetingProposalLink
    await session.execute(delete(link).where(link.meeting_id == meeting.id))  # type: ignore[arg-type]
    session.add_all(
        link(organization_id=meeting.organization_id, meeting_id=meeting.id, proposal_id=pk)  # type: ignore[arg-type]
        for pk in wanted
    )


# What closing writes, for the action log's before/after.
_CLOSING_FIELDS = (
    "closing_report",
    "attendees_count",
    "contributions_count",
    "attending_organizations",
    "video_url",
    "audio_url",
    "closing_visible",
    "closed_at",
)


async def close_meeting(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    meeting_id: int,
    data: forms.ClosingInput,
    now: datetime | None = None,
) -> Written:
    """Write the closing report; closing again rewrites it (and keeps the first closing time)."""
    now = now or datetime.now(UTC)
    forms.check_closing(data)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        meeting = await target_meeting(session, scope=scope, component_id=component_id, meeting_id=meeting_id)
        _deny(policies.may_close(policies.MeetingFacts.of(meeting), actor=_actor(user, scope), now=now))
        if data.proposal_ids is not None:
            await _link_proposals(session, scope=scope, meeting=meeting, component=component, ids=data.proposal_ids)
        before = {name: getattr(meeting, name) for name in _CLOSING_FIELDS}
        meeting.closing_report = data.closing_report
        meeting.attendees_count = data.attendees_count
        meeting.contributions_count = data.contributions_count
        meeting.attending_organizations = data.attending_organizations
        meeting.video_url = data.video_url
        meeting.audio_url = data.audio_url
        meeting.closing_visible = data.closing_visible
        meeting.closed_at = meeting.closed_at or now
        await log_action(
            session,
            scope,
            action="meeting.close",
            resource=(ResourceKind.MEETING.value, meeting_id),
            space=(component.space_kind, component.space_id),
            changes=changeset(before, {name: getattr(meeting, name) for name in before}),
        )
        await session.flush()
        await session.refresh(meeting)
    return Written(meeting, settings)


async def withdraw_meeting(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    meeting_id: int,
    now: datetime | None = None,
) -> Written:
    """The author withdraws the meeting; it stays visible, marked withdrawn, and takes no registration."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        meeting = await target_meeting(session, scope=scope, component_id=component_id, meeting_id=meeting_id)
        _deny(policies.may_withdraw(policies.MeetingFacts.of(meeting), actor=_actor(user, scope), now=now))
        meeting.withdrawn_at = now
        await session.flush()
        await session.refresh(meeting)
    return Written(meeting, settings)
