"""Decidim's write API for meetings, ``component(id) { ... on MeetingsMutation { ... } }``, plus
Participa's registrations.

Each action runs one transaction in ``resolvers.meetings``, then forgets what this request's loaders
had read, and answers with the meeting as the write left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput, NotFound
from resolvers.filters import parse_id, parse_locale
from resolvers.meetings import forms, mutations, registrations
from resolvers.meetings.writing import reachable
from schema.meetings.inputs import (
    CancelMeetingRegistrationInput,
    CloseMeetingInput,
    CreateMeetingInput,
    MeetingAttributes,
    RegisterMeetingInput,
    UpdateMeetingInput,
    WithdrawMeetingInput,
)
from schema.meetings.types import Meeting

if TYPE_CHECKING:
    from resolvers.meetings.writing import Written

_IDS = ("category_id", "scope_id")


def _locale(info: Info, locale: str | None) -> str:
    org = info.context.organization
    return parse_locale(locale, available=list(org.available_locales), default=info.context.locale)


def _input(info: Info, locale: str | None, attributes: MeetingAttributes) -> forms.MeetingInput:
    """The attributes the client sent, typed; every malformed one is reported at once."""
    lang = _locale(info, locale)
    available = list(info.context.organization.available_locales)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in forms.CONTENT_FIELDS:
        value = getattr(attributes, name)
        if value is strawberry.UNSET:
            continue
        if name in forms.TRANSLATED:
            value = forms.translations(value, attr=name, locale=lang, available=available, errors=errors)
        elif name in _IDS:
            value = parse_id(value, field=f"attributes.{forms.GRAPHQL_NAMES[name]}")
        elif name == "type_of_meeting" and value is not None:
            value = value.strip().lower()
        values[name] = value
    if errors:
        msg = "Invalid meeting: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)
    return forms.MeetingInput(values=values)


def _closing(info: Info, input: CloseMeetingInput) -> forms.ClosingInput:
    a = input.attributes
    errors: dict[str, str] = {}
    report = forms.translations(
        a.closing_report,
        attr="closing_report",
        locale=_locale(info, input.locale),
        available=list(info.context.organization.available_locales),
        errors=errors,
    )
    if errors:
        msg = "Invalid closing: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)
    proposals = None
    if a.proposals is not None:
        proposals = tuple(parse_id(p, field="attributes.proposals") for p in a.proposals)
    return forms.ClosingInput(
        closing_report=report,
        attendees_count=a.attendees_count,
        contributions_count=a.contributions_count,
        attending_organizations=a.attending_organizations,
        video_url=a.video_url,
        audio_url=a.audio_url,
        proposal_ids=proposals,  # type: ignore[arg-type]
        closing_visible=a.closing_visible is not False,
    )


def _fresh(info: Info, written: Written) -> Meeting:
    info.context.loaders.clear_all()
    return Meeting.from_model(written.meeting, written.settings)


@strawberry.type(description="What may be done to one meeting.")
class MeetingMutation:
    component_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]

    @strawberry.field(description="Change some attributes (its author, or an organization admin).")
    async def update(self, info: Info, input: UpdateMeetingInput) -> Meeting | None:
        ctx = info.context
        written = await mutations.update_meeting(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            meeting_id=self.meeting_id,
            data=_input(info, input.locale, input.attributes),
        )
        return _fresh(info, written)

    @strawberry.field(
        description="Close it with its report (its author once it has started, or an admin); closing again "
        "rewrites the report."
    )
    async def close(self, info: Info, input: CloseMeetingInput) -> Meeting | None:
        ctx = info.context
        written = await mutations.close_meeting(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            meeting_id=self.meeting_id,
            data=_closing(info, input),
        )
        return _fresh(info, written)

    @strawberry.field(description="Withdraw it (its author, before it ends); it stays listed, marked withdrawn.")
    async def withdraw(self, info: Info, input: WithdrawMeetingInput) -> Meeting | None:  # noqa: ARG002
        ctx = info.context
        written = await mutations.withdraw_meeting(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, meeting_id=self.meeting_id
        )
        return _fresh(info, written)

    @strawberry.field(
        description="Participa: take a seat (registrations open, seats left, not withdrawn, closed or over; once)."
    )
    async def register(self, info: Info, input: RegisterMeetingInput) -> Meeting | None:
        ctx = info.context
        written = await registrations.register(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            meeting_id=self.meeting_id,
            terms_accepted=input.registration_terms_accepted,
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: give one's seat back (before the meeting ends).")
    async def cancel_registration(self, info: Info, input: CancelMeetingRegistrationInput) -> Meeting | None:  # noqa: ARG002
        ctx = info.context
        written = await registrations.cancel_registration(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, meeting_id=self.meeting_id
        )
        return _fresh(info, written)


@strawberry.type(description="What may be done in a meetings component.")
class MeetingsMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(
        description="Create a published meeting: the organization's own when an admin creates it; participants "
        "may create theirs where the component and its current step allow it."
    )
    async def create_meeting(self, info: Info, input: CreateMeetingInput) -> Meeting | None:
        ctx = info.context
        written = await mutations.create_meeting(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            data=_input(info, input.locale, input.attributes),
        )
        return _fresh(info, written)

    @strawberry.field(description="A meeting of this component the viewer may see; NOT_FOUND otherwise.")
    async def meeting(self, info: Info, id: strawberry.ID) -> MeetingMutation | None:
        ctx = info.context
        pk = parse_id(id)
        async with ctx.sessionmaker() as session:
            found = await reachable(session, scope=ctx.scope, component_id=self.component_id, meeting_id=pk)  # type: ignore[arg-type]
        if not found:
            msg = "No such meeting in this component."
            raise NotFound(msg)
        return MeetingMutation(component_id=self.component_id, meeting_id=pk)  # type: ignore[arg-type]
