"""Decidim's write API for debates: create, update, close (with conclusions); Participa's endorsements.

Each write: check the input's shape -> one transaction (who acts, what the settings allow, the debate
row locked) -> the fresh row, returned with the settings it was judged by. Organization admins create
the organization's own debates (no participant author) and may edit or close any; participants create
open debates where the current step lets them, and manage their own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert

import models
from models.kinds import ResourceKind
from resolvers.actors import require_participant
from resolvers.debates import forms, policies
from resolvers.debates.writing import (
    Written,
    changeset,
    check_classification,
    check_group_member,
    component_and_settings,
    record_version,
    reference,
    target_debate,
    transaction,
)
from resolvers.follows.writing import add_follow

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

DEBATE = ResourceKind.DEBATE.value

DEFAULTS: dict[str, Any] = {
    "title": {},
    "description": {},
    "instructions": {},
    "information_updates": {},
    "start_time": None,
    "end_time": None,
    "category_id": None,
    "scope_id": None,
}


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


def _actor(user: models.User, scope: Scope) -> policies.Actor:
    return policies.Actor(user_id=user.id, admin=scope.viewer.organization_admin)  # type: ignore[arg-type]


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    """Translated columns cannot be null: a cleared one is empty again."""
    for name in forms.TRANSLATED:
        values[name] = values.get(name) or {}
    return values


async def create_debate(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    data: forms.DebateInput,
    now: datetime | None = None,
) -> Written:
    """A debate: the organization's own when an admin creates it in no group's name, else the participant's."""
    now = now or datetime.now(UTC)
    values = _normalised(DEFAULTS | dict(data.values))
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        actor = _actor(user, scope)
        _deny(policies.may_create(settings, admin=actor.admin))
        forms.check_rights(data, admin=actor.admin)
        forms.check(values)
        await check_classification(
            session,
            component=component,
            category_id=values["category_id"],
            scope_id=values["scope_id"],
            what="debate",
        )
        if data.user_group_id is not None:
            await check_group_member(session, scope=scope, user_id=actor.user_id, group_id=data.user_group_id)
        official = actor.admin and data.user_group_id is None
        debate = models.Debate(
            organization_id=component.organization_id,
            component_id=component_id,
            author_id=None if official else actor.user_id,
            user_group_id=data.user_group_id,
            created_at=now,
            updated_at=now,
            **values,
        )
        session.add(debate)
        await session.flush()
        debate.reference = reference(
            prefix=organization.reference_prefix,
            code="DEBA",
            pk=debate.id,  # type: ignore[arg-type]
            created_at=now,
            time_zone=organization.time_zone,
        )
        record_version(
            session, row=debate, kind=DEBATE, event="create", changes=changeset({}, values), user_id=actor.user_id
        )
        if debate.author_id is not None:  # as Decidim: a participant follows the debate they open
            await add_follow(
                session,
                organization_id=debate.organization_id,
                user_id=debate.author_id,
                kind=DEBATE,
                pk=debate.id,  # type: ignore[arg-type]
            )
        await session.flush()
        await session.refresh(debate)
    return Written(debate, settings)


async def update_debate(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    debate_id: int,
    data: forms.DebateInput,
) -> Written:
    """Change the given attributes; the debate left behind must be valid as a whole."""
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        debate = await target_debate(session, scope=scope, component_id=component_id, debate_id=debate_id)
        actor = _actor(user, scope)
        _deny(policies.may_update(policies.DebateFacts.of(debate), actor=actor))
        forms.check_rights(data, admin=actor.admin)
        current = {name: getattr(debate, name) for name in forms.CONTENT_FIELDS}
        values = _normalised(current | dict(data.values))
        forms.check(values)
        await check_classification(
            session,
            component=component,
            category_id=values["category_id"] if "category_id" in data.provided else None,
            scope_id=values["scope_id"] if "scope_id" in data.provided else None,
            what="debate",
        )
        changes = changeset(current, values)
        for name in changes:
            setattr(debate, name, values[name])
        record_version(session, row=debate, kind=DEBATE, event="update", changes=changes, user_id=actor.user_id)
        await session.flush()
        await session.refresh(debate)
    return Written(debate, settings)


async def close_debate(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    debate_id: int,
    conclusions: dict[str, str],
    now: datetime | None = None,
) -> Written:
    """Close with conclusions; closing again rewrites them and keeps the first closing time."""
    now = now or datetime.now(UTC)
    forms.check_conclusions(conclusions)
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        debate = await target_debate(session, scope=scope, component_id=component_id, debate_id=debate_id)
        _deny(policies.may_close(policies.DebateFacts.of(debate), actor=_actor(user, scope)))
        closed_at = debate.closed_at or now
        before = {"conclusions": debate.conclusions, "closed_at": debate.closed_at}
        after = {"conclusions": conclusions, "closed_at": closed_at}
        debate.conclusions = conclusions
        debate.closed_at = closed_at
        changes = changeset(before, after)
        record_version(session, row=debate, kind=DEBATE, event="update", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(debate)
    return Written(debate, settings)


async def _bump_endorsements(session: AsyncSession, debate_id: int, delta: int) -> models.Debate:
    d = models.Debate
    stmt = (
        update(d)
        .where(d.id == debate_id)  # type: ignore[arg-type]
        .values(endorsements_count=d.endorsements_count + delta)
        .returning(d)
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(stmt)).one()


async def endorse(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    debate_id: int,
    user_group_id: int | None = None,
) -> Written:
    """Endorse in one's own name, or for a group one belongs to; the unique index decides a double one."""
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        debate = await target_debate(session, scope=scope, component_id=component_id, debate_id=debate_id)
        _deny(policies.may_endorse(settings))
        if user_group_id is not None:
            await check_group_member(session, scope=scope, user_id=user.id, group_id=user_group_id)  # type: ignore[arg-type]
        e = models.Endorsement
        inserted = await session.scalar(
            insert(e)  # type: ignore[call-overload]
            .values(
                organization_id=debate.organization_id,
                resource_kind=DEBATE,
                resource_id=debate_id,
                author_id=user.id,
                user_group_id=user_group_id,
            )
            .on_conflict_do_nothing()
            .returning(e.id)
        )
        if inserted is None:
            raise policies.denial("ALREADY_ENDORSED")
        fresh = await _bump_endorsements(session, debate_id, 1)
    return Written(fresh, settings)


async def unendorse(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    debate_id: int,
    user_group_id: int | None = None,
) -> Written:
    async with transaction(sessionmaker) as session:
        user = await require_participant(session, scope)
        _, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        await target_debate(session, scope=scope, component_id=component_id, debate_id=debate_id)
        _deny(policies.may_endorse(settings))
        e = models.Endorsement
        same_group = e.user_group_id.is_(None) if user_group_id is None else e.user_group_id == user_group_id  # type: ignore[union-attr]
        removed = await session.scalar(
            delete(e)  # type: ignore[call-overload]
            .where(
                e.resource_kind == DEBATE,  # type: ignore[arg-type]
                e.resource_id == debate_id,  # type: ignore[arg-type]
                e.author_id == user.id,  # type: ignore[arg-type]
                same_group,  # type: ignore[arg-type]
            )
            .returning(e.id)
        )
        if removed is None:
            raise policies.denial("NOT_ENDORSED")
        fresh = await _bump_endorsements(session, debate_id, -1)
    return Written(fresh, settings)
