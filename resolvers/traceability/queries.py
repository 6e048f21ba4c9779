"""Reading the action log: organization admins only, newest first, keyset pages with a total."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select

import models
from resolvers.errors import Forbidden, Unauthenticated
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, paginate_partitions
from resolvers.permissions import Action, allowed

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

DEFAULT_PAGE_SIZE = 20


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Every criterion is optional; given ones must all match. ``before`` is exclusive, ``since`` inclusive."""

    user_id: int | None = None
    action: str | None = None
    resource_type: str | None = None
    space_id: int | None = None
    since: datetime | None = None
    before: datetime | None = None


def check_reader(scope: Scope) -> None:
    """Reading needs no write scope (a read-only admin token may audit), only the admin permission."""
    if scope.viewer.user_id is None:
        msg = "Sign in to do this."
        raise Unauthenticated(msg)
    if not allowed(Action.READ_ACTION_LOG, organization_admin=scope.viewer.organization_admin):
        msg = "You are not allowed to do this."
        raise Forbidden(msg, reason="MISSING_PERMISSION")


def _conditions(scope: Scope, criteria: LogFilter) -> list[ColumnElement[bool]]:
    log = models.ActionLog
    out: list[Any] = [log.organization_id == scope.organization_id]
    if criteria.user_id is not None:
        out.append(log.user_id == criteria.user_id)
    if criteria.action is not None:
        out.append(log.action == criteria.action)
    if criteria.resource_type is not None:
        out.append(log.resource_kind == criteria.resource_type)
    if criteria.space_id is not None:
        out.append(log.space_id == criteria.space_id)
    if criteria.since is not None:
        out.append(log.created_at >= criteria.since)  # type: ignore[operator]
    if criteria.before is not None:
        out.append(log.created_at < criteria.before)  # type: ignore[operator]
    return out


def _keys() -> list[SortKey]:
    log = models.ActionLog
    return [
        SortKey("createdAt", log.created_at, Direction.DESC),  # type: ignore[arg-type]
        SortKey("id", log.id, Direction.DESC),  # type: ignore[arg-type]
    ]


async def action_logs_page(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    criteria: LogFilter,
    page: PageRequest,
) -> Page:
    check_reader(scope)
    log = models.ActionLog
    stmt = select(log).where(*_conditions(scope, criteria))
    async with sessionmaker() as session:
        pages = await paginate_partitions(
            session,
            stmt,
            partition=log.organization_id,  # type: ignore[arg-type]
            partitions=[scope.organization_id],
            keys=_keys(),
            page=page,
            default_size=DEFAULT_PAGE_SIZE,
        )
    return pages[scope.organization_id]


async def action_logs_count(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, criteria: LogFilter
) -> int:
    check_reader(scope)
    stmt = select(func.count()).select_from(models.ActionLog).where(*_conditions(scope, criteria))
    async with sessionmaker() as session:
        return int(await session.scalar(stmt) or 0)
