"""The ``search`` root field."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.pagination import PageRequest
from resolvers.search import queries
from resolvers.search.kinds import parse_resource_types
from schema.search.inputs import SearchFilter
from schema.search.types import SearchResultConnection


def _query(term: str, f: SearchFilter | None, *, preferred: str) -> queries.SearchQuery:
    if f is None:
        return queries.SearchQuery(term=term, kinds=parse_resource_types(None), preferred_locale=preferred)
    locale = f.locale.strip() if f.locale else None
    return queries.SearchQuery(
        term=term,
        kinds=parse_resource_types(f.resource_types),
        space_id=parse_id(f.space_id, field="filter.spaceId"),  # type: ignore[arg-type]
        scope_id=parse_id(f.scope_id, field="filter.scopeId"),  # type: ignore[arg-type]
        locale=locale or None,
        preferred_locale=preferred,
    )


@strawberry.type
class SearchQueries:
    @strawberry.field(
        description="Participa: full-text search (French and English stemming, accents and case ignored) over "
        "spaces, proposals, meetings, debates, posts, results, comments and participants, best match first; "
        "only what the viewer may see."
    )
    async def search(
        self,
        info: Info,
        term: str,
        filter: SearchFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> SearchResultConnection:
        ctx = info.context
        page = PageRequest(first=first, after=after).validate(max_size=ctx.max_page_size)
        query = _query(term, filter, preferred=ctx.locale)
        async with ctx.sessionmaker() as session:
            found = await queries.search(
                session, scope=ctx.scope, query=query, page=page, default_size=ctx.max_page_size
            )
        return SearchResultConnection.of(found)
