"""A meeting as Decidim's API shows it: every field of ``Meeting``, its agenda, services and links."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import NOW, Make, tr
from tests.meetings.conftest import in_days, meetings_component

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
