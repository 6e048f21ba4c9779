"""The action log as admins read it. Only ids are shown for people: names belong to profiles."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from resolvers.traceability.queries import LogFilter, action_logs_count
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models


@strawberry.type(description="One action taken in the organization (publishing, answering, hiding...).")
class ActionLog:
    id: strawberry.ID
    user_id: strawberry.ID | None = strawberry.field(
        description="Who acted; null for the system or for an account that no longer exists."
    )
    action: str = strawberry.field(
        description='What was done, as "<resource>.<verb>": "proposal.answer", "comment.hide"...'
    )
    resource_type: str = strawberry.field(description='The kind of the resource acted on ("proposal", "result"...).')
    resource_id: strawberry.ID
    space_type: str | None = strawberry.field(description="The kind of the participatory space, if any.")
    space_id: strawberry.ID | None
    changes: JSON = strawberry.field(description="What changed: {field: [before, after]}.")
    visibility: str = strawberry.field(description='Who may read it: "admin-only" or "public".')
    created_at: datetime

    @classmethod
    def from_model(cls, row: models.ActionLog) -> ActionLog:
        return cls(
            id=strawberry.ID(str(row.id)),
            user_id=strawberry.ID(str(row.user_id)) if row.user_id is not None else None,
            action=row.action,
            resource_type=row.resource_kind,
            resource_id=strawberry.ID(str(row.resource_id)),
            space_type=row.space_kind,
            space_id=strawberry.ID(str(row.space_id)) if row.space_id is not None else None,
            changes=row.changes,  # type: ignore[arg-type]
            visibility=row.visibility,
            created_at=row.created_at,  # type: ignore[arg-type]
        )


@strawberry.type(description="One action log entry of a page, with the cursor to page from it.")
class ActionLogEdge:
    cursor: str
    node: ActionLog


@strawberry.type(description="A page of the action log, newest first.")
class ActionLogConnection:
    edges: list[ActionLogEdge]
    nodes: list[ActionLog]
    page_info: PageInfo
    criteria: strawberry.Private[LogFilter]

    @strawberry.field(description="How many entries match the filter, on all pages.")
    async def total_count(self, info: Info) -> int:
        ctx = info.context
        return await action_logs_count(ctx.sessionmaker, scope=ctx.scope, criteria=self.criteria)
