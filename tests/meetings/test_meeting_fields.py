"""A meeting as Decidim's API shows it: every field of ``Meeting``, its agenda, services and links."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import NOW, Make, tr
from tests.meetings.conftest import as_, in_days, meetings_component

MEETING = """
query($c: ID!, $m: ID!) {
  component(id: $c) {
    __typename id
    ... on Meetings {
      meeting(id: $m) {
        __typename id type reference
        title { translation(locale: "fr") } description { translation(locale: "en") }
        startTime endTime typeOfMeeting onlineMeetingUrl iframeEmbedType
        address coordinates { latitude longitude }
        location { translation(locale: "fr") } locationHints { translation(locale: "fr") }
        closed isWithdrawn withdrawn withdrawnAt
        closingReport { translation(locale: "fr") } videoUrl audioUrl attendingOrganizations
        attendeeCount contributionCount
        privateMeeting transparent
        registrationsEnabled registrationFormEnabled registrationTerms { translation(locale: "fr") }
        remainingSlots registrationsCount registrationForm { id }
        official author { nickname } category { id } scope { id }
        acceptsNewComments commentsHaveAlignment commentsHaveVotes totalCommentsCount hasComments
        attachments { url }
        services { title { translation(locale: "fr") } description { translation(locale: "fr") } }
        agenda {
          title { translation(locale: "fr") }
          items {
            title { translation(locale: "fr") } duration position parent { id }
            items { title { translation(locale: "fr") } duration parent { title { translation(locale: "fr") } } }
          }
        }
        proposalsFromMeeting { id }
        viewerRegistered viewerRegistrationCode
      }
    }
  }
}
"""


def _iso(moment: Any) -> str:
    return moment.isoformat()


async def _agenda(make: Make, meeting: models.Meeting) -> None:
    org = meeting.organization_id
    agenda = await make.save(models.MeetingAgenda(organization_id=org, meeting_id=meeting.id, title=tr("Programme")))
    welcome = await make.save(
        models.MeetingAgendaItem(organization_id=org, agenda_id=agenda.id, title=tr("Accueil"), duration=15, position=0)
    )
    workshops = await make.save(
        models.MeetingAgendaItem(
            organization_id=org, agenda_id=agenda.id, title=tr("Ateliers"), duration=60, position=1
        )
    )
    for position, name in enumerate(("Mobilités", "Logement")):
        await make.save(
            models.MeetingAgendaItem(
                organization_id=org,
                agenda_id=agenda.id,
                parent_id=workshops.id,
                title=tr(name),
                duration=30,
                position=position,
            )
        )
    assert welcome.id


async def test_a_closed_meeting_shows_every_decidim_field(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await meetings_component(make, space=process)
    author = await make.user(nickname="camille")
    category = await make.category(space=process)
    scope = await make.scope()
    start, end = in_days(-2), in_days(-2, hours=3)
    meeting = await make.meeting(
        component=component,
        author=author,
        reference="LA-MEET-2026-01-42",
        title=tr("Réunion publique"),
        description=tr("Sur les mobilités", "About mobility"),
        start_time=start,
        end_time=end,
        type_of_meeting="hybrid",
        online_meeting_url="https://visio.example.org/reunion",
        iframe_embed_type="open_in_new_tab",
        latitude=47.218,
        longitude=-1.553,
        location=tr("Salle des fêtes"),
        location_hints=tr("Au fond de la cour"),
        registrations_enabled=True,
        registration_terms=tr("J'accepte d'être pris en photo"),
        available_slots=30,
        reserved_slots=5,
        closed_at=NOW,
        closing_visible=True,
        closing_report=tr("Nous étions nombreux"),
        video_url="https://video.example.org/1",
        audio_url="https://audio.example.org/1",
        attending_organizations="Association des usagers",
        attendees_count=40,
        contributions_count=12,
        category_id=category.id,
        scope_id=scope.id,
    )
    await make.registration(meeting=meeting, user=await make.user())
    await make.save(
        models.MeetingService(
            organization_id=meeting.organization_id,
            meeting_id=meeting.id,
            title=tr("Garderie"),
            description=tr("Gratuite"),
        )
    )
    await _agenda(make, meeting)
    proposals = await make.component(space=process, manifest_name="proposals")
    taken_up = await make.proposal(component=proposals)
    await make.save(
        models.MeetingProposalLink(
            organization_id=meeting.organization_id, meeting_id=meeting.id, proposal_id=taken_up.id
        )
    )
    await make.attachment(owner=meeting, attached_to_kind="meeting", url="https://files.example.org/cr.pdf")

    body = await execute(MEETING, {"c": str(component.id), "m": str(meeting.id)}, organization=org)

    assert body == {
        "data": {
            "component": {
                "__typename": "Meetings",
                "id": str(component.id),
                "meeting": {
                    "__typename": "Meeting",
                    "id": str(meeting.id),
                    "type": "Decidim::Meetings::Meeting",
                    "reference": "LA-MEET-2026-01-42",
                    "title": {"translation": "Réunion publique"},
                    "description": {"translation": "About mobility"},
                    "startTime": _iso(start),
                    "endTime": _iso(end),
                    "typeOfMeeting": "hybrid",
                    "onlineMeetingUrl": "https://visio.example.org/reunion",
                    "iframeEmbedType": "open_in_new_tab",
                    "address": "1 rue de la Mairie, Nantes",
                    "coordinates": {"latitude": 47.218, "longitude": -1.553},
                    "location": {"translation": "Salle des fêtes"},
                    "locationHints": {"translation": "Au fond de la cour"},
                    "closed": True,
                    "isWithdrawn": False,
                    "withdrawn": False,
                    "withdrawnAt": None,
                    "closingReport": {"translation": "Nous étions nombreux"},
                    "videoUrl": "https://video.example.org/1",
                    "audioUrl": "https://audio.example.org/1",
                    "attendingOrganizations": "Association des usagers",
                    "attendeeCount": 40,
                    "contributionCount": 12,
                    "privateMeeting": False,
                    "transparent": True,
                    "registrationsEnabled": True,
                    "registrationFormEnabled": False,
                    "registrationTerms": {"translation": "J'accepte d'être pris en photo"},
                    "remainingSlots": 24,
                    "registrationsCount": 1,
                    "registrationForm": None,
                    "official": False,
                    "author": {"nickname": "@camille"},
                    "category": {"id": str(category.id)},
                    "scope": {"id": str(scope.id)},
                    "acceptsNewComments": True,
                    "commentsHaveAlignment": True,
                    "commentsHaveVotes": True,
                    "totalCommentsCount": 0,
                    "hasComments": False,
                    "attachments": [{"url": "https://files.example.org/cr.pdf"}],
                    "services": [{"title": {"translation": "Garderie"}, "description": {"translation": "Gratuite"}}],
                    "agenda": {
                        "title": {"translation": "Programme"},
                        "items": [
                            {
                                "title": {"translation": "Accueil"},
                                "duration": 15,
                                "position": 0,
                                "parent": None,
                                "items": [],
                            },
                            {
                                "title": {"translation": "Ateliers"},
                                "duration": 60,
                                "position": 1,
                                "parent": None,
                                "items": [
                                    {
                                        "title": {"translation": "Mobilités"},
                                        "duration": 30,
                                        "parent": {"title": {"translation": "Ateliers"}},
                                    },
                                    {
                                        "title": {"translation": "Logement"},
                                        "duration": 30,
                                        "parent": {"title": {"translation": "Ateliers"}},
                                    },
                                ],
                            },
                        ],
                    },
                    "proposalsFromMeeting": [{"id": str(taken_up.id)}],
                    "viewerRegistered": False,
                    "viewerRegistrationCode": None,
                },
            }
        }
    }


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
