"""The blogs component (``Blogs``) and its keyset-paginated ``posts`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.blogs.queries import PostQuery, sort_keys
from resolvers.filters import Direction, parse_date, parse_direction, parse_id
from resolvers.pagination import PageRequest, check_cursors
from schema.blogs.inputs import PostFilter, PostSort
from schema.blogs.types import Post
from schema.components.types import COMPONENT_TYPES, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models

# (Python attribute, sort key, GraphQL name): errors name the argument as the client wrote it.
_SORTS = (
    ("published_at", "published_at", "publishedAt"),
    ("created_at", "created_at", "createdAt"),
    ("updated_at", "updated_at", "updatedAt"),
    ("endorsement_count", "endorsement_count", "endorsementCount"),
    ("id", "id", "id"),
)
_DAYS = (
    ("created_before", "createdBefore"),
    ("created_since", "createdSince"),
    ("updated_before", "updatedBefore"),
    ("updated_since", "updatedSince"),
    ("published_before", "publishedBefore"),
    ("published_since", "publishedSince"),
)


@strawberry.type(description="One post of a page, with the cursor to page from it.")
class PostEdge:
    cursor: str
    node: Post | None


@strawberry.type(description="A page of posts.")
class PostConnection:
    edges: list[PostEdge | None] | None
    nodes: list[Post | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]
    query: strawberry.Private[PostQuery]

    @strawberry.field(description="Participa: how many posts match the filter, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.post_counts.load((self.component_id, self.query)))


def post_query(filter: PostFilter | None, order: PostSort | None) -> PostQuery:
    f = filter or PostFilter()
    sort: list[tuple[str, Direction]] = []
    if order is not None:
        for attr, key, name in _SORTS:
            direction = parse_direction(getattr(order, attr), field=f"order.{name}")
            if direction is not None:
                sort.append((key, direction))
    days = {attr: parse_date(getattr(f, attr), field=f"filter.{name}") for attr, name in _DAYS}
    return PostQuery(sort=tuple(sort), **days)


@strawberry.type(description="A blog component: the news of a participatory space.")
class Blogs(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Blogs:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="Published posts (hidden ones never); admins also see those scheduled for later. Keyset "
        "pages of at most 50."
    )
    async def posts(
        self,
        info: Info,
        *,
        order: PostSort | None = None,
        filter: PostFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PostConnection:
        ctx = info.context
        query = post_query(filter, order)
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page, sort_keys(query))
        result = await ctx.loaders.post_pages.load((self.pk, query, page, ctx.max_page_size))
        settings = await ctx.loaders.settings_by_component.load(self.pk)
        nodes = [Post.from_model(row, settings) for row in result.rows]
        return PostConnection(
            edges=[PostEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
            query=query,
        )

    @strawberry.field(description="One published post of this component.")
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        row = await info.context.loaders.post_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Post.from_model(row, await info.context.loaders.settings_by_component.load(self.pk))


COMPONENT_TYPES["blogs"] = Blogs.from_model
