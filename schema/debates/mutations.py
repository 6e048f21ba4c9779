"""Decidim's write API for debates: ``component(id) { ... on DebatesMutation { ... } }``.

Each action runs one transaction in ``resolvers.debates``, then forgets what this request's loaders
had read, and answers with the debate as the write left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from resolvers.debates import forms, mutations
from resolvers.debates.queries import reachable
from resolvers.errors import NotFound
from resolvers.filters import parse_id, parse_locale
from schema.debates.inputs import (
    CloseDebateInput,
    CreateDebateInput,
    DebateAttributes,
    EndorseDebateInput,
    UnendorseDebateInput,
    UpdateDebateInput,
)
from schema.debates.types import Debate

if TYPE_CHECKING:
    from resolvers.debates.writing import Written

_IDS = ("category_id", "scope_id")


def _locale(info: Info, locale: str | None) -> str:
    org = info.context.organization
    return parse_locale(locale, available=list(org.available_locales), default=info.context.locale)


def _input(info: Info, locale: str | None, attributes: DebateAttributes, *, creating: bool) -> forms.DebateInput:
    """The attributes the client sent, typed; every malformed one is reported at once."""
    lang = _locale(info, locale)
    available = list(info.context.organization.available_locales)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in forms.CONTENT_FIELDS:
        value = getattr(attributes, name)
        if value is strawberry.UNSET:
            continue
        field = f"attributes.{forms.GRAPHQL_NAMES[name]}"
        if name in forms.TRANSLATED:
            value = forms.translations(value, field=field, locale=lang, available=available, errors=errors)
        elif name in _IDS:
            value = parse_id(value, field=field)
        values[name] = value
    group = parse_id(attributes.user_group_id, field="attributes.userGroupId")
    if group is not None and not creating:
        errors["attributes.userGroupId"] = "creation only"
    forms.raise_invalid(errors, "debate")
    return forms.DebateInput(values=values, user_group_id=group)


def _fresh(info: Info, written: Written) -> Debate:
    info.context.loaders.clear_all()
    return Debate.from_model(written.debate, written.settings)


@strawberry.type(description="What may be done to one debate.")
class DebateMutation:
    component_id: strawberry.Private[int]
    debate_id: strawberry.Private[int]

    @strawberry.field(description="Change some attributes (its author while it is open, or an organization admin).")
    async def update(self, info: Info, input: UpdateDebateInput) -> Debate | None:
        ctx = info.context
        written = await mutations.update_debate(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            debate_id=self.debate_id,
            data=_input(info, input.locale, input.attributes, creating=False),
        )
        return _fresh(info, written)

    @strawberry.field(
        description="Close it with conclusions (its author, or an admin); closing again rewrites the conclusions."
    )
    async def close(self, info: Info, input: CloseDebateInput) -> Debate | None:
        ctx = info.context
        errors: dict[str, str] = {}
        conclusions = forms.translations(
            input.conclusions,
            field="conclusions",
            locale=_locale(info, input.locale),
            available=list(ctx.organization.available_locales),
            errors=errors,
        )
        forms.raise_invalid(errors, "closing")
        written = await mutations.close_debate(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            debate_id=self.debate_id,
            conclusions=conclusions,
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: endorse it, in one's own name or for a group one belongs to.")
    async def endorse(self, info: Info, input: EndorseDebateInput) -> Debate | None:
        ctx = info.context
        written = await mutations.endorse(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            debate_id=self.debate_id,
            user_group_id=parse_id(input.user_group_id, field="userGroupId"),
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: withdraw an endorsement (the group's, with `userGroupId`).")
    async def unendorse(self, info: Info, input: UnendorseDebateInput) -> Debate | None:
        ctx = info.context
        written = await mutations.unendorse(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            debate_id=self.debate_id,
            user_group_id=parse_id(input.user_group_id, field="userGroupId"),
        )
        return _fresh(info, written)


@strawberry.type(description="What may be done in a debates component.")
class DebatesMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(
        description="Start a debate: an official one for organization admins, an open one for participants "
        "where the current step lets them."
    )
    async def create_debate(self, info: Info, input: CreateDebateInput) -> Debate | None:
        ctx = info.context
        written = await mutations.create_debate(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            data=_input(info, input.locale, input.attributes, creating=True),
        )
        return _fresh(info, written)

    @strawberry.field(description="A debate of this component the viewer may see.")
    async def debate(self, info: Info, id: strawberry.ID) -> DebateMutation | None:
        ctx = info.context
        pk = parse_id(id)
        async with ctx.sessionmaker() as session:
            found = await reachable(session, scope=ctx.scope, component_id=self.component_id, debate_id=pk)  # type: ignore[arg-type]
        if not found:
            msg = "No such debate in this component."
            raise NotFound(msg)
        return DebateMutation(component_id=self.component_id, debate_id=pk)  # type: ignore[arg-type]
