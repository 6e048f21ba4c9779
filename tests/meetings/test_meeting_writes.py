"""Managing meetings through Decidim's write API: update, close (with its report) and withdraw."""

from __future__ import annotations

from typing import Any

from tests.builders import NOW, Make
from tests.meetings.conftest import (
    acted,
    action,
    as_,
    as_admin,
    error_codes,
    in_days,
    meetings_component,
    reload,
    variables,
)

UPDATE = action(
    "update",
    input="$input",
    selection='id title { translation(locale: "fr") } address availableSlots: remainingSlots startTime',
).replace("mutation($component: ID!, $id: ID!)", "mutation($component: ID!, $id: ID!, $input: UpdateMeetingInput!)")


async def test_author_updates_only_what_they_send(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    meeting = await make.meeting(author=me, available_slots=10)
    update = {"locale": "fr", "attributes": {"title": "Nouveau titre", "availableSlots": 12}}

    body = await execute(UPDATE, {**variables(meeting), "input": update}, organization=org, viewer=as_(me))

    assert acted(body, "update") == {
        "id": str(meeting.id),
        "title": {"translation": "Nouveau titre"},
        "address": meeting.address,
        "availableSlots": 12,
        "startTime": meeting.start_time.isoformat(),
    }


async def test_admin_updates_any_meeting_but_other_participants_cannot(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(author=await make.user())
    update = {"input": {"attributes": {"address": "Ailleurs"}}}

    stranger = await execute(UPDATE, {**variables(meeting), **update}, organization=org, viewer=as_(await make.user()))
    admin = await execute(
        UPDATE, {**variables(meeting), **update}, organization=org, viewer=as_admin(await make.user(admin=True))
    )

    assert error_codes(stranger) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert acted(admin, "update")["address"] == "Ailleurs"


async def test_seats_cannot_drop_below_the_registrations_already_made(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    meeting = await make.meeting(author=me, registrations_enabled=True, available_slots=5)
    for _ in range(3):
        await make.registration(meeting=meeting, user=await make.user())

    body = await execute(
        UPDATE, {**variables(meeting), "input": {"attributes": {"availableSlots": 2}}}, organization=org, viewer=as_(me)
    )

    assert body["errors"][0]["extensions"]["fields"] == {
        "attributes.availableSlots": "0 (no limit) or at least reservedSlots plus the registrations already made (3)"
    }
    assert (await reload(make, meeting)).available_slots == 5


CLOSE = action(
    "close",
    input="$input",
    selection='closed closingReport { translation(locale: "fr") } attendeeCount contributionCount '
    "attendingOrganizations videoUrl proposalsFromMeeting { id }",
).replace("mutation($component: ID!, $id: ID!)", "mutation($component: ID!, $id: ID!, $input: CloseMeetingInput!)")


async def test_author_closes_a_meeting_with_its_report_and_proposals(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    me = await make.user()
    meeting = await make.meeting(
        component=await meetings_component(make, space=process),
        author=me,
        start_time=in_days(-1),
        end_time=in_days(-1, hours=2),
    )
    proposal = await make.proposal(component=await make.component(space=process))
    closing = {
        "closingReport": {"fr": "Belle participation"},
        "attendeesCount": 25,
        "contributionsCount": 7,
        "attendingOrganizations": "Vélocampus",
        "videoUrl": "https://video.example.org/atelier",
        "proposals": [str(proposal.id)],
    }

    body = await execute(
        CLOSE, {**variables(meeting), "input": {"attributes": closing}}, organization=org, viewer=as_(me)
    )

    assert acted(body, "close") == {
        "closed": True,
        "closingReport": {"translation": "Belle participation"},
        "attendeeCount": 25,
        "contributionCount": 7,
        "attendingOrganizations": "Vélocampus",
        "videoUrl": "https://video.example.org/atelier",
        "proposalsFromMeeting": [{"id": str(proposal.id)}],
    }


async def test_closing_refuses_proposals_of_another_space_and_meetings_not_started(
    make: Make, execute: Any, org: Any
) -> None:
    me = await make.user()
    started = await make.meeting(author=me, start_time=in_days(-1), end_time=in_days(-1, hours=2))
    not_started = await make.meeting(author=me)
    elsewhere = await make.proposal()
    report = {"closingReport": "Compte-rendu"}

    foreign = await execute(
        CLOSE,
        {**variables(started), "input": {"attributes": report | {"proposals": [str(elsewhere.id)]}}},
        organization=org,
        viewer=as_(me),
    )
    early = await execute(
        CLOSE, {**variables(not_started), "input": {"attributes": report}}, organization=org, viewer=as_(me)
    )
    no_report = await execute(
        CLOSE, {**variables(started), "input": {"attributes": {}}}, organization=org, viewer=as_(me)
    )

    assert foreign["errors"][0]["extensions"]["fields"] == {
        "attributes.proposals": "visible proposals of the same space only"
    }
    assert error_codes(early) == [("FORBIDDEN", "NOT_STARTED")]
    assert no_report["errors"][0]["extensions"]["fields"] == {
        "attributes.closingReport": "required, in at least one locale"
    }
    assert (await reload(make, started)).closed_at is None


WITHDRAW = action("withdraw", selection="withdrawn isWithdrawn")


async def test_author_withdraws_their_meeting_once(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    meeting = await make.meeting(author=me)

    first = await execute(WITHDRAW, variables(meeting), organization=org, viewer=as_(me))
    again = await execute(WITHDRAW, variables(meeting), organization=org, viewer=as_(me))

    assert acted(first, "withdraw") == {"withdrawn": True, "isWithdrawn": True}
    assert error_codes(again) == [("CONFLICT", "ALREADY_WITHDRAWN")]


async def test_only_the_author_withdraws_and_not_once_the_meeting_is_over(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    someone_elses = await make.meeting(author=await make.user())
    over = await make.meeting(author=me, start_time=in_days(-3), end_time=in_days(-3, hours=1))
    admin = as_admin(await make.user(admin=True))

    by_admin = await execute(WITHDRAW, variables(someone_elses), organization=org, viewer=admin)
    too_late = await execute(WITHDRAW, variables(over), organization=org, viewer=as_(me))

    assert error_codes(by_admin) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert error_codes(too_late) == [("FORBIDDEN", "PAST")]


async def test_a_withdrawn_meeting_can_no_longer_be_edited(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    meeting = await make.meeting(author=me, withdrawn_at=NOW)

    body = await execute(
        UPDATE, {**variables(meeting), "input": {"attributes": {"address": "x"}}}, organization=org, viewer=as_(me)
    )

    assert error_codes(body) == [("FORBIDDEN", "WITHDRAWN")]
