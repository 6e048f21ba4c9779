"""Decidim's write API for accountability: ``component(id) { ... on AccountabilityMutation { ... } }``.

Administrators of the organization only: participants get FORBIDDEN, anonymous viewers UNAUTHENTICATED.
Each action runs one transaction in ``resolvers.accountability``, then forgets what this request's
loaders had read, and answers with the row as the write left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from resolvers.accountability import forms, milestones, mutations
from resolvers.accountability.writing import screen_viewer
from resolvers.filters import parse_id
from schema.accountability.inputs import (
    CreateMilestoneInput,
    CreateResultInput,
    DeleteMilestoneInput,
    DeleteResultInput,
    MilestoneAttributes,
    ResultAttributes,
    UpdateMilestoneInput,
    UpdateResultInput,
)
from schema.accountability.types import Milestone, Result

if TYPE_CHECKING:
    import models
    from resolvers.accountability.writing import Written

_IDS = ("status_id", "parent_id", "category_id", "scope_id")
_ID_LISTS = ("proposal_ids", "taxonomies", "project_ids")


def _provided(attributes: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(attributes, n) for n in names if getattr(attributes, n) is not strawberry.UNSET}


def _result_input(info: Info, attributes: ResultAttributes, *, creating: bool) -> forms.ResultInput:
    raw = _provided(attributes, (*forms.RESULT_FIELDS, *_ID_LISTS))
    for name in _IDS:
        if name in raw:
            raw[name] = parse_id(raw[name], field=forms.name(name))
    for name in _ID_LISTS:
        if raw.get(name) is not None:
            raw[name] = [parse_id(i, field=forms.name(name)) for i in raw[name]]
    org = info.context.organization
    return forms.result_input(raw, locale=info.context.locale, available=list(org.available_locales), creating=creating)


def _milestone_input(info: Info, attributes: MilestoneAttributes, *, creating: bool) -> forms.MilestoneInput:
    org = info.context.organization
    return forms.milestone_input(
        _provided(attributes, forms.MILESTONE_FIELDS),
        locale=info.context.locale,
        available=list(org.available_locales),
        creating=creating,
    )


def _fresh(info: Info, written: Written) -> Result:
    info.context.loaders.clear_all()
    return Result.from_model(written.result, written.settings)


def _milestone(info: Info, row: models.TimelineEntry) -> Milestone:
    info.context.loaders.clear_all()
    return Milestone.from_model(row)  # type: ignore[no-any-return]


@strawberry.type(description="What an administrator may do to one result.")
class ResultMutation:
    component_id: strawberry.Private[int]
    result_id: strawberry.Private[int]

    @strawberry.field(description="Change the result; attributes left out stay as they are.")
    async def update(self, info: Info, input: UpdateResultInput) -> Result | None:
        ctx = info.context
        written = await mutations.update_result(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            result_id=self.result_id,
            data=_result_input(info, input.attributes, creating=False),
        )
        return _fresh(info, written)

    @strawberry.field(description="Delete the result (soft: it and the results under it leave every list).")
    async def delete(self, info: Info, input: DeleteResultInput) -> Result | None:  # noqa: ARG002
        ctx = info.context
        written = await mutations.delete_result(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, result_id=self.result_id
        )
        return _fresh(info, written)

    @strawberry.field(description="Add a milestone.")
    async def create_milestone(self, info: Info, input: CreateMilestoneInput) -> Milestone | None:
        ctx = info.context
        row = await milestones.create_milestone(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            result_id=self.result_id,
            data=_milestone_input(info, input.attributes, creating=True),
        )
        return _milestone(info, row)

    @strawberry.field(description="Change one of the result's milestones.")
    async def update_milestone(self, info: Info, input: UpdateMilestoneInput) -> Milestone | None:
        ctx = info.context
        row = await milestones.update_milestone(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            result_id=self.result_id,
            milestone_id=parse_id(input.id),  # type: ignore[arg-type]
            data=_milestone_input(info, input.attributes, creating=False),
        )
        return _milestone(info, row)

    @strawberry.field(description="Remove one of the result's milestones; the answer is the milestone as it was.")
    async def delete_milestone(self, info: Info, input: DeleteMilestoneInput) -> Milestone | None:
        ctx = info.context
        row = await milestones.delete_milestone(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            result_id=self.result_id,
            milestone_id=parse_id(input.id),  # type: ignore[arg-type]
        )
        return _milestone(info, row)


@strawberry.type(description="What an administrator may do in an accountability component.")
class AccountabilityMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(description="Create a result.")
    async def create_result(self, info: Info, input: CreateResultInput) -> Result | None:
        ctx = info.context
        screen_viewer(ctx.scope)
        written = await mutations.create_result(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            data=_result_input(info, input.attributes, creating=True),
        )
        return _fresh(info, written)

    @strawberry.field(description="A result of this component (not deleted), to act on it.")
    async def result(self, info: Info, id: strawberry.ID) -> ResultMutation | None:
        ctx = info.context
        pk = parse_id(id)
        await mutations.check_reachable(ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, result_id=pk)  # type: ignore[arg-type]
        return ResultMutation(component_id=self.component_id, result_id=pk)  # type: ignore[arg-type]
