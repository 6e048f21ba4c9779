"""Hiding and unhiding a reportable resource, inside the caller's transaction.

Visibility already leaves out every row with ``hidden_at`` set; what this module adds is keeping the
counters that lists show exact: a hidden comment takes its live replies out of its resource's
``comments_count`` and out of its parent's ``replies_count``, and unhiding puts back exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import aliased
from sqlmodel import col

import models
from models.kinds import ResourceKind
from resolvers.comments.commentables import COMMENTABLES
from resolvers.errors import BadUserInput, NotFound

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, slots=True)
class Target:
    """A reportable row, locked, with the space whose moderators answer for it."""

    kind: str
    row: Any
    space_kind: str
    space_id: int


def _model(kind: str) -> Any:
    if kind == ResourceKind.COMMENT:
        return models.Comment
    spec = COMMENTABLES.get(kind)
    if spec is None:
        msg = f"{kind} cannot be moderated."
        raise BadUserInput(msg, fields={"reportableType": "not moderatable"})
    return spec.model


def hideable(kind: str) -> bool:
    """Reports on every reportable are counted; only resources with a ``hidden_at`` can be hidden."""
    return hasattr(_model(kind), "hidden_at")


async def load_target(session: AsyncSession, *, organization_id: int, kind: str, pk: int) -> Target:
    """The resource (hidden or not) row-locked, and its space; NOT_FOUND outside the organization."""
    model = _model(kind)
    row = (
        await session.scalars(
            select(model)
            .where(model.id == pk, model.organization_id == organization_id)
            .with_for_update(key_share=True)
        )
    ).first()
    if row is None:
        msg = f"Nothing to moderate has id {pk}."
        raise NotFound(msg)
    owner = row
    if kind == ResourceKind.COMMENT:
        spec = COMMENTABLES.get(row.root_kind)
        owner = await session.get(spec.model, row.root_id) if spec is not None else None
    component = await session.get(models.Component, owner.component_id) if owner is not None else None
    if component is None:
        msg = f"Nothing to moderate has id {pk}."
        raise NotFound(msg)
    return Target(kind=kind, row=row, space_kind=component.space_kind, space_id=component.space_id)


async def moderation_row(session: AsyncSession, target: Target, *, reports: int = 0) -> models.Moderation:
    """The resource's moderation, created on first need; ``reports`` moves its count in the same statement."""
    m = models.Moderation
    stmt = (
        insert(m)
        .values(
            organization_id=target.row.organization_id,
            reportable_kind=target.kind,
            reportable_id=target.row.id,
            space_kind=target.space_kind,
            space_id=target.space_id,
            report_count=max(reports, 0),
        )
        .on_conflict_do_update(
            index_elements=["reportable_kind", "reportable_id"],
            set_={"report_count": m.report_count + reports, "updated_at": func.now()},
        )
        .returning(m.id)  # type: ignore[call-overload]
    )
    pk = await session.scalar(stmt)
    row = await session.get(m, pk, populate_existing=True)
    assert row is not None  # noqa: S101 - upserted just above
    return row


async def _under_hidden_comment(session: AsyncSession, comment: models.Comment) -> bool:
    if comment.parent_id is None:
        return False
    c = models.Comment
    chain = (
        select(col(c.id), col(c.parent_id), col(c.hidden_at))
        .where(col(c.id) == comment.parent_id)
        .cte("chain", recursive=True)
    )
    up = aliased(c)
    chain = chain.union_all(
        select(col(up.id), col(up.parent_id), col(up.hidden_at)).where(col(up.id) == chain.c.parent_id)
    )
    return bool(await session.scalar(select(exists().where(chain.c.hidden_at.is_not(None)))))


async def _live_in_subtree(session: AsyncSession, comment_id: int) -> int:
    """Live comments the public sees from this comment down (itself included); hidden branches already left."""
    c = models.Comment
    tree = select(col(c.id), col(c.deleted_at)).where(col(c.id) == comment_id).cte("tree", recursive=True)
    down = aliased(c)
    tree = tree.union_all(
        select(col(down.id), col(down.deleted_at)).where(
            col(down.parent_id) == tree.c.id, col(down.hidden_at).is_(None)
        )
    )
    return int(await session.scalar(select(func.count()).select_from(tree).where(tree.c.deleted_at.is_(None))) or 0)


async def _move_comment_counters(session: AsyncSession, comment: models.Comment, sign: int) -> None:
    if await _under_hidden_comment(session, comment):
        return  # an ancestor's hiding already took this branch out of the counts
    live = await _live_in_subtree(session, comment.id)  # type: ignore[arg-type]
    c = models.Comment
    if comment.parent_id is not None and comment.deleted_at is None:
        await session.execute(
            update(c)
            .where(c.id == comment.parent_id)  # type: ignore[arg-type]
            .values(replies_count=c.replies_count + sign, updated_at=c.updated_at)
        )
    spec = COMMENTABLES.get(comment.root_kind)
    if spec is not None and live:
        model = spec.model
        counter = getattr(model, spec.counter)
        await session.execute(
            update(model)
            .where(model.id == comment.root_id)
            .values({spec.counter: counter + sign * live, "updated_at": model.updated_at})
        )


async def set_hidden(session: AsyncSession, target: Target, *, hidden: bool, now: datetime) -> bool:
    """Hide or unhide; False when it already was. Counters move in this transaction."""
    if not hideable(target.kind):
        msg = f"{target.kind} cannot be hidden."
        raise BadUserInput(msg, fields={"reportableType": "cannot be hidden"})
    row = target.row
    if (row.hidden_at is not None) == hidden:
        return False
    if target.kind == ResourceKind.COMMENT and not hidden:
        row.hidden_at = None
        await session.flush()
        await _move_comment_counters(session, row, +1)
    elif target.kind == ResourceKind.COMMENT:
        # Count before hiding: the comment itself is among the live ones leaving.
        await _move_comment_counters(session, row, -1)
        row.hidden_at = now
    else:
        row.hidden_at = now if hidden else None
    await session.flush()
    moderation = await moderation_row(session, target)
    moderation.hidden_at = now if hidden else None
    await session.flush()
    return True
