"""Participa's meeting filter and sort, and the inputs of Decidim's (and Participa's) meeting mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON


@strawberry.input(description="Participa: which meetings to list (Decidim's API has no meeting filter).")
class MeetingFilter:
    time_frame: str | None = strawberry.field(
        default=None,
        description='"upcoming" (not ended yet, ongoing ones included), "past" (ended) or "all" (the default), '
        "relative to the moment of the query.",
    )
    start_date: str | None = strawberry.field(
        default=None,
        description="Taking place on or after this day, YYYY-MM-DD in the organization's time zone.",
    )
    end_date: str | None = strawberry.field(
        default=None,
        description="Taking place on or before this day, YYYY-MM-DD in the organization's time zone.",
    )
    type: str | None = strawberry.field(default=None, description="in_person, online or hybrid.")
    withdrawn: bool | None = strawberry.field(
        default=None, description="true for withdrawn ones only, false to leave them out."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="In this category or one of its subcategories."
    )
    scope_id: strawberry.ID | None = strawberry.field(default=None, description="In this scope.")


@strawberry.input(description='Participa: meeting order, "ASC" (the default: soonest first) or "DESC".')
class MeetingSort:
    start_time: str | None = strawberry.field(default=None, description="Ties are broken by id, the same way.")


@strawberry.input(
    description="A meeting's attributes. Translated ones take an object of texts by locale "
    '({"fr": "...", "en": "..."}) or a plain text in the input\'s `locale`. On update, attributes left out stay '
    "as they are."
)
class MeetingAttributes:
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description="Required; 150 characters at most.")
    description: JSON | None = strawberry.field(default=strawberry.UNSET, description="Required.")
    start_time: datetime | None = strawberry.field(default=strawberry.UNSET, description="Required, with an offset.")
    end_time: datetime | None = strawberry.field(default=strawberry.UNSET, description="Required; after startTime.")
    type_of_meeting: str | None = strawberry.field(
        default=strawberry.UNSET, description="in_person (the default), online or hybrid."
    )
    address: str | None = strawberry.field(default=strawberry.UNSET, description="Required unless online.")
    location: JSON | None = strawberry.field(default=strawberry.UNSET, description="The place's name.")
    online_meeting_url: str | None = strawberry.field(
        default=strawberry.UNSET, description="Required for online and hybrid meetings; http(s)."
    )
    taxonomies: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Accepted for Decidim; Participa classifies with categoryId/scopeId."
    )
    location_hints: JSON | None = strawberry.field(default=strawberry.UNSET, description="Participa.")
    latitude: float | None = strawberry.field(default=strawberry.UNSET, description="Participa; with longitude.")
    longitude: float | None = strawberry.field(default=strawberry.UNSET, description="Participa; with latitude.")
    iframe_embed_type: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="Participa: none, embed_in_meeting_page, open_in_live_event_page or open_in_new_tab.",
    )
    registrations_enabled: bool | None = strawberry.field(default=strawberry.UNSET, description="Participa.")
    registration_terms: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: terms participants accept when they register."
    )
    available_slots: int | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: seats; 0 for no limit."
    )
    reserved_slots: int | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: seats kept aside, not open to registration."
    )
    private_meeting: bool | None = strawberry.field(default=strawberry.UNSET, description="Participa.")
    transparent: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a private but transparent meeting is visible to everyone."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a category of the component's space."
    )
    scope_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a scope of the organization."
    )


@strawberry.input(description="A new meeting.")
class CreateMeetingInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language plain texts are written in.")
    attributes: MeetingAttributes


@strawberry.input(description="New values for some of a meeting's attributes.")
class UpdateMeetingInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language plain texts are written in.")
    attributes: MeetingAttributes


@strawberry.input(description="What the meeting produced.")
class CloseMeetingAttributes:
    closing_report: JSON | None = strawberry.field(default=None, description="Required.")
    attendees_count: int | None = None
    contributions_count: int | None = None
    attending_organizations: str | None = None
    proposals: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Proposals the meeting took up (visible ones of the same space); replaces the list when given.",
    )
    video_url: str | None = None
    audio_url: str | None = None
    closing_visible: bool | None = strawberry.field(
        default=None, description="Participa: publish the closing report (the default) or keep it unpublished."
    )


@strawberry.input
class CloseMeetingInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="Participa: the language of a plain-text report.")
    attributes: CloseMeetingAttributes


@strawberry.input
class WithdrawMeetingInput:
    client_mutation_id: str | None = None


@strawberry.input(description="Participa: take a seat at a meeting.")
class RegisterMeetingInput:
    client_mutation_id: str | None = None
    registration_terms_accepted: bool = strawberry.field(
        default=False, description="Required true when the meeting (or its component) has registration terms."
    )


@strawberry.input(description="Participa: give one's seat back.")
class CancelMeetingRegistrationInput:
    client_mutation_id: str | None = None
