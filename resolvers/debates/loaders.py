"""Dataloaders of the debates domain: one statement per relation level, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import models
from resolvers.debates import queries
from resolvers.loading import make_loader, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.visibility import debate_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, PageRequest, int]
"""``(component id, page request, default page size)``."""


def debate_by_id(env: LoaderEnv) -> Loader:
    """Visible debates only: not hidden, in a visible component."""
    return one_by_id(env, models.Debate, visible=debate_visible)


def debate_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[PageRequest, int], list[int]] = defaultdict(list)
        for component_id, page, size in keys:
            by_request[(page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (page, size), component_ids in by_request.items():
            pages = await queries.debate_pages(
                session, scope=env.scope, component_ids=component_ids, page=page, default_size=size
            )
            found.update({(cid, page, size): result for cid, result in pages.items()})
        return found

    return make_loader(env, fn, default=Page)


def debate_counts(env: LoaderEnv) -> Loader:
    """``component id -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, int]:
        return await queries.debate_counts(session, scope=env.scope, component_ids=keys)

    return make_loader(env, fn, default=lambda: 0)
