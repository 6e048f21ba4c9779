"""Decidim's write API for meetings: create, update, close and withdraw, allowed and denied."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.meetings.conftest import (
    PARTICIPANTS_CREATE,
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

CREATE = """
mutation($c: ID!, $input: CreateMeetingInput!) {
  component(id: $c) {
    __typename
    ... on MeetingsMutation {
      createMeeting(input: $input) {
        id reference title { translation(locale: "fr") } description { translation(locale: "fr") }
        startTime endTime typeOfMeeting address onlineMeetingUrl location { translation(locale: "fr") }
        official author { nickname } registrationsEnabled remainingSlots publishedAt category { id }
      }
    }
  }
}
"""
START, END = in_days(10), in_days(10, hours=2)


def attributes(**kw: Any) -> dict[str, Any]:
    return {
        "title": {"fr": "Atelier vélo", "en": "Bike workshop"},
        "description": "Réparons nos vélos ensemble.",
        "startTime": START.isoformat(),
        "endTime": END.isoformat(),
        "typeOfMeeting": "in_person",
        "address": "Place du Commerce, Nantes",
        "location": {"fr": "Sous la halle"},
    } | kw


async def create(execute: Any, org: Any, component: Any, viewer: Viewer, **attrs: Any) -> dict[str, Any]:
    variables = {"c": str(component.id), "input": {"locale": "fr", "attributes": attributes(**attrs)}}
    return await execute(CREATE, variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]


def created(body: dict[str, Any]) -> Any:
    return ((body.get("data") or {}).get("component") or {}).get("createMeeting")


async def test_admin_creates_an_official_published_meeting(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make)
    admin = await make.user(admin=True)

    body = await create(execute, org, component, as_admin(admin), availableSlots=20, registrationsEnabled=True)

    meeting = created(body)
    assert "errors" not in body, body
    stored = await reload(make, models.Meeting(id=int(meeting["id"])))
    assert meeting == {
        "id": meeting["id"],
        "reference": f"LA-MEET-{stored.created_at.strftime('%Y-%m')}-{meeting['id']}",
        "title": {"translation": "Atelier vélo"},
        "description": {"translation": "Réparons nos vélos ensemble."},
        "startTime": START.isoformat(),
        "endTime": END.isoformat(),
        "typeOfMeeting": "in_person",
        "address": "Place du Commerce, Nantes",
        "onlineMeetingUrl": "",
        "location": {"translation": "Sous la halle"},
        "official": True,
        "author": None,
        "registrationsEnabled": True,
        "remainingSlots": 20,
        "publishedAt": stored.published_at.isoformat(),
        "category": None,
    }
    assert stored.description == {"fr": "Réparons nos vélos ensemble."}
    assert body["data"]["component"]["__typename"] == "MeetingsMutation"


async def test_participant_creates_their_own_meeting_where_the_component_allows_it(
    make: Make, execute: Any, org: Any
) -> None:
    component = await meetings_component(make, step=PARTICIPANTS_CREATE, creation_enabled_for_participants=True)
    camille = await make.user(nickname="camille")

    body = await create(execute, org, component, as_(camille))

    assert created(body)["official"] is False
    assert created(body)["author"] == {"nickname": "@camille"}


@pytest.mark.parametrize(
    ("global_settings", "step"),
    [({}, PARTICIPANTS_CREATE), ({"creation_enabled_for_participants": True}, {}), ({}, {})],
    ids=["participants not allowed", "step closed", "neither"],
)
async def test_participant_cannot_create_where_the_component_does_not_allow_it(
    make: Make, execute: Any, org: Any, global_settings: dict[str, Any], step: dict[str, Any]
) -> None:
    component = await meetings_component(make, step=step, **global_settings)

    body = await create(execute, org, component, as_(await make.user()))

    assert error_codes(body) == [("FORBIDDEN", "CREATION_DISABLED")]


async def test_anonymous_visitors_cannot_create(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make, step=PARTICIPANTS_CREATE, creation_enabled_for_participants=True)

    body = await create(execute, org, component, Viewer())

    assert error_codes(body) == [("UNAUTHENTICATED", None)]


async def test_invalid_meetings_are_refused_with_every_problem_named(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make)
    admin = as_admin(await make.user(admin=True))

    body = await create(
        execute,
        org,
        component,
        admin,
        title=None,
        endTime=in_days(9).isoformat(),
        typeOfMeeting="hybrid",
        address=None,
        onlineMeetingUrl="ftp://example.org",
        latitude=91.0,
        availableSlots=2,
        reservedSlots=3,
    )

    assert error_codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {
        "attributes.title": "required, in at least one locale",
        "attributes.endTime": "must be after startTime",
        "attributes.address": "required for a meeting that takes place somewhere",
        "attributes.onlineMeetingUrl": "an http(s) URL",
        "attributes.latitude": "give both latitude and longitude, or neither",
        "attributes.availableSlots": "0 (no limit) or at least reservedSlots plus the registrations already made (3)",
    }


async def test_a_title_in_an_unknown_locale_is_refused(make: Make, execute: Any, org: Any) -> None:
    component = await meetings_component(make)

    body = await create(execute, org, component, as_admin(await make.user(admin=True)), title={"xx": "Nope"})

    assert body["errors"][0]["extensions"]["fields"] == {"attributes.title": "unknown locale 'xx': use one of fr, en"}


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


async def test_the_write_api_reaches_only_published_meetings_components(make: Make, execute: Any, org: Any) -> None:
    admin = as_admin(await make.user(admin=True))
    unpublished = await meetings_component(make)
    async with make.sessionmaker() as session:
        row = await session.get(models.Component, unpublished.id)
        row.published_at = None  # type: ignore[union-attr]
        await session.commit()
    hidden_meeting = await make.meeting(hidden_at=NOW)

    create_there = await create(execute, org, unpublished, admin)
    touch_hidden = await execute(WITHDRAW, variables(hidden_meeting), organization=org, viewer=admin)

    assert error_codes(create_there) == [("NOT_FOUND", None)]
    assert error_codes(touch_hidden) == [("NOT_FOUND", None)]
