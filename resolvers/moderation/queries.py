"""What moderators read: their space's moderations with reporters and report details.

Decidim's API first showed these to everyone (#15497, restricted by #17632); here only the space's
admins and moderators, and organization admins, may read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import col

import models
from models.kinds import SpaceKind
from resolvers.errors import Forbidden, NotFound, Unauthenticated
from resolvers.permissions import Action, allowed, roles_in_space

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope


@dataclass(frozen=True, slots=True)
class ReportView:
    id: int
    reason: str
    details: str | None
    created_at: datetime | None
    reporter_id: int
    reporter_nickname: str


@dataclass(frozen=True, slots=True)
class ModerationView:
    moderation: models.Moderation
    reports: list[ReportView]


async def _space_kind(session: AsyncSession, *, organization_id: int, space_id: int) -> str:
    for kind, model in (
        (SpaceKind.PARTICIPATORY_PROCESS, models.ParticipatoryProcess),
        (SpaceKind.ASSEMBLY, models.Assembly),
    ):
        found = await session.scalar(
            select(model.id).where(model.id == space_id, model.organization_id == organization_id)  # type: ignore[call-overload]
        )
        if found is not None:
            return kind.value
    msg = f"No participatory space with id {space_id}."
    raise NotFound(msg)


async def _may_read(session: AsyncSession, scope: Scope, *, space_id: int) -> str:
    """The space's kind, once the viewer may read its moderations (a read: no ``api:write`` scope needed)."""
    if scope.viewer.user_id is None:  # before any lookup: anonymous callers learn nothing about ids
        msg = "Sign in to do this."
        raise Unauthenticated(msg)
    kind = await _space_kind(session, organization_id=scope.organization_id, space_id=space_id)
    roles = await roles_in_space(session, scope, space_kind=kind, space_id=space_id)
    if not allowed(Action.READ_MODERATIONS, organization_admin=scope.viewer.organization_admin, roles=roles):
        msg = "Only this space's moderators and admins may read its moderations."
        raise Forbidden(msg, reason="MISSING_PERMISSION")
    return kind


async def space_moderations(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, space_id: int, hidden: bool | None
) -> list[ModerationView]:
    """Moderations of the space, newest first, each with its reports (two statements whatever the size)."""
    async with sessionmaker() as session:
        kind = await _may_read(session, scope, space_id=space_id)
        m = models.Moderation
        stmt = select(m).where(
            col(m.organization_id) == scope.organization_id, col(m.space_kind) == kind, col(m.space_id) == space_id
        )
        if hidden is not None:
            stmt = stmt.where(col(m.hidden_at).is_not(None) if hidden else col(m.hidden_at).is_(None))
        rows = list((await session.scalars(stmt.order_by(col(m.id).desc()))).all())
        r, u = models.Report, models.User
        keys = {(row.reportable_kind, row.reportable_id) for row in rows}
        found: dict[tuple[str, int], list[ReportView]] = {key: [] for key in keys}
        if keys:
            reports = await session.execute(
                select(
                    col(r.reportable_kind),
                    col(r.reportable_id),
                    col(r.id),
                    col(r.reason),
                    col(r.details),
                    col(r.created_at),
                    col(u.id),
                    col(u.nickname),
                )
                .join(u, col(u.id) == col(r.user_id))
                .where(col(r.organization_id) == scope.organization_id, col(r.reportable_id).in_([k[1] for k in keys]))
                .order_by(col(r.id))
            )
            for kind_, rid, pk, reason, details, created, uid, nickname in reports.all():
                if (kind_, rid) in found:
                    found[(kind_, rid)].append(
                        ReportView(int(pk or 0), reason, details, created, int(uid or 0), nickname)
                    )
    return [ModerationView(row, found[(row.reportable_kind, row.reportable_id)]) for row in rows]
