"""Writing comments, votes and reports: validate, then authorize and write in one transaction.

Counters move in the writing transaction with ``SET x = x + n``, so concurrent writers never lose an
update. Rows are locked child first, then parent comment, then resource, in every mutation, so two
writers never wait on each other in a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, select, update
from sqlalchemy.dialects.postgresql import insert

import models
from models.kinds import ResourceKind
from models.users import UserKind
from resolvers.actors import require_participant
from resolvers.comments.commentables import COMMENTABLES, CommentableSpec, find_comment, find_resource, kind_of
from resolvers.comments.policies import (
    check_alignment,
    check_author,
    check_body_length,
    check_body_present,
    check_comments_open,
    check_not_deleted,
    check_reply_alignment,
    check_resource_open,
    clean_details,
    max_length,
    parse_reason,
    reply_depth,
    vote_deltas,
)
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.errors import BadUserInput, Conflict, Forbidden
from resolvers.follows.writing import add_follow
from resolvers.moderation.reports import record_report
from resolvers.users.loaders import ACTIVE_ROLES

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

    Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True, slots=True)
class NewComment:
    """A comment to write on ``target`` (a resource, or a comment for a reply)."""

    target_id: int
    target_kind: str | None  # None: found from the (global) id
    body: str
    locale: str
    alignment: int | None = 0
    user_group_id: int | None = None
    in_reply_to_id: int | None = None


async def _settings(session: AsyncSession, spec: CommentableSpec, root: Any) -> EffectiveSettings:
    component = await session.get(models.Component, spec.component_id(root))
    if component is None:  # the visibility clause already required a visible component
        msg = f"component of {spec.kind} {root.id} vanished"
        raise LookupError(msg)
    return await settings_for(session, component)


async def _bump_root(session: AsyncSession, spec: CommentableSpec, pk: int, delta: int) -> None:
    model = spec.model
    # Counters are not edits: keep updated_at as it is.
    values = {spec.counter: getattr(model, spec.counter) + delta, "updated_at": model.updated_at}
    await session.execute(update(model).where(model.id == pk).values(values))


async def _bump_replies(session: AsyncSession, pk: int, delta: int) -> None:
    c = models.Comment
    await session.execute(
        update(c).where(c.id == pk).values(replies_count=c.replies_count + delta, updated_at=c.updated_at)  # type: ignore[arg-type]
    )


async def _check_group(session: AsyncSession, scope: Scope, *, user_id: int, group_id: int) -> None:
    m = models.UserGroupMembership
    g = models.User
    member = await session.scalar(
        select(
            exists().where(  # type: ignore[arg-type]
                m.user_id == user_id,  # type: ignore[arg-type]
                m.user_group_id == group_id,  # type: ignore[arg-type]
                m.role.in_(ACTIVE_ROLES),  # type: ignore[attr-defined]
                g.id == m.user_group_id,  # type: ignore[arg-type]
                g.kind == UserKind.GROUP,  # type: ignore[arg-type]
                g.organization_id == scope.organization_id,  # type: ignore[arg-type]
                g.blocked.is_(False),  # type: ignore[attr-defined]
                g.deleted_at.is_(None),  # type: ignore[union-attr]
            )
        )
    )
    if not member:
        msg = "You may only comment on behalf of a group you belong to."
        raise Forbidden(msg, reason="NOT_GROUP_MEMBER")


async def _target(
    session: AsyncSession, scope: Scope, new: NewComment
) -> tuple[models.Comment | None, CommentableSpec, Any]:
    """The parent comment (None for a first-level comment), the resource's spec and row."""
    if new.target_kind is None:
        new = replace(new, target_kind=await kind_of(session, scope, new.target_id))
    reply_to = new.in_reply_to_id
    if new.target_kind == ResourceKind.COMMENT:
        reply_to = reply_to or new.target_id
        parent, spec, root = await find_comment(session, scope, reply_to, lock=True)
        if reply_to != new.target_id:
            anchor, _, _ = await find_comment(session, scope, new.target_id)
            if (anchor.root_kind, anchor.root_id) != (parent.root_kind, parent.root_id):
                msg = "inReplyToId must be a comment of the same thread."
                raise BadUserInput(msg, fields={"inReplyToId": "not in this thread"})
        return parent, spec, root
    if new.target_kind not in COMMENTABLES:
        msg = f"{new.target_kind} cannot be commented on."
        raise BadUserInput(msg, fields={"commentableType": "not commentable"})
    if reply_to is None:
        return None, COMMENTABLES[new.target_kind], await find_resource(session, scope, new.target_kind, new.target_id)
    parent, spec, root = await find_comment(session, scope, reply_to, lock=True)
    if (spec.kind, root.id) != (new.target_kind, new.target_id):
        msg = "inReplyToId must be a comment on this commentable."
        raise BadUserInput(msg, fields={"inReplyToId": "not a comment on this commentable"})
    return parent, spec, root


async def add_comment(sessions: Sessions, scope: Scope, new: NewComment) -> models.Comment:
    alignment = check_alignment(new.alignment)
    text = check_body_present(new.body)
    async with sessions() as session, session.begin():
        author = await require_participant(session, scope)
        parent, spec, root = await _target(session, scope, new)
        settings = await _settings(session, spec, root)
        check_comments_open(settings)
        check_resource_open(spec.closed(root))
        check_body_length(text, limit=max_length(settings))
        depth = reply_depth(parent) if parent is not None else 0
        check_reply_alignment(alignment, have_alignment=spec.have_alignment and parent is None)
        if new.user_group_id is not None:
            await _check_group(session, scope, user_id=author.id, group_id=new.user_group_id)  # type: ignore[arg-type]
        comment = models.Comment(
            organization_id=scope.organization_id,
            commentable_kind=ResourceKind.COMMENT if parent is not None else spec.kind,
            commentable_id=parent.id if parent is not None else root.id,  # type: ignore[arg-type]
            root_kind=spec.kind,
            root_id=root.id,
            parent_id=parent.id if parent is not None else None,
            depth=depth,
            author_id=author.id,  # type: ignore[arg-type]
            user_group_id=new.user_group_id,
            body={new.locale: text},
            alignment=alignment,
        )
        session.add(comment)
        await session.flush()
        # The commenter follows the thread's resource, to hear of the answers. Before the counters: their
        # updates lock the rows every commenter of the thread waits on, and should hold them briefly.
        await add_follow(
            session,
            organization_id=scope.organization_id,
            user_id=author.id,  # type: ignore[arg-type]
            kind=spec.kind,
            pk=root.id,
        )
        if parent is not None:
            await _bump_replies(session, parent.id, 1)  # type: ignore[arg-type]
        await _bump_root(session, spec, root.id, 1)
    return comment


async def update_comment(sessions: Sessions, scope: Scope, *, comment_id: int, body: str, locale: str) -> int:
    text = check_body_present(body)
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        comment, spec, root = await find_comment(session, scope, comment_id, lock=True)
        check_author(comment, user.id)  # type: ignore[arg-type]
        check_not_deleted(comment)
        settings = await _settings(session, spec, root)
        check_comments_open(settings)
        check_body_length(text, limit=max_length(settings))
        # Other locales were translations of the old text: they go with it.
        comment.body = {locale: text}
        comment.edited_at = datetime.now(UTC)
    return comment_id


async def delete_comment(sessions: Sessions, scope: Scope, *, comment_id: int) -> int:
    """Soft delete by the author; the comment keeps its place in the thread. Deleting twice is a no-op."""
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        comment, spec, root = await find_comment(session, scope, comment_id, lock=True)
        check_author(comment, user.id)  # type: ignore[arg-type]
        if comment.deleted_at is not None:
            return comment_id
        comment.deleted_at = datetime.now(UTC)
        await session.flush()
        if comment.parent_id is not None:
            await _bump_replies(session, comment.parent_id, -1)
        await _bump_root(session, spec, root.id, -1)
    return comment_id


async def vote_comment(sessions: Sessions, scope: Scope, *, comment_id: int, decide: Callable[[int], int]) -> int:
    """Set the viewer's vote to ``decide(current weight)`` (-1, 0 or 1) and move the counters by the difference."""
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        # The row lock serialises every vote on this comment, so the read below cannot go stale.
        comment, spec, root = await find_comment(session, scope, comment_id, lock=True)
        check_not_deleted(comment)
        if not spec.have_votes:
            msg = "Comments here take no votes."
            raise Forbidden(msg, reason="VOTES_DISABLED")
        check_comments_open(await _settings(session, spec, root))
        v = models.CommentVote
        existing = (await session.scalars(select(v).where(v.comment_id == comment_id, v.author_id == user.id))).first()  # type: ignore[arg-type]
        old = existing.weight if existing is not None else 0
        new = decide(old)
        if new == old:
            return comment_id
        if existing is None:
            session.add(
                v(organization_id=scope.organization_id, comment_id=comment_id, author_id=user.id, weight=new)  # type: ignore[arg-type]
            )
        elif new == 0:
            await session.delete(existing)
        else:
            existing.weight = new
        await session.flush()
        up, down = vote_deltas(old, new)
        c = models.Comment
        await session.execute(
            update(c)
            .where(c.id == comment_id)  # type: ignore[arg-type]
            .values(
                up_votes_count=c.up_votes_count + up,
                down_votes_count=c.down_votes_count + down,
                updated_at=c.updated_at,
            )
        )
    return comment_id


async def report_resource(
    sessions: Sessions, scope: Scope, *, kind: str, pk: int, reason: str, details: str | None
) -> models.Report:
    """One report per participant and resource (the unique constraint decides races): CONFLICT on a second."""
    parsed = parse_reason(reason)
    text = clean_details(details)
    async with sessions() as session, session.begin():
        user = await require_participant(session, scope)
        if kind == ResourceKind.COMMENT:
            comment, _, _ = await find_comment(session, scope, pk)
            check_not_deleted(comment)
            owners = {comment.author_id}
        elif kind in COMMENTABLES:
            spec = COMMENTABLES[kind]
            owners = await spec.author_ids(session, await find_resource(session, scope, kind, pk))
        else:
            msg = f"{kind} cannot be reported."
            raise BadUserInput(msg, fields={"reportableType": "not reportable"})
        if user.id in owners:
            msg = "You cannot report your own contribution."
            raise Forbidden(msg, reason="OWN_RESOURCE")
        r = models.Report
        report_id = await session.scalar(
            insert(r)
            .values(
                organization_id=scope.organization_id,
                reportable_kind=kind,
                reportable_id=pk,
                user_id=user.id,
                reason=parsed.value,
                details=text,
            )
            .on_conflict_do_nothing(index_elements=["reportable_kind", "reportable_id", "user_id"])
            .returning(r.id)  # type: ignore[call-overload]
        )
        if report_id is None:
            msg = "You have already reported this."
            raise Conflict(msg, reason="ALREADY_REPORTED")
        await record_report(session, organization_id=scope.organization_id, kind=kind, pk=pk)
        report = await session.get(r, report_id)
    assert report is not None  # noqa: S101 - inserted in this very transaction
    return report
