"""Reading proposals: Decidim's filter and sort (plus Participa's), keyset pages, counts, drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, String, and_, exists, func, literal, or_, select

import models
from resolvers.filters import Direction, start_of
from resolvers.pagination import Page, PageRequest, SortKey, check_cursors, paginate_partitions
from resolvers.visibility import Scope, proposal_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

NOT_ANSWERED = "not_answered"
"""``filter.state`` value for proposals without a published answer."""

SORT_KEYS = ("published_at", "endorsement_count", "vote_count", "id")
"""Sort keys in the order they apply when several are given; ``id`` always breaks ties."""


@dataclass(frozen=True, slots=True)
class ProposalQuery:
    """A parsed ``ProposalFilter`` and ``ProposalSort``. Hashable: it is part of loader keys."""

    locale: str = "fr"
    published_before: date | None = None
    published_since: date | None = None
    state: str | None = None
    category_id: int | None = None
    scope_id: int | None = None
    author_id: int | None = None
    search: str | None = None
    withdrawn: bool | None = None
    sort: tuple[tuple[str, Direction], ...] = ()


def _column(key: str) -> ColumnElement[Any]:
    p = models.Proposal
    columns: dict[str, Any] = {
        "published_at": p.published_at,
        "endorsement_count": p.endorsements_count,
        "vote_count": p.votes_count,
        "id": p.id,
    }
    return columns[key]  # type: ignore[no-any-return]


def sort_keys(query: ProposalQuery) -> list[SortKey]:
    """Keyset sort keys; every one is non-null for visible proposals and the last is the unique id."""
    given = dict(query.sort)
    keys = [SortKey(k, _column(k), given[k]) for k in SORT_KEYS if k in given and k != "id"]
    keys.append(SortKey("id", _column("id"), given.get("id", Direction.ASC)))
    return keys


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fold(expression: ColumnElement[Any]) -> ColumnElement[str]:
    # participa_fold() (migration 0003proposals) lowers and strips accents, with or without unaccent.
    return func.participa_fold(expression, type_=String)


def _matches(query: ProposalQuery) -> ColumnElement[bool]:
    p = models.Proposal
    pattern = func.concat("%", _fold(literal(_escape_like(query.search or ""), String)), "%")
    return or_(
        _fold(p.title[query.locale].astext).like(pattern, escape="\\"),  # type: ignore[index]
        _fold(p.body[query.locale].astext).like(pattern, escape="\\"),  # type: ignore[index]
    )


def filtered(stmt: Select[Any], query: ProposalQuery) -> Select[Any]:
    p = models.Proposal
    if query.published_before is not None:
        stmt = stmt.where(p.published_at < start_of(query.published_before))  # type: ignore[arg-type,operator]
    if query.published_since is not None:
        stmt = stmt.where(p.published_at >= start_of(query.published_since))  # type: ignore[arg-type,operator]
    if query.state == NOT_ANSWERED:
        stmt = stmt.where(or_(p.state.is_(None), p.state_published_at.is_(None)))  # type: ignore[union-attr]
    elif query.state is not None:
        # Only published answers count: an unpublished one must not leak through the filter.
        stmt = stmt.where(p.state == query.state, p.state_published_at.is_not(None))  # type: ignore[arg-type,union-attr]
    if query.category_id is not None:
        c = models.Category
        tree = select(c.id).where(or_(c.id == query.category_id, c.parent_id == query.category_id))  # type: ignore[arg-type,call-overload]
        stmt = stmt.where(p.category_id.in_(tree))  # type: ignore[union-attr]
    if query.scope_id is not None:
        stmt = stmt.where(p.scope_id == query.scope_id)  # type: ignore[arg-type]
    if query.author_id is not None:
        a = models.ProposalCoauthorship
        stmt = stmt.where(
            exists().where(
                a.proposal_id == p.id,  # type: ignore[arg-type]
                or_(a.author_id == query.author_id, a.user_group_id == query.author_id),  # type: ignore[arg-type]
            )
        )
    if query.search:
        stmt = stmt.where(_matches(query))
    if query.withdrawn is not None:
        withdrawn = p.withdrawn_at.is_not(None)  # type: ignore[union-attr]
        stmt = stmt.where(withdrawn if query.withdrawn else ~withdrawn)
    return stmt


async def proposal_pages(
    session: AsyncSession,
    *,
    scope: Scope,
    component_ids: Sequence[int],
    query: ProposalQuery,
    page: PageRequest,
    default_size: int,
) -> dict[int, Page]:
    """One page of visible proposals for each component, all from one statement."""
    keys = sort_keys(query)
    check_cursors(page, keys)
    stmt = filtered(select(models.Proposal).where(proposal_visible(scope)), query)
    pages = await paginate_partitions(
        session,
        stmt,
        partition=models.Proposal.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=keys,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def proposal_counts(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], query: ProposalQuery
) -> dict[int, int]:
    """How many visible proposals match, per component (``totalCount``)."""
    p = models.Proposal
    stmt = filtered(
        select(p.component_id, func.count()).where(proposal_visible(scope), p.component_id.in_(component_ids)),  # type: ignore[attr-defined,call-overload]
        query,
    ).group_by(p.component_id)  # type: ignore[arg-type]
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}


def authored_by(user_id: int) -> ColumnElement[bool]:
    """The proposal has ``user_id`` among its co-authors (as themselves)."""
    p = models.Proposal
    a = models.ProposalCoauthorship
    return exists().where(a.proposal_id == p.id, a.author_id == user_id)  # type: ignore[arg-type]


async def own_drafts(session: AsyncSession, *, scope: Scope, component_ids: Sequence[int]) -> Sequence[models.Proposal]:
    """The viewer's unpublished proposals in these components; nobody else ever sees a draft."""
    if scope.viewer.user_id is None:
        return []
    p = models.Proposal
    stmt = (
        select(p)
        .where(
            p.organization_id == scope.organization_id,  # type: ignore[arg-type]
            p.component_id.in_(component_ids),  # type: ignore[attr-defined]
            p.published_at.is_(None),  # type: ignore[union-attr]
            p.hidden_at.is_(None),  # type: ignore[union-attr]
            authored_by(scope.viewer.user_id),
        )
        .order_by(p.id)  # type: ignore[arg-type]
    )
    return (await session.scalars(stmt)).all()


def reachable_for_writes(scope: Scope) -> ColumnElement[bool]:
    """What a mutation may target: visible proposals, plus the viewer's own (unhidden) drafts."""
    p = models.Proposal
    if scope.viewer.user_id is None:
        return proposal_visible(scope)
    own_draft = and_(
        p.organization_id == scope.organization_id,  # type: ignore[arg-type]
        p.published_at.is_(None),  # type: ignore[union-attr]
        p.hidden_at.is_(None),  # type: ignore[union-attr]
        authored_by(scope.viewer.user_id),
    )
    return or_(proposal_visible(scope), own_draft)


async def reachable(session: AsyncSession, *, scope: Scope, component_id: int, proposal_id: int) -> bool:
    p = models.Proposal
    stmt = select(p.id).where(p.id == proposal_id, p.component_id == component_id, reachable_for_writes(scope))  # type: ignore[call-overload]
    return await session.scalar(stmt) is not None
