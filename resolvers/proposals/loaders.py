from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.proposals import queries
from resolvers.visibility import proposal_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, queries.ProposalQuery, PageRequest, int]
"""``(component id, query, page request, default page size)``."""
CountKey = tuple[int, queries.ProposalQuery]


def proposal_by_id(env: LoaderEnv) -> Loader:
    """Visible proposals only: published, not hidden, in a visible component."""
    return one_by_id(env, models.Proposal, visible=proposal_visible)


def proposal_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page of the same query."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[queries.ProposalQuery, PageRequest, int], list[int]] = defaultdict(list)
        for component_id, query, page, size in keys:
            by_request[(query, page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (query, page, size), component_ids in by_request.items():
            pages = await queries.proposal_pages(
                session, scope=env.scope, component_ids=component_ids, query=query, page=page, default_size=size
            )
            for component_id, result in pages.items():
                found[(component_id, query, page, size)] = result
        return found

    return make_loader(env, fn, default=Page)


def proposal_counts(env: LoaderEnv) -> Loader:
    """``(component id, query) -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[CountKey]) -> dict[CountKey, int]:
        by_query: dict[queries.ProposalQuery, list[int]] = defaultdict(list)
        for component_id, query in keys:
            by_query[query].append(component_id)
        found: dict[CountKey, int] = {}
        for query, component_ids in by_query.items():
            counts = await queries.proposal_counts(session, scope=env.scope, component_ids=component_ids, query=query)
            found.update({(cid, query): counts.get(cid, 0) for cid in component_ids})
        return found

    return make_loader(env, fn, default=lambda: 0)


def viewer_drafts_by_component(env: LoaderEnv) -> Loader:
    """``component id -> [Proposal]``: the viewer's own drafts (nobody else's, ever)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.Proposal]]:
        grouped: dict[int, list[models.Proposal]] = defaultdict(list)
        for row in await queries.own_drafts(session, scope=env.scope, component_ids=keys):
            grouped[row.component_id].append(row)
        return grouped

    return make_loader(env, fn, default=list)


def coauthorships_by_proposal(env: LoaderEnv) -> Loader:
    """``proposal id -> [ProposalCoauthorship]`` by position; the first is the creator.

    Reached only from a proposal the viewer may see; authors' visibility is ``user_by_id``'s business.
    """
    a = models.ProposalCoauthorship
    return many_by_column(env, a, a.proposal_id, order_by=(a.position,))  # type: ignore[arg-type]


def viewer_supported_proposal(env: LoaderEnv) -> Loader:
    """``proposal id -> bool``: the viewer supports it. Anonymous viewers cost no statement."""
    v = models.ProposalVote
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, bool]:
        if user_id is None:
            return {}
        stmt = select(v.proposal_id).where(v.proposal_id.in_(keys), v.author_id == user_id)  # type: ignore[attr-defined,call-overload]
        return dict.fromkeys((await session.scalars(stmt)).all(), True)

    return make_loader(env, fn, default=lambda: False)
