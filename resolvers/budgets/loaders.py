"""Dataloaders of the budgets domain: one statement per relation level, whatever the page size.

Relations are loaded only from a budget or project the viewer may see; projects and linked proposals
carry their own visibility clause all the same, since ``viewerOrder`` lists projects by id.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.budgets import queries
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.visibility import budget_visible, project_visible, proposal_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, PageRequest, int]
"""``(component id, page request, default page size)``."""


def budget_by_id(env: LoaderEnv) -> Loader:
    """Visible budgets only: in a visible component."""
    return one_by_id(env, models.Budget, visible=budget_visible)


def budget_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[PageRequest, int], list[int]] = defaultdict(list)
        for component_id, page, size in keys:
            by_request[(page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (page, size), component_ids in by_request.items():
            pages = await queries.budget_pages(
                session, scope=env.scope, component_ids=component_ids, page=page, default_size=size
            )
            found.update({(cid, page, size): result for cid, result in pages.items()})
        return found

    return make_loader(env, fn, default=Page)


def budget_counts(env: LoaderEnv) -> Loader:
    """``component id -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, int]:
        return await queries.budget_counts(session, scope=env.scope, component_ids=keys)

    return make_loader(env, fn, default=lambda: 0)


def project_by_id(env: LoaderEnv) -> Loader:
    """Visible projects only: in a visible component."""
    return one_by_id(env, models.Project, visible=project_visible)


def projects_by_budget(env: LoaderEnv) -> Loader:
    """``budget id -> [Project]``, oldest first."""
    p = models.Project
    return many_by_column(env, p, p.budget_id, visible=project_visible)  # type: ignore[arg-type]


def proposals_by_project(env: LoaderEnv) -> Loader:
    """``project id -> [Proposal]``: the visible proposals the project comes from, oldest link first."""
    link = models.ProjectProposalLink
    p = models.Proposal

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.Proposal]]:
        stmt = (
            select(link.project_id, p)  # type: ignore[call-overload]
            .join(p, p.id == link.proposal_id)  # type: ignore[arg-type]
            .where(
                link.project_id.in_(keys),  # type: ignore[attr-defined]
                link.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
                proposal_visible(env.scope),
            )
            .order_by(link.id)  # type: ignore[arg-type]
        )
        grouped: dict[int, list[models.Proposal]] = defaultdict(list)
        for project_id, proposal in (await session.execute(stmt)).all():
            grouped[project_id].append(proposal)
        return grouped

    return make_loader(env, fn, default=list)


def viewer_order_by_budget(env: LoaderEnv) -> Loader:
    """``budget id -> OrderView | None``: the viewer's own order. Anonymous viewers cost no statement."""
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, queries.OrderView]:
        if user_id is None:
            return {}
        return await queries.orders_of(session, user_id=user_id, budget_ids=keys)

    return make_loader(env, fn)
