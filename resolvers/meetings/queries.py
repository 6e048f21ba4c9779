"""Reading meetings: Participa's calendar filters, keyset pages ordered by start time, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select

import models
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, check_cursors, paginate_partitions
from resolvers.visibility import Scope, meeting_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession


class TimeFrame(StrEnum):
    """Relative to the moment of the query: upcoming meetings have not ended yet (ongoing ones included)."""

    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class MeetingQuery:
    """A parsed ``MeetingFilter`` and ``MeetingSort``. Hashable: it is part of loader keys.

    ``starts_from``/``ends_until`` bound the days a meeting takes place on, already turned into instants
    of the organization's time zone: a meeting is kept when it overlaps ``[starts_from, ends_until)``.
    """

    time_frame: TimeFrame = TimeFrame.ALL
    starts_from: datetime | None = None
    ends_until: datetime | None = None
    type_of_meeting: str | None = None
    withdrawn: bool | None = None
    category_id: int | None = None
    scope_id: int | None = None
    start_time: Direction = Direction.ASC


def day_bounds(start: date | None, end: date | None, *, time_zone: str) -> tuple[datetime | None, datetime | None]:
    """``[start of start, start of the day after end)`` in ``time_zone``: a calendar day is a local day."""
    zone = ZoneInfo(time_zone)
    if start is not None and end is not None and end < start:
        msg = "`filter.endDate` is before `filter.startDate`."
        raise BadUserInput(msg, fields={"filter.endDate": "on or after startDate"})
    lower = datetime.combine(start, time.min, tzinfo=zone) if start is not None else None
    upper = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone) if end is not None else None
    return lower, upper


def sort_keys(query: MeetingQuery) -> list[SortKey]:
    """Start time, then the id (in the same direction) to make every position unique."""
    m = models.Meeting
    return [
        SortKey("start_time", m.start_time, query.start_time),  # type: ignore[arg-type]
        SortKey("id", m.id, query.start_time),  # type: ignore[arg-type]
    ]


def filtered(stmt: Select[Any], query: MeetingQuery) -> Select[Any]:
    m = models.Meeting
    # now() is the transaction's time, so one statement agrees with itself on what "upcoming" means.
    if query.time_frame is TimeFrame.UPCOMING:
        stmt = stmt.where(m.end_time >= func.now())  # type: ignore[arg-type]
    elif query.time_frame is TimeFrame.PAST:
        stmt = stmt.where(m.end_time < func.now())  # type: ignore[arg-type]
    if query.starts_from is not None:
        stmt = stmt.where(m.end_time >= query.starts_from)  # type: ignore[arg-type]
    if query.ends_until is not None:
        stmt = stmt.where(m.start_time < query.ends_until)  # type: ignore[arg-type]
    if query.type_of_meeting is not None:
        stmt = stmt.where(m.type_of_meeting == query.type_of_meeting)  # type: ignore[arg-type]
    if query.withdrawn is not None:
        withdrawn = m.withdrawn_at.is_not(None)  # type: ignore[union-attr]
        stmt = stmt.where(withdrawn if query.withdrawn else ~withdrawn)
    if query.category_id is not None:
        c = models.Category
        tree = select(c.id).where(or_(c.id == query.category_id, c.parent_id == query.category_id))  # type: ignore[arg-type,call-overload]
        stmt = stmt.where(m.category_id.in_(tree))  # type: ignore[union-attr]
    if query.scope_id is not None:
        stmt = stmt.where(m.scope_id == query.scope_id)  # type: ignore[arg-type]
    return stmt


async def meeting_pages(
    session: AsyncSession,
    *,
    scope: Scope,
    component_ids: Sequence[int],
    query: MeetingQuery,
    page: PageRequest,
    default_size: int,
) -> dict[int, Page]:
    """One page of visible meetings for each component, all from one statement."""
    keys = sort_keys(query)
    check_cursors(page, keys)
    stmt = filtered(select(models.Meeting).where(meeting_visible(scope)), query)
    pages = await paginate_partitions(
        session,
        stmt,
        partition=models.Meeting.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=keys,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def meeting_counts(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], query: MeetingQuery
) -> dict[int, int]:
    """How many visible meetings match, per component (``totalCount``)."""
    m = models.Meeting
    stmt = filtered(
        select(m.component_id, func.count()).where(meeting_visible(scope), m.component_id.in_(component_ids)),  # type: ignore[attr-defined,call-overload]
        query,
    ).group_by(m.component_id)  # type: ignore[arg-type]
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}
