"""Accountability: ``Result``, ``Status`` and ``TimelineEntry`` (``Milestone`` on develop), as Decidim's."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.policies import resource_flags
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.common.types import Category, Scope
from schema.interfaces import (
    AttachableInterface,
    CommentableInterface,
    FollowableInterface,
    Node,
    ReferableInterface,
    TimestampsInterface,
    TraceableInterface,
)
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings
    from schema.proposals.types import Proposal

RESULT = ResourceKind.RESULT.value


async def component_settings(info: Info, component_id: int) -> EffectiveSettings | None:
    return await info.context.loaders.settings_by_component.load(component_id)  # type: ignore[no-any-return]


@strawberry.type(description="A decision being carried out: its dates, progress, status and milestones.")
class Result(
    CommentableInterface,
    AttachableInterface,
    TraceableInterface,
    TimestampsInterface,
    ReferableInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = RESULT
    title: TranslatedField | None
    description: TranslatedField | None
    start_date: date | None
    end_date: date | None
    children_count: int | None = strawberry.field(description="Live children (deleted ones are not counted).")
    weight: int = strawberry.field(description="How much this result counts in its parent's progress.")
    external_id: str | None = strawberry.field(description="The id of this result in another system, if any.")
    own_progress: strawberry.Private[float | None]
    parent_id: strawberry.Private[int | None]
    status_id: strawberry.Private[int | None]
    category_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    settings: strawberry.Private[Any]

    @classmethod
    def from_model(cls, row: models.Result, settings: EffectiveSettings | None) -> Result:
        """``settings`` are the component's, in force now: they decide the comment flags."""
        flags = resource_flags(settings)
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[RESULT],
            commentable_kind=RESULT,
            attachable_kind=RESULT,
            traceable_kind=RESULT,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            created_at=row.created_at,
            updated_at=row.updated_at,
            reference=row.reference,
            title=translated(row.title),
            description=translated(row.description),
            start_date=row.start_date,
            end_date=row.end_date,
            children_count=row.children_count,
            weight=row.weight,
            external_id=row.external_id,
            own_progress=row.progress,
            parent_id=row.parent_id,
            status_id=row.status_id,
            category_id=row.category_id,
            scope_id=row.scope_id,
            settings=settings,
        )

    @strawberry.field(
        description="Percent done, 0 to 100. A result with children shows the weighted average of theirs "
        "(weight by weight; a child without progress counts as 0), computed when asked."
    )
    async def progress(self, info: Info) -> float | None:
        if not self.children_count:
            return self.own_progress
        return await info.context.loaders.result_progress.load(self.pk)  # type: ignore[no-any-return]

    @strawberry.field(description="The results under this one, oldest first.")
    async def children(self, info: Info) -> list[Result | None] | None:
        if not self.children_count:
            return []
        rows = await info.context.loaders.results_by_parent.load(self.pk)
        return [Result.from_model(r, self.settings) for r in rows]

    @strawberry.field(description="The result this one is part of.")
    async def parent(self, info: Info) -> Result | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.result_by_id.load(self.parent_id)
        return Result.from_model(row, self.settings) if row else None

    @strawberry.field(description="Where the result stands.")
    async def status(self, info: Info) -> ResultStatus | None:
        if self.status_id is None:
            return None
        row = await info.context.loaders.result_status_by_id.load(self.status_id)
        return ResultStatus.from_model(row) if row else None

    @strawberry.field(description="Milestones, by date. Named milestones on later Decidim.")
    async def timeline_entries(self, info: Info) -> list[TimelineEntry | None] | None:
        rows = await info.context.loaders.timeline_entries_by_result.load(self.pk)
        return [TimelineEntry.from_model(r) for r in rows]

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

    @strawberry.field(description="Participa: the proposals this result carries out (those the viewer may see).")
    async def linked_proposals(
        self, info: Info
    ) -> list[Annotated[Proposal, strawberry.lazy("schema.proposals.types")]]:
        from schema.proposals.types import proposal_node

        rows = await info.context.loaders.proposals_by_result.load(self.pk)
        return list(await asyncio.gather(*(proposal_node(r, info) for r in rows)))


@strawberry.type(name="Status", description="A stage a result can be in, with the progress it usually means.")
class ResultStatus(Node):
    key: str | None
    name: TranslatedField | None
    description: TranslatedField | None
    progress: int | None
    created_at: date | None = strawberry.field(description="A date, as Decidim declares it.")
    updated_at: date | None = strawberry.field(description="A date, as Decidim declares it.")
    pk: strawberry.Private[int]
    component_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ResultStatus) -> ResultStatus:
        return cls(
            id=strawberry.ID(str(row.id)),
            key=row.key,
            name=translated(row.name),
            description=translated(row.description),
            progress=row.progress,
            created_at=row.created_at.date() if row.created_at else None,
            updated_at=row.updated_at.date() if row.updated_at else None,
            pk=row.id,  # type: ignore[arg-type]
            component_id=row.component_id,
        )

    @strawberry.field(description="The results in this status.")
    async def results(self, info: Info) -> list[Result | None] | None:
        rows = await info.context.loaders.results_by_status.load(self.pk)
        settings = await component_settings(info, self.component_id)
        return [Result.from_model(r, settings) for r in rows]


@strawberry.type(description="A dated step of a result's follow-up.")
class TimelineEntry(Node):
    entry_date: date | None
    title: TranslatedField | None
    description: TranslatedField | None
    created_at: datetime | None
    updated_at: datetime | None
    result_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.TimelineEntry) -> Any:
        return cls(
            id=strawberry.ID(str(row.id)),
            entry_date=row.entry_date,
            title=translated(row.title),
            description=translated(row.description),
            created_at=row.created_at,
            updated_at=row.updated_at,
            result_id=row.result_id,
        )

    @strawberry.field(description="The result this milestone belongs to.")
    async def result(self, info: Info) -> Result | None:
        row = await info.context.loaders.result_by_id.load(self.result_id)
        if row is None:
            return None
        return Result.from_model(row, await component_settings(info, row.component_id))


@strawberry.type(description="A milestone of a result: the timeline entry's name on Decidim's develop branch.")
class Milestone(TimelineEntry):
    pass


async def result_node(row: models.Result, info: Info) -> Result:
    """A visible result row as its GraphQL type (``node(id:)``, ``commentable``)."""
    return Result.from_model(row, await component_settings(info, row.component_id))


def status_node(row: models.ResultStatus, _info: Info) -> ResultStatus:
    return ResultStatus.from_model(row)


def timeline_entry_node(row: models.TimelineEntry, _info: Info) -> TimelineEntry:
    return TimelineEntry.from_model(row)  # type: ignore[no-any-return]


# `commentable(type: "Decidim::Accountability::Result", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[RESULT] = result_node
