"""Pages: the ``Page`` type, as Decidim's, and the ``Pages`` component with its keyset-paginated list."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.pages.loaders import check_cursors
from resolvers.pagination import PageRequest
from schema.components.types import COMPONENT_TYPES, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models


@strawberry.type(description="A static page (e.g. the terms of a process). Not commentable.")
class Page(Node):
    title: TranslatedField
    body: TranslatedField | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, row: models.Page) -> Page:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            body=translated(row.body),
            created_at=row.created_at,  # type: ignore[arg-type]
            updated_at=row.updated_at,  # type: ignore[arg-type]
        )


def page_node(row: models.Page, _info: Info) -> Page:
    return Page.from_model(row)


@strawberry.type(description="One page of a list, with the cursor to page from it.")
class PageEdge:
    cursor: str
    node: Page | None


@strawberry.type(description="A list of pages, by keyset pages of at most 50.")
class PageConnection:
    edges: list[PageEdge | None] | None
    nodes: list[Page | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]

    @strawberry.field(description="Participa: how many pages, on all pages of the list.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.page_counts.load(self.component_id))


@strawberry.type(description="A pages component: one static page (Decidim's), kept as a list here.")
class Pages(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Pages:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(description="The component's pages, oldest first.")
    async def pages(
        self,
        info: Info,
        *,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PageConnection | None:
        ctx = info.context
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        check_cursors(page)
        result = await ctx.loaders.page_pages.load((self.pk, page, ctx.max_page_size))
        nodes = [Page.from_model(row) for row in result.rows]
        return PageConnection(
            edges=[PageEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
        )

    @strawberry.field(description="One page of this component.")
    async def page(self, info: Info, id: strawberry.ID) -> Page | None:
        row = await info.context.loaders.page_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Page.from_model(row)


COMPONENT_TYPES["pages"] = Pages.from_model
