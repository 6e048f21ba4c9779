from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from schema.comments.inputs import ReportableType, ReportReason

if TYPE_CHECKING:
    import models
    from resolvers.moderation.queries import ModerationView, ReportView


@strawberry.type(description="Participa: who reported, as only the space's moderators and admins see it.")
class ModerationReporter:
    id: strawberry.ID
    nickname: str


@strawberry.type(description="Participa: one report, with its reporter and details (moderators and admins only).")
class ModerationReport:
    id: strawberry.ID
    reason: ReportReason
    details: str | None
    created_at: datetime | None
    reporter: ModerationReporter

    @classmethod
    def from_view(cls, view: ReportView) -> ModerationReport:
        return cls(
            id=strawberry.ID(str(view.id)),
            reason=ReportReason(view.reason),
            details=view.details,
            created_at=view.created_at,
            reporter=ModerationReporter(id=strawberry.ID(str(view.reporter_id)), nickname=view.reporter_nickname),
        )


@strawberry.type(description="Participa: a reported or hidden resource (Decidim's Moderation).")
class Moderation:
    id: strawberry.ID
    reportable_id: strawberry.ID
    reportable_type: ReportableType
    report_count: int
    hidden_at: datetime | None
    updated_at: datetime | None
    reports: list[ModerationReport] = strawberry.field(
        description="Empty where the mutation answers; filled by the `moderations` query."
    )

    @classmethod
    def from_model(cls, row: models.Moderation, reports: list[ModerationReport] | None = None) -> Moderation:
        return cls(
            id=strawberry.ID(str(row.id)),
            reportable_id=strawberry.ID(str(row.reportable_id)),
            reportable_type=ReportableType(row.reportable_kind),
            report_count=row.report_count,
            hidden_at=row.hidden_at,
            updated_at=row.updated_at,
            reports=reports or [],
        )

    @classmethod
    def from_view(cls, view: ModerationView) -> Moderation:
        return cls.from_model(view.moderation, [ModerationReport.from_view(r) for r in view.reports])


@strawberry.type(description="Participa: a participant's blocked state after blockUser/unblockUser.")
class BlockedState:
    user_id: strawberry.ID
    nickname: str
    blocked: bool
    blocked_at: datetime | None

    @classmethod
    def from_model(cls, row: models.User) -> BlockedState:
        return cls(
            user_id=strawberry.ID(str(row.id)), nickname=row.nickname, blocked=row.blocked, blocked_at=row.blocked_at
        )
