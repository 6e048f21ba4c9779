"""Dataloaders of the meetings domain: one statement per relation level, whatever the page size.

Relations are loaded only from a meeting the viewer may see (``meeting_by_id``, ``meeting_pages``), so
agendas, services and registrations need no visibility clause of their own; linked proposals do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.meetings import queries
from resolvers.pagination import Page, PageRequest
from resolvers.visibility import meeting_visible, proposal_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, queries.MeetingQuery, PageRequest, int]
"""``(component id, query, page request, default page size)``."""
CountKey = tuple[int, queries.MeetingQuery]


@dataclass(frozen=True, slots=True)
class AgendaView:
    """An agenda with all its items (every level), so the item tree is walked in memory."""

    agenda: models.MeetingAgenda
    items: list[models.MeetingAgendaItem] = field(default_factory=list)

    def children_of(self, parent_id: int | None) -> list[models.MeetingAgendaItem]:
        return [i for i in self.items if i.parent_id == parent_id]

    def item(self, pk: int | None) -> models.MeetingAgendaItem | None:
        return next((i for i in self.items if i.id == pk), None) if pk is not None else None


def meeting_by_id(env: LoaderEnv) -> Loader:
    """Visible meetings only: published, not hidden, in a visible component, private ones for their people."""
    return one_by_id(env, models.Meeting, visible=meeting_visible)


def meeting_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page of the same query."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[queries.MeetingQuery, PageRequest, int], list[int]] = defaultdict(list)
        for component_id, query, page, size in keys:
            by_request[(query, page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (query, page, size), component_ids in by_request.items():
            pages = await queries.meeting_pages(
                session, scope=env.scope, component_ids=component_ids, query=query, page=page, default_size=size
            )
            for component_id, result in pages.items():
                found[(component_id, query, page, size)] = result
        return found

    return make_loader(env, fn, default=Page)


def meeting_counts(env: LoaderEnv) -> Loader:
    """``(component id, query) -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[CountKey]) -> dict[CountKey, int]:
        by_query: dict[queries.MeetingQuery, list[int]] = defaultdict(list)
        for component_id, query in keys:
            by_query[query].append(component_id)
        found: dict[CountKey, int] = {}
        for query, component_ids in by_query.items():
            counts = await queries.meeting_counts(session, scope=env.scope, component_ids=component_ids, query=query)
            found.update({(cid, query): counts.get(cid, 0) for cid in component_ids})
        return found

    return make_loader(env, fn, default=lambda: 0)


def agenda_by_meeting(env: LoaderEnv) -> Loader:
    """``meeting id -> AgendaView | None``: visible agendas and every item of them, in two statements."""
    a = models.MeetingAgenda
    i = models.MeetingAgendaItem

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, AgendaView]:
        agendas = (
            await session.scalars(
                select(a).where(
                    a.meeting_id.in_(keys),  # type: ignore[attr-defined]
                    a.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
                    a.visible.is_(True),  # type: ignore[attr-defined]
                )
            )
        ).all()
        if not agendas:
            return {}
        items: dict[int, list[models.MeetingAgendaItem]] = defaultdict(list)
        stmt = select(i).where(i.agenda_id.in_([g.id for g in agendas])).order_by(i.position, i.id)  # type: ignore[attr-defined,arg-type]
        for row in (await session.scalars(stmt)).all():
            items[row.agenda_id].append(row)
        return {g.meeting_id: AgendaView(g, items.get(g.id, [])) for g in agendas}  # type: ignore[arg-type,misc]

    return make_loader(env, fn)


def services_by_meeting(env: LoaderEnv) -> Loader:
    """``meeting id -> [MeetingService]`` in their display order."""
    s = models.MeetingService
    return many_by_column(env, s, s.meeting_id, order_by=(s.position,))  # type: ignore[arg-type]


def proposals_by_meeting(env: LoaderEnv) -> Loader:
    """``meeting id -> [Proposal]``: the visible proposals the meeting took up, oldest link first."""
    link = models.MeetingProposalLink
    p = models.Proposal

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.Proposal]]:
        stmt = (
            select(link.meeting_id, p)  # type: ignore[call-overload]
            .join(p, p.id == link.proposal_id)  # type: ignore[arg-type]
            .where(
                link.meeting_id.in_(keys),  # type: ignore[attr-defined]
                link.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
                proposal_visible(env.scope),
            )
            .order_by(link.id)  # type: ignore[arg-type]
        )
        grouped: dict[int, list[models.Proposal]] = defaultdict(list)
        for meeting_id, proposal in (await session.execute(stmt)).all():
            grouped[meeting_id].append(proposal)
        return grouped

    return make_loader(env, fn, default=list)


def viewer_registration_by_meeting(env: LoaderEnv) -> Loader:
    """``meeting id -> registration code | None`` for the viewer. Anonymous viewers cost no statement."""
    r = models.MeetingRegistration
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, str]:
        if user_id is None:
            return {}
        stmt = select(r.meeting_id, r.code).where(r.meeting_id.in_(keys), r.user_id == user_id)  # type: ignore[attr-defined,arg-type,call-overload]
        return {int(mid): str(code) for mid, code in (await session.execute(stmt)).all()}

    return make_loader(env, fn)
