"""Decidim's write API for results (administrators only): create, update, delete (soft).

Each write: check the input's shape -> one transaction (who acts, the component, the rows it touches
locked in id order, every referenced id checked) -> the fresh row, with a version recorded as Decidim
traces it. ``children_count`` moves with ``SET n = n +/- 1`` on the locked parents.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import aliased

import models
from resolvers.accountability import forms
from resolvers.accountability.writing import (
    RESULT,
    Written,
    changeset,
    check_merged_dates,
    check_references,
    component_and_settings,
    linked_proposal_ids,
    lock_results,
    record_version,
    reference,
    require_admin,
    transaction,
)
from resolvers.errors import Conflict, NotFound
from resolvers.traceability.log import log_action

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope


async def _move_children_count(session: AsyncSession, parent_id: int | None, step: int) -> None:
    if parent_id is None:
        return
    r = models.Result
    await session.execute(
        update(r).where(r.id == parent_id).values(children_count=r.children_count + step)  # type: ignore[arg-type]
    )


async def _link_proposals(session: AsyncSession, *, result: models.Result, proposal_ids: Sequence[int]) -> None:
    """Make the result's links exactly ``proposal_ids`` (kept ones keep their place)."""
    link = models.ResultProposalLink
    wanted = set(proposal_ids)
    await session.execute(
        delete(link).where(link.result_id == result.id, link.proposal_id.not_in(wanted))  # type: ignore[arg-type,attr-defined]
    )
    existing = set(await linked_proposal_ids(session, result_id=result.id))  # type: ignore[arg-type]
    session.add_all(
        models.ResultProposalLink(organization_id=result.organization_id, result_id=result.id, proposal_id=pk)  # type: ignore[arg-type]
        for pk in proposal_ids
        if pk not in existing
    )


def _follow_status(values: dict[str, Any], status: models.ResultStatus | None) -> None:
    # As Decidim's admin form: choosing a status with a progress sets the result's progress, unless given.
    if status is not None and status.progress is not None and "progress" not in values:
        values["progress"] = float(status.progress)


async def create_result(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    data: forms.ResultInput,
    now: datetime | None = None,
) -> Written:
    now = now or datetime.now(UTC)
    values = dict(data.values)
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        parent_id = values.get("parent_id")
        await lock_results(session, component_id=component_id, ids=[parent_id])
        status = await check_references(
            session, scope=scope, component=component, values=values, proposal_ids=data.proposal_ids
        )
        _follow_status(values, status)
        result = models.Result(
            organization_id=component.organization_id,
            component_id=component_id,
            created_at=now,
            updated_at=now,
            **values,
        )
        session.add(result)
        await session.flush()
        result.reference = reference(
            prefix=organization.reference_prefix,
            result_id=result.id,  # type: ignore[arg-type]
            created_at=now,
            time_zone=organization.time_zone,
        )
        await _move_children_count(session, parent_id, +1)
        initial = values | {"reference": result.reference}
        if data.proposal_ids:
            await _link_proposals(session, result=result, proposal_ids=data.proposal_ids)
            initial["proposal_ids"] = list(data.proposal_ids)
        record_version(
            session,
            organization_id=result.organization_id,
            item=(RESULT, result.id),  # type: ignore[arg-type]
            event="create",
            changes=changeset({}, initial),
            user_id=user.id,  # type: ignore[arg-type]
        )
        await log_action(
            session,
            scope,
            action="result.create",
            resource=(RESULT, result.id),  # type: ignore[arg-type]
            space=(component.space_kind, component.space_id),
            changes=changeset({}, initial),
        )
        await session.flush()
        await session.refresh(result)
    return Written(result, settings)


async def update_result(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    result_id: int,
    data: forms.ResultInput,
    now: datetime | None = None,
) -> Written:
    """Change what the client sent; attributes left out stay as they are."""
    now = now or datetime.now(UTC)
    values = dict(data.values)
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        current = await _parent_of(session, component_id=component_id, result_id=result_id)
        moving = "parent_id" in values and values["parent_id"] != current
        ids = [result_id, current, values.get("parent_id")] if moving else [result_id]
        result = await _locked_target(session, component_id=component_id, ids=ids, parent=current)
        status = await check_references(
            session,
            scope=scope,
            component=component,
            values=values,
            proposal_ids=data.proposal_ids,
            result_id=result_id,
        )
        check_merged_dates(result, values)
        _follow_status(values, status)
        before = {name: getattr(result, name) for name in values}
        changes = changeset(before, values)
        for name, value in values.items():
            setattr(result, name, value)
        if moving:
            await _move_children_count(session, values["parent_id"], +1)
            await _move_children_count(session, current, -1)
        if data.proposal_ids is not None:
            linked = await linked_proposal_ids(session, result_id=result_id)
            if linked != list(data.proposal_ids):
                await _link_proposals(session, result=result, proposal_ids=data.proposal_ids)
                changes["proposal_ids"] = [linked, list(data.proposal_ids)]
        if changes:
            result.updated_at = now
        record_version(
            session,
            organization_id=result.organization_id,
            item=(RESULT, result_id),
            event="update",
            changes=changes,
            user_id=user.id,  # type: ignore[arg-type]
        )
        if changes:
            await log_action(
                session,
                scope,
                action="result.update",
                resource=(RESULT, result_id),
                space=(component.space_kind, component.space_id),
                changes=changes,
            )
        await session.flush()
        await session.refresh(result)
    return Written(result, settings)


async def _locked_target(
    session: AsyncSession, *, component_id: int, ids: Sequence[int | None], parent: int | None
) -> models.Result:
    """The result (``ids[0]``), locked with the parents its write touches (all in id order), as read under
    the lock."""
    result_id = ids[0]
    assert result_id is not None  # noqa: S101 - the target comes first
    locked = await lock_results(session, component_id=component_id, ids=ids)
    if result_id not in locked:
        msg = "No such result in this component."
        raise NotFound(msg)
    result = locked[result_id]
    if result.parent_id != parent:
        # Moved by someone else between our first look and the lock: the counts we would move are wrong.
        msg = "Someone changed this at the same moment; reload and try again."
        raise Conflict(msg, reason="CONCURRENT_CHANGE")
    return result


async def _parent_of(session: AsyncSession, *, component_id: int, result_id: int) -> int | None:
    r = models.Result
    stmt = select(r.parent_id).where(r.id == result_id, r.component_id == component_id, r.deleted_at.is_(None))  # type: ignore[arg-type,call-overload,union-attr]
    row = (await session.execute(stmt)).first()
    return row[0] if row is not None else None


async def delete_result(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    result_id: int,
    now: datetime | None = None,
) -> Written:
    """Soft delete: the result and its whole subtree leave every read (Decidim's trash); nothing is lost."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user = await require_admin(session, scope)
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        parent_id = await _parent_of(session, component_id=component_id, result_id=result_id)
        ids = [result_id, parent_id]
        result = await _locked_target(session, component_id=component_id, ids=ids, parent=parent_id)
        r = models.Result
        tree = select(r.id).where(r.id == result_id).cte("subtree", recursive=True)  # type: ignore[arg-type,call-overload]
        child = aliased(r)
        tree = tree.union(select(child.id).where(child.parent_id == tree.c.id, child.deleted_at.is_(None)))  # type: ignore[arg-type,call-overload,union-attr]
        await session.execute(
            update(r).where(r.id.in_(select(tree.c.id)), r.deleted_at.is_(None)).values(deleted_at=now)  # type: ignore[union-attr]
        )
        await _move_children_count(session, parent_id, -1)
        record_version(
            session,
            organization_id=result.organization_id,
            item=(RESULT, result_id),
            event="delete",
            changes={"deleted_at": [None, now.isoformat()]},
            user_id=user.id,  # type: ignore[arg-type]
        )
        await log_action(
            session,
            scope,
            action="result.delete",
            resource=(RESULT, result_id),
            space=(component.space_kind, component.space_id),
            changes={"deleted_at": [None, now.isoformat()]},
        )
        await session.flush()
        await session.refresh(result)
    return Written(result, settings)


async def check_reachable(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, result_id: int
) -> None:
    """What ``result(id)`` checks before offering its actions: an administrator, a live result of the component.

    Who acts is checked first, so a participant learns nothing about which ids exist.
    """
    r = models.Result
    live = select(r.id).where(r.id == result_id, r.component_id == component_id, r.deleted_at.is_(None))  # type: ignore[arg-type,call-overload,union-attr]
    async with sessionmaker() as session:
        await require_admin(session, scope)
        if await session.scalar(live) is None:
            msg = "No such result in this component."
            raise NotFound(msg)
