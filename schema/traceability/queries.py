from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.pagination import PageRequest
from resolvers.traceability.queries import LogFilter, action_logs_page
from schema.pagination import PageInfo
from schema.traceability.inputs import ActionLogFilter
from schema.traceability.types import ActionLog, ActionLogConnection, ActionLogEdge


def _criteria(f: ActionLogFilter | None) -> LogFilter:
    if f is None:
        return LogFilter()
    return LogFilter(
        user_id=parse_id(f.user_id, field="filter.userId"),
        action=f.action,
        resource_type=f.resource_type,
        space_id=parse_id(f.space_id, field="filter.spaceId"),
        since=f.since,
        before=f.before,
    )


@strawberry.type
class TraceabilityQueries:
    @strawberry.field(description="Participa: the admin action log, newest first (organization admins only).")
    async def action_logs(
        self,
        info: Info,
        filter: ActionLogFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ActionLogConnection | None:
        ctx = info.context
        criteria = _criteria(filter)
        request = PageRequest(first=first, after=after).validate(max_size=ctx.max_page_size)
        page = await action_logs_page(ctx.sessionmaker, scope=ctx.scope, criteria=criteria, page=request)
        nodes = [ActionLog.from_model(r) for r in page.rows]
        return ActionLogConnection(
            edges=[ActionLogEdge(cursor=c, node=n) for c, n in zip(page.cursors, nodes, strict=True)],
            nodes=nodes,
            page_info=PageInfo.of(page),
            criteria=criteria,
        )
