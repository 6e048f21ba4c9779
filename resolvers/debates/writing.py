"""Building blocks every debate write shares: the transaction, the target rows, classification, history.

``transaction``, ``check_classification``, ``record_version`` and ``reference`` are shared with the
budgets domain (same rules for categories, scopes, versions and Decidim's references).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

import models
from models.users import UserKind
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.components.writable import writable_component
from resolvers.debates import policies
from resolvers.errors import BadUserInput, Conflict, NotFound
from resolvers.users.loaders import ACTIVE_ROLES
from resolvers.visibility import debate_visible

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

MANIFEST = "debates"


@dataclass(frozen=True, slots=True)
class Written:
    """A debate as the write left it, with the settings it was judged by (to render it)."""

    debate: models.Debate
    settings: EffectiveSettings


@contextlib.asynccontextmanager
async def transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction; a constraint violation from a concurrent write becomes a ``CONFLICT``."""
    try:
        async with sessionmaker() as session, session.begin():
            yield session
    except IntegrityError as exc:
        msg = "Someone changed this at the same moment; reload and try again."
        raise Conflict(msg, reason="CONCURRENT_CHANGE") from exc


async def component_and_settings(
    session: AsyncSession, *, scope: Scope, component_id: int, manifest_name: str = MANIFEST
) -> tuple[models.Component, EffectiveSettings]:
    component = await writable_component(session, scope=scope, component_id=component_id, manifest_name=manifest_name)
    return component, await settings_for(session, component)


async def target_debate(session: AsyncSession, *, scope: Scope, component_id: int, debate_id: int) -> models.Debate:
    """The visible debate, row-locked until commit so concurrent writes to it apply one after the other.

    ``FOR NO KEY UPDATE`` still lets other transactions insert rows that point at it (endorsements).
    """
    d = models.Debate
    stmt = (
        select(d)
        .where(d.id == debate_id, d.component_id == component_id, debate_visible(scope))  # type: ignore[arg-type]
        .with_for_update(key_share=True, of=d)  # type: ignore[arg-type]
        .execution_options(populate_existing=True)
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such debate in this component."
        raise NotFound(msg)
    return row


def reference(*, prefix: str, code: str, pk: int, created_at: datetime, time_zone: str) -> str:
    """Decidim's reference, e.g. ``LA-DEBA-2026-01-1234``: the first four letters of the class name and
    the month of creation in the organization's time zone."""
    local = created_at.astimezone(ZoneInfo(time_zone))
    return f"{prefix}-{code}-{local:%Y-%m}-{pk}"


async def check_group_member(session: AsyncSession, *, scope: Scope, user_id: int, group_id: int) -> None:
    """Acting for a group needs an accepted membership of an active group of the organization."""
    m = models.UserGroupMembership
    g = models.User
    stmt = (
        select(m.id)  # type: ignore[call-overload]
        .join(g, g.id == m.user_group_id)  # type: ignore[arg-type]
        .where(
            m.user_id == user_id,
            m.user_group_id == group_id,
            m.role.in_(ACTIVE_ROLES),  # type: ignore[attr-defined]
            g.organization_id == scope.organization_id,
            g.kind == UserKind.GROUP.value,
            g.blocked.is_(False),  # type: ignore[attr-defined]
            g.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    )
    if await session.scalar(stmt) is None:
        raise policies.denial("NOT_GROUP_MEMBER")


async def check_classification(
    session: AsyncSession,
    *,
    component: models.Component,
    category_id: int | None,
    scope_id: int | None,
    what: str,
) -> None:
    """The category must be one of the component's space, the scope one of the organization."""
    errors: dict[str, str] = {}
    if category_id is not None:
        c = models.Category
        found = await session.scalar(
            select(c.id).where(  # type: ignore[call-overload]
                c.id == category_id, c.space_kind == component.space_kind, c.space_id == component.space_id
            )
        )
        if found is None:
            errors["attributes.categoryId"] = "not a category of this participatory space"
    if scope_id is not None:
        s = models.Scope
        found = await session.scalar(
            select(s.id).where(s.id == scope_id, s.organization_id == component.organization_id)  # type: ignore[call-overload]
        )
        if found is None:
            errors["attributes.scopeId"] = "not a scope of this organization"
    if errors:
        msg = f"Invalid {what}: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def changeset(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that changed, in paper_trail's shape (Decidim's versions)."""
    return {
        name: [_jsonable(before.get(name)), _jsonable(value)]
        for name, value in after.items()
        if before.get(name) != value
    }


def record_version(
    session: AsyncSession, *, row: Any, kind: str, event: str, changes: dict[str, Any], user_id: int
) -> None:
    """One entry of the row's history; an update that changed nothing leaves none."""
    if not changes and event == "update":
        return
    session.add(
        models.Version(
            organization_id=row.organization_id,
            item_kind=kind,
            item_id=row.id,
            event=event,
            changeset=changes,
            whodunnit_id=user_id,
        )
    )
