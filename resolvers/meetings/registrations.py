"""Registering for a meeting and giving the seat back: exact seats under concurrent requests.

- Every registration write first locks the meeting row (``SELECT ... FOR NO KEY UPDATE``): writes to
  one meeting apply one after the other, each reading the ``registrations_count`` the previous one
  committed, so ``available_slots`` holds exactly however many participants click at once.
- The count moves with ``SET n = n ± 1`` in the transaction that inserts or deletes the row it counts.
- ``UNIQUE (meeting_id, user_id)`` makes a double registration impossible even if the lock were bypassed.
"""

from __future__ import annotations

import secrets
import string
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert

import models
from models.kinds import ResourceKind
from resolvers.actors import require_participant
from resolvers.errors import BadUserInput
from resolvers.follows.writing import add_follow
from resolvers.meetings import policies
from resolvers.meetings.writing import Written, component_and_settings, target_meeting, transaction

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

CODE_ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 8
_ONE_PER_PARTICIPANT = "uq_meeting_registrations_meeting_id_user_id"


def new_code() -> str:
    """A registration code to show at the door, as Decidim's (8 letters and digits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


async def _bump(session: AsyncSession, meeting_id: int, delta: int) -> models.Meeting:
    m = models.Meeting
    stmt = (
        update(m)
        .where(m.id == meeting_id)  # type: ignore[arg-type]
        # A counter is not an edit: updated_at stays as it was.
        .values(registrations_count=m.registrations_count + delta, updated_at=m.updated_at)
        .returning(m)
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(stmt)).one()


async def _registration_id(session: AsyncSession, *, meeting_id: int, user_id: int) -> int | None:
    r = models.MeetingRegistration
    stmt = select(r.id).where(r.meeting_id == meeting_id, r.user_id == user_id)  # type: ignore[call-overload]
    found = await session.scalar(stmt)
    return int(found) if found is not None else None


async def register(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    meeting_id: int,
    terms_accepted: bool,
    now: datetime | None = None,
) -> Written:
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        meeting = await target_meeting(session, scope=scope, component_id=component_id, meeting_id=meeting_id)
        existing = await _registration_id(session, meeting_id=meeting_id, user_id=user.id)  # type: ignore[arg-type]
        facts = policies.MeetingFacts.of(meeting)
        _deny(policies.may_register(facts, now=now, already_registered=existing is not None))
        terms = settings.get("default_registration_terms")
        if policies.terms_required(meeting.registration_terms, terms) and not terms_accepted:
            msg = "Accept the registration terms to register."
            raise BadUserInput(msg, fields={"input.registrationTermsAccepted": "must be true"})
        r = models.MeetingRegistration
        inserted = await session.scalar(
            insert(r)  # type: ignore[call-overload]
            .values(organization_id=meeting.organization_id, meeting_id=meeting_id, user_id=user.id, code=new_code())
            .on_conflict_do_nothing(constraint=_ONE_PER_PARTICIPANT)
            .returning(r.id)
        )
        if inserted is None:
            raise policies.denial("ALREADY_REGISTERED")
        # As Decidim: whoever registers follows the meeting (and keeps following if they cancel).
        await add_follow(
            session,
            organization_id=meeting.organization_id,
            user_id=user.id,  # type: ignore[arg-type]
            kind=ResourceKind.MEETING,
            pk=meeting_id,
        )
        fresh = await _bump(session, meeting_id, 1)
    return Written(fresh, settings)


async def cancel_registration(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    meeting_id: int,
    now: datetime | None = None,
) -> Written:
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        meeting = await target_meeting(session, scope=scope, component_id=component_id, meeting_id=meeting_id)
        existing = await _registration_id(session, meeting_id=meeting_id, user_id=user.id)  # type: ignore[arg-type]
        _deny(
            policies.may_cancel_registration(
                policies.MeetingFacts.of(meeting), now=now, registered=existing is not None
            )
        )
        r = models.MeetingRegistration
        await session.execute(delete(r).where(r.id == existing))  # type: ignore[arg-type]
        fresh = await _bump(session, meeting_id, -1)
    return Written(fresh, settings)
