"""The parts of a meeting that depend on its state and on who looks: closing, seats, form, registration."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import NOW, Make, tr
from tests.meetings.conftest import as_, meetings_component

CLOSING = """
query($m: ID!) {
  node(id: $m) {
    ... on Meeting {
      closed closingReport { translation(locale: "fr") } attendeeCount contributionCount videoUrl audioUrl
      attendingOrganizations
    }
  }
}
"""
NOTHING_SHOWN = {
    "closingReport": None,
    "attendeeCount": None,
    "contributionCount": None,
    "videoUrl": None,
    "audioUrl": None,
    "attendingOrganizations": None,
}


async def test_the_closing_report_shows_only_once_closed_with_a_visible_closing(
    make: Make, execute: Any, org: Any
) -> None:
    closing = {
        "closing_report": tr("Compte-rendu"),
        "attendees_count": 10,
        "contributions_count": 3,
        "video_url": "https://video.example.org/2",
        "audio_url": "https://audio.example.org/2",
        "attending_organizations": "Le club",
    }
    not_closed = await make.meeting(**closing, closing_visible=True)
    closed_privately = await make.meeting(**closing, closed_at=NOW, closing_visible=False)

    for meeting in (not_closed, closed_privately):
        body = await execute(CLOSING, {"m": str(meeting.id)}, organization=org)
        assert body == {"data": {"node": {"closed": meeting is closed_privately, **NOTHING_SHOWN}}}


async def test_an_official_meeting_has_no_author_and_an_online_one_its_url(make: Make, execute: Any, org: Any) -> None:
    in_person = await make.meeting(online_meeting_url="https://visio.example.org/not-used")
    online = await make.meeting(
        type_of_meeting="online", address=None, online_meeting_url="https://visio.example.org/x"
    )
    query = (
        "query($m: ID!) { node(id: $m) { ... on Meeting { official author { id } typeOfMeeting onlineMeetingUrl } } }"
    )

    answers = [(await execute(query, {"m": str(m.id)}, organization=org))["data"]["node"] for m in (in_person, online)]

    assert answers == [
        {"official": True, "author": None, "typeOfMeeting": "in_person", "onlineMeetingUrl": ""},
        {
            "official": True,
            "author": None,
            "typeOfMeeting": "online",
            "onlineMeetingUrl": "https://visio.example.org/x",
        },
    ]


async def test_unlimited_meetings_have_no_remaining_slots_and_full_ones_zero(
    make: Make, execute: Any, org: Any
) -> None:
    unlimited = await make.meeting(registrations_enabled=True, available_slots=0)
    full = await make.meeting(registrations_enabled=True, available_slots=1)
    await make.registration(meeting=full, user=await make.user())
    query = "query($m: ID!) { node(id: $m) { ... on Meeting { remainingSlots registrationsCount } } }"

    answers = [(await execute(query, {"m": str(m.id)}, organization=org))["data"]["node"] for m in (unlimited, full)]

    assert answers == [
        {"remainingSlots": None, "registrationsCount": 0},
        {"remainingSlots": 0, "registrationsCount": 1},
    ]


async def test_a_hidden_agenda_and_hidden_linked_proposals_do_not_show(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    meeting = await make.meeting(component=await meetings_component(make, space=process))
    await make.save(models.MeetingAgenda(organization_id=meeting.organization_id, meeting_id=meeting.id, visible=False))
    hidden = await make.proposal(component=await make.component(space=process), hidden_at=NOW)
    await make.save(
        models.MeetingProposalLink(
            organization_id=meeting.organization_id, meeting_id=meeting.id, proposal_id=hidden.id
        )
    )
    query = "query($m: ID!) { node(id: $m) { ... on Meeting { agenda { id } proposalsFromMeeting { id } } } }"

    body = await execute(query, {"m": str(meeting.id)}, organization=org)

    assert body == {"data": {"node": {"agenda": None, "proposalsFromMeeting": []}}}


async def test_the_registration_form_is_the_meetings_questionnaire(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True, registration_form_enabled=True)
    form = await make.save(
        models.Questionnaire(
            organization_id=meeting.organization_id,
            questionnaire_for_kind="meeting",
            questionnaire_for_id=meeting.id,
            title=tr("Inscription"),
        )
    )
    query = """query($m: ID!) { node(id: $m) { ... on Meeting {
      registrationFormEnabled
      registrationForm { id title { translation(locale: "fr") } forType forEntity { id ... on Meeting { id } } }
    } } }"""

    body = await execute(query, {"m": str(meeting.id)}, organization=org)

    assert body == {
        "data": {
            "node": {
                "registrationFormEnabled": True,
                "registrationForm": {
                    "id": str(form.id),
                    "title": {"translation": "Inscription"},
                    "forType": "Decidim::Meetings::Meeting",
                    "forEntity": {"id": str(meeting.id)},
                },
            }
        }
    }


async def test_the_viewer_sees_their_own_registration_and_code(make: Make, execute: Any, org: Any) -> None:
    meeting = await make.meeting(registrations_enabled=True)
    me = await make.user()
    registration = await make.registration(meeting=meeting, user=me)
    query = "query($m: ID!) { node(id: $m) { ... on Meeting { viewerRegistered viewerRegistrationCode } } }"

    mine = await execute(query, {"m": str(meeting.id)}, organization=org, viewer=as_(me))
    someone_else = await execute(query, {"m": str(meeting.id)}, organization=org, viewer=as_(await make.user()))

    assert mine == {"data": {"node": {"viewerRegistered": True, "viewerRegistrationCode": registration.code}}}
    assert someone_else == {"data": {"node": {"viewerRegistered": False, "viewerRegistrationCode": None}}}
