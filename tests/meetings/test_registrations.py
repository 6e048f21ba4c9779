"""Registering for a meeting and giving the seat back: who may, when, and what it leaves behind."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make, tr
from tests.meetings.conftest import acted, action, as_, error_codes, in_days, meetings_component, reload, variables

REGISTER = action("register", selection="id registrationsCount remainingSlots viewerRegistered viewerRegistrationCode")
REGISTER_ACCEPTING = action(
    "register", input="{registrationTermsAccepted: true}", selection="id registrationsCount viewerRegistered"
)
CANCEL = action("cancelRegistration", selection="id registrationsCount remainingSlots viewerRegistered")


async def _registrations(make: Make, meeting: models.Meeting) -> list[int]:
    r = models.MeetingRegistration
    async with make.sessionmaker() as session:
        return list((await session.scalars(select(r.user_id).where(r.meeting_id == meeting.id))).all())


async def test_participant_registers_and_gets_a_code(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=10)
    me = await make.user()

    body = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(me))

    answer = acted(body, "register")
    code = answer["viewerRegistrationCode"]
    assert body == {
        "data": {
            "component": {
                "meeting": {
                    "register": {
                        "id": str(meeting.id),
                        "registrationsCount": 1,
                        "remainingSlots": 9,
                        "viewerRegistered": True,
                        "viewerRegistrationCode": code,
                    }
                }
            }
        }
    }
    assert len(code) == 8
    assert code.isalnum()
    assert code.upper() == code
    assert await _registrations(make, meeting) == [me.id]
    assert (await reload(make, meeting)).registrations_count == 1


async def test_participant_gives_their_seat_back(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=10)
    me = await make.user()
    await make.registration(meeting=meeting, user=await make.user())
    await execute(REGISTER, variables(meeting), organization=org, viewer=as_(me))

    body = await execute(CANCEL, variables(meeting), organization=org, viewer=as_(me))

    assert acted(body, "cancelRegistration") == {
        "id": str(meeting.id),
        "registrationsCount": 1,
        "remainingSlots": 9,
        "viewerRegistered": False,
    }
    assert me.id not in await _registrations(make, meeting)


async def test_reserved_seats_count_against_the_limit(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=3, reserved_slots=2)
    first, second = await make.user(), await make.user()

    ok = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(first))
    full = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(second))

    assert acted(ok, "register")["remainingSlots"] == 0
    assert error_codes(full) == [("FORBIDDEN", "NO_SLOTS_LEFT")]
    assert acted(full, "register") is None


async def test_unlimited_meetings_take_everyone(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=0)
    for _ in range(3):
        await make.registration(meeting=meeting, user=await make.user())

    body = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(await make.user()))

    assert acted(body, "register")["registrationsCount"] == 4
    assert acted(body, "register")["remainingSlots"] is None


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ({"registrations_enabled": False}, "REGISTRATIONS_DISABLED"),
        ({"withdrawn_at": NOW}, "WITHDRAWN"),
        ({"closed_at": NOW}, "CLOSED"),
        ({"start_time": in_days(-2), "end_time": in_days(-2, hours=2)}, "PAST"),
    ],
    ids=["registrations disabled", "withdrawn", "closed", "past"],
)
async def test_registration_is_refused_when_the_meeting_does_not_take_any(
    make: Make, execute: Any, org: Any, state: dict[str, Any], reason: str
) -> None:
    meeting = await make.meeting(**({"registrations_enabled": True} | state))

    body = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(await make.user()))

    assert error_codes(body) == [("FORBIDDEN", reason)]
    assert await _registrations(make, meeting) == []


async def test_a_participant_registers_only_once(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True)
    me = await make.user()
    await execute(REGISTER, variables(meeting), organization=org, viewer=as_(me))

    again = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(me))

    assert error_codes(again) == [("CONFLICT", "ALREADY_REGISTERED")]
    assert (await reload(make, meeting)).registrations_count == 1


async def test_cancelling_without_a_seat_is_a_conflict(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True)

    body = await execute(CANCEL, variables(meeting), organization=org, viewer=as_(await make.user()))

    assert error_codes(body) == [("CONFLICT", "NOT_REGISTERED")]
    assert (await reload(make, meeting)).registrations_count == 0


async def test_a_seat_can_be_given_back_after_registrations_close_but_not_after_the_meeting(
    make: Make, execute: Any, org: Any
) -> None:
    me = await make.user()
    closed_registrations = await make.meeting(registrations_enabled=False)
    over = await make.meeting(registrations_enabled=True, start_time=in_days(-1), end_time=in_days(-1, hours=1))
    for meeting in (closed_registrations, over):
        await make.registration(meeting=meeting, user=me)

    ok = await execute(CANCEL, variables(closed_registrations), organization=org, viewer=as_(me))
    late = await execute(CANCEL, variables(over), organization=org, viewer=as_(me))

    assert acted(ok, "cancelRegistration")["registrationsCount"] == 0
    assert error_codes(late) == [("FORBIDDEN", "PAST")]


async def test_registration_terms_must_be_accepted_when_there_are_some(make: Make, execute: Any, org: Any) -> None:
    own_terms = await make.meeting(registrations_enabled=True, registration_terms=tr("Pas de photos"))
    component_terms = await make.meeting(
        registrations_enabled=True,
        component=await meetings_component(make, default_registration_terms={"fr": "Règlement intérieur"}),
    )
    me = await make.user()

    for meeting in (own_terms, component_terms):
        refused = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(me))
        accepted = await execute(REGISTER_ACCEPTING, variables(meeting), organization=org, viewer=as_(me))

        assert error_codes(refused) == [("BAD_USER_INPUT", None)]
        assert refused["errors"][0]["extensions"]["fields"] == {"input.registrationTermsAccepted": "must be true"}
        assert acted(accepted, "register") == {"id": str(meeting.id), "registrationsCount": 1, "viewerRegistered": True}


@pytest.mark.parametrize(
    ("who", "denied"),
    [
        ("anonymous", ("UNAUTHENTICATED", None)),
        ("unconfirmed", ("FORBIDDEN", "UNCONFIRMED")),
        ("blocked", ("FORBIDDEN", "BLOCKED")),
    ],
)
async def test_only_confirmed_participants_register(
    make: Make, execute: Any, org: Any, who: str, denied: tuple[str, str | None]
) -> None:
    meeting = await make.meeting(registrations_enabled=True)
    viewer = Viewer()
    if who == "unconfirmed":
        viewer = as_(await make.user(confirmed_at=None))
    elif who == "blocked":
        viewer = as_(await make.user(blocked=True, blocked_at=NOW))

    body = await execute(REGISTER, variables(meeting), organization=org, viewer=viewer)

    assert error_codes(body) == [denied]
    assert (await reload(make, meeting)).registrations_count == 0


async def test_meetings_one_may_not_see_cannot_be_registered_for(make: Make, execute: Any, org: Any) -> None:
    private = await make.meeting(registrations_enabled=True, private_meeting=True, transparent=False)
    other_org = await make.organization()
    elsewhere = await make.meeting(
        registrations_enabled=True,
        component=await meetings_component(make, space=await make.process(organization=other_org)),
    )

    for meeting in (private, elsewhere):
        body = await execute(REGISTER, variables(meeting), organization=org, viewer=as_(await make.user()))
        assert error_codes(body) == [("NOT_FOUND", None)]


async def test_the_counter_matches_the_rows_after_a_round_trip(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, available_slots=5)
    people = [await make.user() for _ in range(4)]
    for person in people:
        await execute(REGISTER, variables(meeting), organization=org, viewer=as_(person))
    await execute(CANCEL, variables(meeting), organization=org, viewer=as_(people[1]))

    r = models.MeetingRegistration
    async with make.sessionmaker() as session:
        rows = await session.scalar(select(func.count()).select_from(r).where(r.meeting_id == meeting.id))
    assert (await reload(make, meeting)).registrations_count == rows == 3
