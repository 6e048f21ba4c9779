"""Meetings: the ``Meeting`` type, as Decidim's, plus the viewer's own view of it (registration)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from models.meetings import MeetingType
from resolvers.comments.policies import resource_flags
from resolvers.meetings import policies
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.common.resources import Coordinates
from schema.common.types import Category, Scope
from schema.interfaces import (
    AttachableInterface,
    Author,
    AuthorableInterface,
    CommentableInterface,
    FollowableInterface,
    LocalizableInterface,
    Node,
    ReferableInterface,
    TimestampsInterface,
)
from schema.meetings.agenda import MeetingAgenda
from schema.meetings.interfaces import MeetingsLinkedResourcesInterface, ServicesInterface
from schema.surveys.forms import QUESTIONNAIRE_OWNERS, Questionnaire, QuestionnaireEntityInterface
from schema.translated import TranslatedField, maybe_translated, translated
from schema.users.types import author_from_model

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings

MEETING = ResourceKind.MEETING.value


def _closing(row: models.Meeting, public: bool) -> dict[str, Any]:
    """What the closing says, only once it is public (closed, and the closing made visible)."""
    return {
        "closing_report": translated(row.closing_report) if public else None,
        "video_url": row.video_url if public else None,
        "audio_url": row.audio_url if public else None,
        "attending_organizations": row.attending_organizations if public else None,
        "attendee_count": row.attendees_count if public else None,
        "contribution_count": row.contributions_count if public else None,
    }


@strawberry.type(description="A meeting of the calendar: in person, online or both.")
class Meeting(
    CommentableInterface,
    AuthorableInterface,
    AttachableInterface,
    TimestampsInterface,
    ServicesInterface,
    MeetingsLinkedResourcesInterface,
    QuestionnaireEntityInterface,
    LocalizableInterface,
    ReferableInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = MEETING
    reference: str = strawberry.field(description="e.g. LA-MEET-2026-01-1234.")  # type: ignore[assignment]
    title: TranslatedField
    description: TranslatedField | None
    start_time: datetime
    end_time: datetime
    closed: bool
    is_withdrawn: bool
    closing_report: TranslatedField | None = strawberry.field(
        description="Null until the meeting is closed with a visible closing (as the other closing fields)."
    )
    video_url: str | None
    audio_url: str | None
    withdrawn_at: datetime | None
    withdrawn: bool | None
    attending_organizations: str | None
    attendee_count: int | None
    contribution_count: int | None
    private_meeting: bool
    transparent: bool = strawberry.field(description="A private but transparent meeting is visible to everyone.")
    registrations_enabled: bool
    registration_terms: TranslatedField | None
    remaining_slots: int | None = strawberry.field(
        description="Seats still free; null when the meeting has no seat limit."
    )
    registration_form_enabled: bool
    location: TranslatedField | None
    location_hints: TranslatedField | None
    type_of_meeting: str = strawberry.field(description="in_person, online or hybrid.")
    online_meeting_url: str = strawberry.field(description="Empty for meetings that take place in person only.")
    iframe_embed_type: str | None
    official: bool = strawberry.field(description="Participa: the organization's own meeting (no participant author).")
    published_at: datetime | None = strawberry.field(description="Participa: when it was published.")
    closed_at: datetime | None = strawberry.field(description="Participa: when it was first closed.")
    registrations_count: int = strawberry.field(description="Participa: participants registered.")
    author_id: strawberry.Private[int | None]
    user_group_id: strawberry.Private[int | None]
    category_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    component_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Meeting, settings: EffectiveSettings | None) -> Meeting:
        """``settings`` are the component's, in force now: they decide the comment flags."""
        facts = policies.MeetingFacts.of(row)
        flags = resource_flags(settings, closed=facts.withdrawn)
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[MEETING],
            commentable_kind=MEETING,
            attachable_kind=MEETING,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            created_at=row.created_at,
            updated_at=row.updated_at,
            reference=row.reference or "",
            title=translated(row.title),
            description=translated(row.description),
            start_time=row.start_time,
            end_time=row.end_time,
            closed=facts.closed,
            is_withdrawn=facts.withdrawn,
            withdrawn_at=row.withdrawn_at,
            withdrawn=facts.withdrawn,
            **_closing(row, policies.closing_public(facts)),
            private_meeting=row.private_meeting,
            transparent=row.transparent,
            registrations_enabled=row.registrations_enabled,
            registration_terms=maybe_translated(row.registration_terms),
            remaining_slots=policies.remaining_slots(facts),
            registration_form_enabled=row.registration_form_enabled,
            location=translated(row.location),
            location_hints=translated(row.location_hints),
            address=row.address,
            coordinates=Coordinates.maybe(row.latitude, row.longitude),
            type_of_meeting=row.type_of_meeting,
            online_meeting_url=(row.online_meeting_url or "") if row.type_of_meeting != MeetingType.IN_PERSON else "",
            iframe_embed_type=row.iframe_embed_type,
            official=row.author_id is None,
            published_at=row.published_at,
            closed_at=row.closed_at,
            registrations_count=row.registrations_count,
            author_id=row.author_id,
            user_group_id=row.user_group_id,
            category_id=row.category_id,
            scope_id=row.scope_id,
            component_id=row.component_id,
        )

    @strawberry.field(description="The author (the group, if it was created for one); null for official meetings.")
    async def author(self, info: Info) -> Author | None:
        author_id = self.user_group_id or self.author_id
        if author_id is None:
            return None
        row = await info.context.loaders.author_by_id.load(author_id)
        return author_from_model(row, info) if row else None

    @strawberry.field(description="The programme, when it is published.")
    async def agenda(self, info: Info) -> MeetingAgenda | None:
        view = await info.context.loaders.agenda_by_meeting.load(self.pk)
        return MeetingAgenda.from_view(view) if view is not None else None

    @strawberry.field(description="The registration form, if the meeting has one.")
    async def registration_form(self, info: Info) -> Questionnaire | None:
        row = await info.context.loaders.questionnaire_by_owner.load((MEETING, self.pk))
        return Questionnaire.from_model(row) if row is not None else None

    @strawberry.field(description="Participa: the category (Decidim 0.27's CategorizableInterface).")
    async def category(self, info: Info) -> Category | None:
        if self.category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(row) if row else None

    @strawberry.field(description="Participa: the territory concerned (Decidim 0.27's ScopableInterface).")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="Participa: whether the viewer is registered (false for anonymous viewers).")
    async def viewer_registered(self, info: Info) -> bool:
        if info.context.viewer.user_id is None:
            return False
        return await info.context.loaders.viewer_registration_by_meeting.load(self.pk) is not None

    @strawberry.field(description="Participa: the viewer's registration code, to show at the door (null if none).")
    async def viewer_registration_code(self, info: Info) -> str | None:
        if info.context.viewer.user_id is None:
            return None
        code: str | None = await info.context.loaders.viewer_registration_by_meeting.load(self.pk)
        return code


async def meeting_node(row: models.Meeting, info: Info) -> Meeting:
    """A visible meeting row as its GraphQL type (``node(id:)``, ``commentable``, ``forEntity``)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Meeting.from_model(row, settings)


async def _meeting_entity(info: Info, pk: int) -> Meeting | None:
    row = await info.context.loaders.meeting_by_id.load(pk)
    return await meeting_node(row, info) if row is not None else None


# `commentable(type: "Decidim::Meetings::Meeting", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[MEETING] = meeting_node
# A registration form's `forEntity` is its meeting.
QUESTIONNAIRE_OWNERS[MEETING] = _meeting_entity
