"""The meetings component (``Meetings``) and its keyset-paginated ``meetings`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from models.meetings import MeetingType
from resolvers.errors import BadUserInput
from resolvers.filters import Direction, parse_date, parse_direction, parse_id
from resolvers.meetings.queries import MeetingQuery, TimeFrame, day_bounds, sort_keys
from resolvers.pagination import PageRequest, check_cursors
from schema.components.types import COMPONENT_TYPES, component_settings, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.meetings.inputs import MeetingFilter, MeetingSort
from schema.meetings.types import Meeting
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models


@strawberry.type(description="One meeting of a page, with the cursor to page from it.")
class MeetingEdge:
    cursor: str
    node: Meeting | None


@strawberry.type(description="A page of meetings.")
class MeetingConnection:
    edges: list[MeetingEdge | None] | None
    nodes: list[Meeting | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]
    query: strawberry.Private[MeetingQuery]

    @strawberry.field(description="Participa: how many meetings match the filter, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.meeting_counts.load((self.component_id, self.query)))


def _choice(value: str | None, *, allowed: list[str], field: str) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().lower()
    if cleaned not in allowed:
        msg = f"Invalid {field} {value!r}: use one of {', '.join(allowed)}."
        raise BadUserInput(msg, fields={field: f"one of {', '.join(allowed)}"})
    return cleaned


def meeting_query(info: Info, filter: MeetingFilter | None, order: MeetingSort | None) -> MeetingQuery:
    f = filter or MeetingFilter()
    starts_from, ends_until = day_bounds(
        parse_date(f.start_date, field="filter.startDate"),
        parse_date(f.end_date, field="filter.endDate"),
        time_zone=info.context.organization.time_zone,
    )
    frame = _choice(f.time_frame, allowed=[t.value for t in TimeFrame], field="filter.timeFrame")
    direction = parse_direction(order.start_time if order else None, field="order.startTime")
    return MeetingQuery(
        time_frame=TimeFrame(frame) if frame else TimeFrame.ALL,
        starts_from=starts_from,
        ends_until=ends_until,
        type_of_meeting=_choice(f.type, allowed=[t.value for t in MeetingType], field="filter.type"),
        withdrawn=f.withdrawn,
        category_id=parse_id(f.category_id, field="filter.categoryId"),
        scope_id=parse_id(f.scope_id, field="filter.scopeId"),
        start_time=direction or Direction.ASC,
    )


@strawberry.type(description="A meetings component: the calendar of a participatory space.")
class Meetings(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Meetings:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="Published meetings (withdrawn ones included, hidden ones never; private ones only for the "
        "people they concern), soonest first, by keyset pages of at most 50."
    )
    async def meetings(
        self,
        info: Info,
        *,
        filter: MeetingFilter | None = None,
        order: MeetingSort | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> MeetingConnection | None:
        ctx = info.context
        query = meeting_query(info, filter, order)
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page, sort_keys(query))
        settings = await component_settings(info, self.pk)
        result = await ctx.loaders.meeting_pages.load((self.pk, query, page, ctx.max_page_size))
        nodes = [Meeting.from_model(row, settings) for row in result.rows]
        return MeetingConnection(
            edges=[MeetingEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
            query=query,
        )

    @strawberry.field(description="One published meeting of this component.")
    async def meeting(self, info: Info, id: strawberry.ID) -> Meeting | None:
        row = await info.context.loaders.meeting_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Meeting.from_model(row, await component_settings(info, self.pk))


COMPONENT_TYPES["meetings"] = Meetings.from_model
