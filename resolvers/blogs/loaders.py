"""Dataloaders of the blogs domain. Authors, endorsements, attachments and versions use the shared ones."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import models
from resolvers.blogs import queries
from resolvers.loading import make_loader, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.visibility import post_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, queries.PostQuery, PageRequest, int]
"""``(component id, query, page request, default page size)``."""
CountKey = tuple[int, queries.PostQuery]


def post_by_id(env: LoaderEnv) -> Loader:
    """Visible posts only: published (admins: also scheduled), not hidden, in a visible component."""
    return one_by_id(env, models.Post, visible=post_visible)


def post_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page of the same query."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[queries.PostQuery, PageRequest, int], list[int]] = defaultdict(list)
        for component_id, query, page, size in keys:
            by_request[(query, page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (query, page, size), component_ids in by_request.items():
            pages = await queries.post_pages(
                session, scope=env.scope, component_ids=component_ids, query=query, page=page, default_size=size
            )
            for component_id, result in pages.items():
                found[(component_id, query, page, size)] = result
        return found

    return make_loader(env, fn, default=Page)


def post_counts(env: LoaderEnv) -> Loader:
    """``(component id, query) -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[CountKey]) -> dict[CountKey, int]:
        by_query: dict[queries.PostQuery, list[int]] = defaultdict(list)
        for component_id, query in keys:
            by_query[query].append(component_id)
        found: dict[CountKey, int] = {}
        for query, component_ids in by_query.items():
            counts = await queries.post_counts(session, scope=env.scope, component_ids=component_ids, query=query)
            found.update({(cid, query): counts.get(cid, 0) for cid in component_ids})
        return found

    return make_loader(env, fn, default=lambda: 0)
