"""Search results: what matched, how well, where, and the object itself."""

from __future__ import annotations

import asyncio
import inspect
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from models.kinds import ResourceKind
from resolvers.search.kinds import USER, USER_GROUP, decidim_type
from schema.common.types import Scope
from schema.interfaces import Node
from schema.nodes.queries import NODE_RESOLVERS
from schema.pagination import PageInfo
from schema.processes.types import ParticipatorySpace, load_space

if TYPE_CHECKING:
    from resolvers.search.queries import Hit, SearchPage

# search kind -> table whose node resolver (loader and converter) gives the object.
KIND_TABLES: dict[str, str] = {
    ResourceKind.PARTICIPATORY_PROCESS: "participatory_processes",
    ResourceKind.ASSEMBLY: "assemblies",
    ResourceKind.PROPOSAL: "proposals",
    ResourceKind.MEETING: "meetings",
    ResourceKind.DEBATE: "debates",
    ResourceKind.POST: "blog_posts",
    ResourceKind.RESULT: "accountability_results",
    ResourceKind.COMMENT: "comments",
    USER: "users",
    USER_GROUP: "users",
}


class PageObjects:
    """The objects of one page of results, loaded together for every result of the page.

    Each result's ``resource`` awaits the same load, so all of them resume in the same turn of the
    event loop and their converters' own loads (component settings, comment threads) batch together
    whatever the page holds: a page costs a fixed number of statements.
    """

    def __init__(self, keys: list[tuple[str, int]]) -> None:
        self.keys = keys
        self._task: asyncio.Future[dict[tuple[str, int], Any]] | None = None

    def rows(self, info: Info) -> asyncio.Future[dict[tuple[str, int], Any]]:
        if self._task is None:
            self._task = asyncio.ensure_future(self._load(info))
        return self._task

    async def _load(self, info: Info) -> dict[tuple[str, int], Any]:
        loaders = info.context.loaders
        by_loader: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for kind, pk in self.keys:
            by_loader[NODE_RESOLVERS[KIND_TABLES[kind]][0]].append((kind, pk))
        names = list(by_loader)
        loaded = await asyncio.gather(*(getattr(loaders, n).load_many([pk for _, pk in by_loader[n]]) for n in names))
        rows = {
            key: row
            for n, found in zip(names, loaded, strict=True)
            for key, row in zip(by_loader[n], found, strict=True)
        }
        # What the resources' converters ask for next, in one batch rather than one per kind.
        components = sorted({c for row in rows.values() if (c := getattr(row, "component_id", None)) is not None})
        if components:
            await loaders.settings_by_component.load_many(components)
        return rows


@strawberry.type(description="One object that matched a search.")
class SearchResult:
    id: strawberry.ID = strawberry.field(description="The global id of the object that matched.")
    resource_type: str = strawberry.field(description='Its Decidim class name, e.g. "Decidim::Proposals::Proposal".')
    rank: float = strawberry.field(description="Relevance: higher is better; a title match outweighs a body match.")
    title: str | None = strawberry.field(
        description="Its title in the matched locale (a participant's name); null for comments."
    )
    snippet: str = strawberry.field(
        description="HTML: an excerpt of the matched text, escaped, with the matching words in <mark> elements."
    )
    locale: str | None = strawberry.field(
        description="The locale of the text that matched; null for participants, whose names have none."
    )
    kind: strawberry.Private[str]
    pk: strawberry.Private[int]
    space_kind: strawberry.Private[str | None]
    space_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    page: strawberry.Private[PageObjects]

    @classmethod
    def from_hit(cls, hit: Hit, page: PageObjects) -> SearchResult:
        return cls(
            id=strawberry.ID(str(hit.resource_id)),
            resource_type=decidim_type(hit.kind),
            rank=hit.rank,
            title=hit.title or None,
            snippet=hit.snippet,
            locale=hit.locale or None,
            kind=hit.kind,
            pk=hit.resource_id,
            space_kind=hit.space_kind,
            space_id=hit.space_id,
            scope_id=hit.scope_id,
            page=page,
        )

    @strawberry.field(description="The object itself; null if it stopped being visible since the search ran.")
    async def resource(self, info: Info) -> Node | None:
        _, convert = NODE_RESOLVERS[KIND_TABLES[self.kind]]
        row = (await self.page.rows(info)).get((self.kind, self.pk))
        if row is None:
            return None
        node = convert(row, info)
        return await node if inspect.isawaitable(node) else node  # type: ignore[no-any-return]

    @strawberry.field(description="The participatory space it belongs to (itself for a space); null for participants.")
    async def space(self, info: Info) -> ParticipatorySpace | None:
        if self.space_kind is None or self.space_id is None:
            return None
        return await load_space(info, self.space_kind, self.space_id)

    @strawberry.field(description="Its scope, if it has one.")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None


@strawberry.type(description="An edge of a search connection.")
class SearchResultEdge:
    cursor: str
    node: SearchResult


@strawberry.type(description="A page of search results, best first.")
class SearchResultConnection:
    edges: list[SearchResultEdge]
    nodes: list[SearchResult]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many objects match, on every page together.")

    @classmethod
    def of(cls, page: SearchPage) -> SearchResultConnection:
        objects = PageObjects([(h.kind, h.resource_id) for h in page.hits])
        nodes = [SearchResult.from_hit(h, objects) for h in page.hits]
        info = PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )
        edges = [SearchResultEdge(cursor=c, node=n) for c, n in zip(page.cursors, nodes, strict=True)]
        return cls(edges=edges, nodes=nodes, page_info=info, total_count=page.total_count)
