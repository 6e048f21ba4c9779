"""Creating meetings through Decidim's write API: who may, and what a valid meeting is."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.meetings.conftest import (
    PARTICIPANTS_CREATE,
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


async def test_the_write_api_reaches_only_published_meetings_components(make: Make, execute: Any, org: Any) -> None:
    admin = as_admin(await make.user(admin=True))
    unpublished = await meetings_component(make)
    async with make.sessionmaker() as session:
        row = await session.get(models.Component, unpublished.id)
        row.published_at = None  # type: ignore[union-attr]
        await session.commit()
    hidden_meeting = await make.meeting(hidden_at=NOW)

    create_there = await create(execute, org, unpublished, admin)
    touch_hidden = await execute(
        action("withdraw", selection="withdrawn"), variables(hidden_meeting), organization=org, viewer=admin
    )

    assert error_codes(create_there) == [("NOT_FOUND", None)]
    assert error_codes(touch_hidden) == [("NOT_FOUND", None)]
