"""Metric figures, their daily history, and breakdown rows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from resolvers.metrics.queries import Dimension
from schema.common.types import Category, Scope
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    from schema.processes.types import ParticipatorySpace


@strawberry.type(description="One day of a metric.")
class MetricHistory:
    key: str = strawberry.field(description="The day, ISO 8601 (YYYY-MM-DD), in the organization's time zone.")
    value: int = strawberry.field(description="The total at the end of that day (today: now).")
    quantity: int = strawberry.field(description="Participa: what that day added.")


@strawberry.type(description="A public figure and its history, computed from what anyone may see.")
class Metric:
    name: str
    count: int = strawberry.field(description="The figure now.")
    history: list[MetricHistory | None] = strawberry.field(
        description="Computed days, oldest first, then today's live point."
    )


BreakdownDimension = strawberry.enum(
    Dimension,
    name="BreakdownDimension",
    description="How to split participation figures.",
)


@strawberry.type(description="One figure of a breakdown row.")
class BreakdownFigure:
    name: str
    count: int


@strawberry.type(description="The figures of one space, scope, category or week.")
class BreakdownRow:
    key: str = strawberry.field(
        description='Stable key: "participatory_process:12", "scope:5", "category:7", a week\'s Monday, or "none".'
    )
    week_start: date | None = strawberry.field(description="The Monday of the week (by WEEK).")
    figures: list[BreakdownFigure]
    space_key: strawberry.Private[tuple[str, int] | None]
    scope_id: strawberry.Private[int | None]
    category_id: strawberry.Private[int | None]

    @strawberry.field(description="The space (by SPACE).")
    async def space(
        self, info: Info
    ) -> Annotated[ParticipatorySpace, strawberry.lazy("schema.processes.types")] | None:
        from schema.processes.types import load_space

        return None if self.space_key is None else await load_space(info, *self.space_key)

    @strawberry.field(description="The scope, e.g. a commune (by SCOPE).")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="The category (by CATEGORY).")
    async def category(self, info: Info) -> Category | None:
        if self.category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(row) if row else None

    @strawberry.field(description="The name of the space, scope or category; null for weeks and the none row.")
    async def label(self, info: Info) -> TranslatedField | None:
        loaders = info.context.loaders
        if self.space_key is not None:
            from schema.processes.types import load_space

            space = await load_space(info, *self.space_key)
            return space.title if space else None
        if self.scope_id is not None:
            row = await loaders.scope_by_id.load(self.scope_id)
            return translated(row.name) if row else None
        if self.category_id is not None:
            row = await loaders.category_by_id.load(self.category_id)
            return translated(row.name) if row else None
        return None
