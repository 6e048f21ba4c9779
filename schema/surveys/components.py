"""The surveys component (``Surveys``) and its keyset-paginated ``surveys`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.pagination import PageRequest
from resolvers.surveys.queries import check_cursors
from schema.components.types import COMPONENT_TYPES, component_settings, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo
from schema.surveys.types import Survey

if TYPE_CHECKING:
    import models


@strawberry.type(description="One survey of a page, with the cursor to page from it.")
class SurveyEdge:
    cursor: str
    node: Survey | None


@strawberry.type(description="A page of surveys.")
class SurveyConnection:
    edges: list[SurveyEdge | None] | None
    nodes: list[Survey | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]

    @strawberry.field(description="Participa: how many surveys the component has, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.survey_counts.load(self.component_id))


@strawberry.type(description="A surveys component: questionnaires participants answer.")
class Surveys(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Surveys:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(description="The surveys of this component, oldest first, by keyset pages of at most 50.")
    async def surveys(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> SurveyConnection | None:
        ctx = info.context
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page)
        result = await ctx.loaders.survey_pages.load((self.pk, page, ctx.max_page_size))
        settings = await component_settings(info, self.pk)
        nodes = [Survey.from_model(row, settings) for row in result.rows]
        return SurveyConnection(
            edges=[SurveyEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
        )

    @strawberry.field(description="One survey of this component.")
    async def survey(self, info: Info, id: strawberry.ID) -> Survey | None:
        row = await info.context.loaders.survey_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Survey.from_model(row, await component_settings(info, self.pk))


COMPONENT_TYPES["surveys"] = Surveys.from_model
