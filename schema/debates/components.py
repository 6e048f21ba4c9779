"""The debates component (``Debates``) and its keyset-paginated ``debates`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.debates.queries import check_cursors
from resolvers.filters import parse_id
from resolvers.pagination import PageRequest
from schema.components.types import COMPONENT_TYPES, component_settings, interface_fields
from schema.debates.types import Debate
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models


@strawberry.type(description="One debate of a page, with the cursor to page from it.")
class DebateEdge:
    cursor: str
    node: Debate | None


@strawberry.type(description="A page of debates.")
class DebateConnection:
    edges: list[DebateEdge | None] | None
    nodes: list[Debate | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]

    @strawberry.field(description="Participa: how many debates the component shows, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.debate_counts.load(self.component_id))


@strawberry.type(description="A debates component: discussions participants (or the organization) start.")
class Debates(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Debates:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="Debates (closed ones included, hidden ones never), oldest first, by keyset pages of at most 50."
    )
    async def debates(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> DebateConnection | None:
        ctx = info.context
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page)
        result = await ctx.loaders.debate_pages.load((self.pk, page, ctx.max_page_size))
        settings = await component_settings(info, self.pk)
        nodes = [Debate.from_model(row, settings) for row in result.rows]
        return DebateConnection(
            edges=[DebateEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
        )

    @strawberry.field(description="One debate of this component.")
    async def debate(self, info: Info, id: strawberry.ID) -> Debate | None:
        row = await info.context.loaders.debate_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Debate.from_model(row, await component_settings(info, self.pk))


COMPONENT_TYPES["debates"] = Debates.from_model
