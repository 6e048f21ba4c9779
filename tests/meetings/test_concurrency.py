"""Seats hold exactly when registrations race: real concurrent HTTP requests with bearer tokens.

Each request runs in its own transaction on its own connection, so these really race in PostgreSQL.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

import models
from tests.builders import Make
from tests.meetings.conftest import action, reload, variables

REGISTER = action("register", selection="id")
CANCEL = action("cancelRegistration", selection="id")


async def fire(gql: Any, document: str, meeting: models.Meeting, tokens: list[str]) -> list[dict[str, Any]]:
    """Send the document once per token, all at once."""

    async def one(token: str) -> dict[str, Any]:
        return await gql(document, variables(meeting), headers={"authorization": f"Bearer {token}"})  # type: ignore[no-any-return]

    return list(await asyncio.gather(*(one(t) for t in tokens)))


def outcomes(bodies: list[dict[str, Any]]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for body in bodies:
        errors = body.get("errors")
        key = "ok" if not errors else f"{errors[0]['extensions']['code']}:{errors[0]['extensions'].get('reason')}"
        counted[key] = counted.get(key, 0) + 1
    return counted


async def registered(make: Make, meeting: models.Meeting) -> list[int]:
    r = models.MeetingRegistration
    async with make.sessionmaker() as session:
        return list((await session.scalars(select(r.user_id).where(r.meeting_id == meeting.id))).all())


async def test_thirty_participants_register_at_once_for_ten_seats(make: Make, gql: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=10)
    people = [await make.user() for _ in range(30)]
    tokens = [await make.signed_in(p) for p in people]

    bodies = await fire(gql, REGISTER, meeting, tokens)

    assert outcomes(bodies) == {"ok": 10, "FORBIDDEN:NO_SLOTS_LEFT": 20}
    seated = await registered(make, meeting)
    assert len(seated) == len(set(seated)) == 10
    assert (await reload(make, meeting)).registrations_count == 10
    winners = {p.id for p, b in zip(people, bodies, strict=True) if not b.get("errors")}
    assert winners == set(seated)


async def test_the_same_participant_registering_five_times_at_once_gets_one_seat(make: Make, gql: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=10)
    token = await make.signed_in(await make.user())

    bodies = await fire(gql, REGISTER, meeting, [token] * 5)

    assert outcomes(bodies) == {"ok": 1, "CONFLICT:ALREADY_REGISTERED": 4}
    assert len(await registered(make, meeting)) == 1
    assert (await reload(make, meeting)).registrations_count == 1


async def test_registrations_and_cancellations_racing_keep_the_counter_exact(make: Make, gql: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=20)
    leaving = [await make.user() for _ in range(10)]
    for person in leaving:
        await make.registration(meeting=meeting, user=person)
    arriving = [await make.user() for _ in range(15)]
    leave_tokens = [await make.signed_in(p) for p in leaving]
    arrive_tokens = [await make.signed_in(p) for p in arriving]

    left, arrived = await asyncio.gather(
        fire(gql, CANCEL, meeting, leave_tokens), fire(gql, REGISTER, meeting, arrive_tokens)
    )

    assert outcomes(left) == {"ok": 10}
    assert outcomes(arrived) == {"ok": 15}
    r = models.MeetingRegistration
    async with make.sessionmaker() as session:
        rows = await session.scalar(select(func.count()).select_from(r).where(r.meeting_id == meeting.id))
    assert (await reload(make, meeting)).registrations_count == rows == 15
