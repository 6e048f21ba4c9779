"""Dataloaders of the accountability domain: one statement per relation level, whatever the page size.

Relations are loaded from a result the viewer may see; children, parents, statuses and linked proposals
still go through their own visibility clause, so no path shows a deleted result or a hidden proposal.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select

import models
from resolvers.accountability import progress, queries
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.visibility import proposal_visible, result_visible, visible_component_ids, visible_result_ids

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope

PageKey = tuple[int, queries.ResultQuery, PageRequest, int]
"""``(component id, query, page request, default page size)``."""
CountKey = tuple[int, queries.ResultQuery]


def _status_visible(scope: Scope) -> ColumnElement[bool]:
    s = models.ResultStatus
    return s.component_id.in_(visible_component_ids(scope))  # type: ignore[attr-defined,no-any-return]


def _entry_visible(scope: Scope) -> ColumnElement[bool]:
    t = models.TimelineEntry
    return t.result_id.in_(visible_result_ids(scope))  # type: ignore[attr-defined,no-any-return]


def result_by_id(env: LoaderEnv) -> Loader:
    """Visible results only: not deleted, in a visible component."""
    return one_by_id(env, models.Result, visible=result_visible)


def result_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page of the same query."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[queries.ResultQuery, PageRequest, int], list[int]] = defaultdict(list)
        for component_id, query, page, size in keys:
            by_request[(query, page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (query, page, size), component_ids in by_request.items():
            pages = await queries.result_pages(
                session, scope=env.scope, component_ids=component_ids, query=query, page=page, default_size=size
            )
            for component_id, result in pages.items():
                found[(component_id, query, page, size)] = result
        return found

    return make_loader(env, fn, default=Page)


def result_counts(env: LoaderEnv) -> Loader:
    """``(component id, query) -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[CountKey]) -> dict[CountKey, int]:
        by_query: dict[queries.ResultQuery, list[int]] = defaultdict(list)
        for component_id, query in keys:
            by_query[query].append(component_id)
        found: dict[CountKey, int] = {}
        for query, component_ids in by_query.items():
            counts = await queries.result_counts(session, scope=env.scope, component_ids=component_ids, query=query)
            found.update({(cid, query): counts.get(cid, 0) for cid in component_ids})
        return found

    return make_loader(env, fn, default=lambda: 0)


def results_by_parent(env: LoaderEnv) -> Loader:
    """``result id -> [Result]``: its live children, oldest first."""
    r = models.Result
    return many_by_column(env, r, r.parent_id, visible=result_visible)  # type: ignore[arg-type]


def results_by_status(env: LoaderEnv) -> Loader:
    """``status id -> [Result]``: the visible results in that status."""
    r = models.Result
    return many_by_column(env, r, r.status_id, visible=result_visible)  # type: ignore[arg-type]


def result_progress(env: LoaderEnv) -> Loader:
    """``result id -> float | None``: the progress a result with children shows, rolled up from its subtree."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, float | None]:
        nodes = await progress.subtrees(session, organization_id=env.scope.organization_id, root_ids=keys)
        return progress.rolled_up(nodes, keys)

    return make_loader(env, fn)


def result_status_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.ResultStatus, visible=_status_visible)


def result_statuses_by_component(env: LoaderEnv) -> Loader:
    """``component id -> [ResultStatus]`` in their display order. Reached from a visible component."""
    s = models.ResultStatus
    return many_by_column(env, s, s.component_id, order_by=(s.position,))  # type: ignore[arg-type]


def timeline_entries_by_result(env: LoaderEnv) -> Loader:
    """``result id -> [TimelineEntry]``, by date. Reached from a visible result."""
    t = models.TimelineEntry
    return many_by_column(env, t, t.result_id, order_by=(t.entry_date,))  # type: ignore[arg-type]


def timeline_entry_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.TimelineEntry, visible=_entry_visible)


def proposals_by_result(env: LoaderEnv) -> Loader:
    """``result id -> [Proposal]``: the linked proposals the viewer may see, in the order they were linked."""
    link = models.ResultProposalLink
    p = models.Proposal

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.Proposal]]:
        stmt = (
            select(link.result_id, p)  # type: ignore[call-overload]
            .join(p, p.id == link.proposal_id)
            .where(link.result_id.in_(keys), proposal_visible(env.scope))  # type: ignore[attr-defined]
            .order_by(link.result_id, link.id)
        )
        grouped: dict[int, list[models.Proposal]] = defaultdict(list)
        for result_id, proposal in (await session.execute(stmt)).all():
            grouped[result_id].append(proposal)
        return grouped

    return make_loader(env, fn, default=list)
