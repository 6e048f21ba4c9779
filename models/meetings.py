"""The calendar: meetings, their agendas and services, registrations, and the proposals they took up."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, timestamp, translated


class MeetingType(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class IframeEmbedType(StrEnum):
    """How the front end shows an online meeting (Decidim's values)."""

    NONE = "none"
    EMBED_IN_MEETING_PAGE = "embed_in_meeting_page"
    OPEN_IN_LIVE_EVENT_PAGE = "open_in_live_event_page"
    OPEN_IN_NEW_TAB = "open_in_new_tab"


_TYPES = ", ".join(f"'{t.value}'" for t in MeetingType)
_EMBEDS = ", ".join(f"'{t.value}'" for t in IframeEmbedType)


class Meeting(Tenanted, Timestamped, table=True):
    """A meeting of a meetings component. ``published_at`` is null until it is published.

    ``author_id`` is null for the organization's own (official) meetings. ``registrations_count`` is
    kept exact in the registering transaction, under a row lock, so that ``available_slots`` (0 means
    unlimited) holds under concurrent registrations; the check constraint is the last safety net.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_component_start", "component_id", "start_time", "id"),
        CheckConstraint(f"type_of_meeting IN ({_TYPES})", name="type_of_meeting_known"),
        CheckConstraint(f"iframe_embed_type IS NULL OR iframe_embed_type IN ({_EMBEDS})", name="iframe_embed_known"),
        CheckConstraint("end_time >= start_time", name="ends_after_start"),
        CheckConstraint("available_slots >= 0 AND reserved_slots >= 0", name="slots_not_negative"),
        CheckConstraint("registrations_count >= 0", name="registrations_count_not_negative"),
        CheckConstraint(
            "available_slots = 0 OR registrations_count + reserved_slots <= available_slots",
            name="registrations_within_slots",
        ),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    description: Translations = translated()
    location: Translations = translated()
    location_hints: Translations = translated()
    address: str | None = Field(default=None, max_length=1024)
    latitude: float | None = None
    longitude: float | None = None
    start_time: datetime = timestamp(nullable=False)
    end_time: datetime = timestamp(nullable=False)
    type_of_meeting: str = Field(default=MeetingType.IN_PERSON.value, max_length=16)
    online_meeting_url: str | None = Field(default=None, max_length=2048)
    iframe_embed_type: str | None = Field(default=None, max_length=32)
    reference: str | None = Field(default=None, max_length=255)
    author_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL", index=False)
    category_id: int | None = fk("categories.id", nullable=True, ondelete="SET NULL", index=False)
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL", index=False)
    private_meeting: bool = False
    transparent: bool = True
    registrations_enabled: bool = False
    registration_form_enabled: bool = False
    registration_terms: Translations = translated()
    available_slots: int = 0
    reserved_slots: int = 0
    registrations_count: int = 0
    closed_at: datetime | None = timestamp()
    closing_visible: bool = False
    closing_report: Translations = translated()
    attendees_count: int | None = None
    contributions_count: int | None = None
    attending_organizations: str | None = None
    video_url: str | None = Field(default=None, max_length=2048)
    audio_url: str | None = Field(default=None, max_length=2048)
    comments_count: int = 0
    published_at: datetime | None = timestamp()
    withdrawn_at: datetime | None = timestamp()
    hidden_at: datetime | None = timestamp()


class MeetingAgenda(Tenanted, Timestamped, table=True):
    """A meeting's programme; shown only while ``visible``."""

    __tablename__ = "meeting_agendas"
    __table_args__ = (UniqueConstraint("meeting_id"),)

    meeting_id: int = fk("meetings.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    visible: bool = True


class MeetingAgendaItem(Tenanted, Timestamped, table=True):
    """One point of an agenda; points nest (``parent_id``) and last ``duration`` minutes."""

    __tablename__ = "meeting_agenda_items"
    __table_args__ = (
        Index("ix_meeting_agenda_items_agenda_position", "agenda_id", "position"),
        CheckConstraint("duration >= 0", name="duration_not_negative"),
    )

    agenda_id: int = fk("meeting_agendas.id", ondelete="CASCADE", index=False)
    parent_id: int | None = fk("meeting_agenda_items.id", nullable=True, ondelete="CASCADE")
    title: Translations = translated()
    description: Translations = translated()
    duration: int = 0
    position: int = 0


class MeetingService(Tenanted, Timestamped, table=True):
    """Something offered at the meeting (childcare, a meal, sign-language interpretation...)."""

    __tablename__ = "meeting_services"
    __table_args__ = (Index("ix_meeting_services_meeting_position", "meeting_id", "position"),)

    meeting_id: int = fk("meetings.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    description: Translations = translated()
    position: int = 0


class MeetingRegistration(Tenanted, Timestamped, table=True):
    """A participant's seat at a meeting: one per participant, enforced by the database."""

    __tablename__ = "meeting_registrations"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"), UniqueConstraint("meeting_id", "code"))

    meeting_id: int = fk("meetings.id", ondelete="CASCADE", index=False)
    user_id: int = fk("users.id", ondelete="CASCADE")
    code: str = Field(max_length=16)


class MeetingProposalLink(Tenanted, Timestamped, table=True):
    """A proposal the meeting took up (Decidim's ``proposals_from_meeting`` resource link)."""

    __tablename__ = "meeting_proposal_links"
    __table_args__ = (UniqueConstraint("meeting_id", "proposal_id"),)

    meeting_id: int = fk("meetings.id", ondelete="CASCADE", index=False)
    proposal_id: int = fk("proposals.id", ondelete="CASCADE")
