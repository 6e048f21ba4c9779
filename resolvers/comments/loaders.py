"""Comment loaders: a resource's whole thread in one statement, the viewer's votes and reports in another.

A thread is small enough to load whole (Decidim does not paginate comments either), and loading it
whole makes every level of replies free: one statement per batch of resources, whatever the depth.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal, select, tuple_, union_all

import models
from models.kinds import ResourceKind
from resolvers.comments.commentables import COMMENTABLES, root_visible
from resolvers.comments.threads import (
    AUTHOR_COLUMNS,
    COMMENT_COLUMNS,
    AuthorRow,
    CommentRow,
    RootKey,
    Thread,
    build_thread,
    split_row,
)
from resolvers.loading import make_loader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv


def comment_thread_by_root(env: LoaderEnv) -> Loader:
    """``(resource kind, id) -> Thread`` (empty when the resource has no visible comments or is not visible)."""
    c = models.Comment
    u = models.User

    async def fn(session: AsyncSession, keys: Sequence[RootKey]) -> dict[RootKey, Thread]:
        wanted = [k for k in keys if k[0] in COMMENTABLES]
        grouped: dict[RootKey, list[tuple[CommentRow, AuthorRow]]] = defaultdict(list)
        if wanted:
            stmt = (
                select(*COMMENT_COLUMNS, *AUTHOR_COLUMNS)
                .join(u, u.id == func.coalesce(c.user_group_id, c.author_id))  # type: ignore[arg-type]
                .where(
                    tuple_(c.root_kind, c.root_id).in_(wanted),
                    c.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
                    c.hidden_at.is_(None),  # type: ignore[union-attr]
                    root_visible(c.root_kind, c.root_id, env.scope),
                )
                .order_by(c.created_at, c.id)  # type: ignore[arg-type]
            )
            for values in (await session.execute(stmt)).all():
                comment, author = split_row(values)
                grouped[(comment.root_kind, comment.root_id)].append((comment, author))
        return {k: build_thread(k, grouped.get(k, [])) for k in keys}

    return make_loader(env, fn)


@dataclass(frozen=True, slots=True)
class ViewerMarks:
    """What the viewer did in one thread: their vote weight per comment and the comments they reported."""

    votes: dict[int, int] = field(default_factory=dict)
    reported: frozenset[int] = frozenset()


NO_MARKS = ViewerMarks()


def viewer_comment_marks_by_root(env: LoaderEnv) -> Loader:
    """``(resource kind, id) -> ViewerMarks``; no statement at all for anonymous viewers."""
    c = models.Comment
    v = models.CommentVote
    r = models.Report
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[RootKey]) -> dict[RootKey, ViewerMarks]:
        if user_id is None:
            return {}
        in_roots = tuple_(c.root_kind, c.root_id).in_(list(keys))
        votes = (
            select(c.root_kind, c.root_id, v.comment_id.label("comment_id"), v.weight.label("weight"))  # type: ignore[attr-defined, call-overload]
            .join(c, c.id == v.comment_id)
            .where(v.author_id == user_id, in_roots, c.organization_id == env.scope.organization_id)
        )
        reports = (
            select(c.root_kind, c.root_id, c.id.label("comment_id"), literal(0).label("weight"))  # type: ignore[call-overload, union-attr]
            .join(r, (r.reportable_kind == ResourceKind.COMMENT) & (r.reportable_id == c.id))
            .where(r.user_id == user_id, in_roots, c.organization_id == env.scope.organization_id)
        )
        found: dict[RootKey, tuple[dict[int, int], set[int]]] = defaultdict(lambda: ({}, set()))
        for kind, root_id, comment_id, weight in (await session.execute(union_all(votes, reports))).all():
            marks = found[(kind, root_id)]
            if weight:
                marks[0][comment_id] = weight
            else:  # reports carry weight 0, which no vote has (check constraint)
                marks[1].add(comment_id)
        return {k: ViewerMarks(votes=vs, reported=frozenset(rs)) for k, (vs, rs) in found.items()}

    return make_loader(env, fn, default=lambda: NO_MARKS)


@dataclass(frozen=True, slots=True)
class CommentRef:
    """Where a comment lives: its thread's key."""

    id: int
    root: RootKey


def comment_by_id(env: LoaderEnv) -> Loader:
    """``id -> CommentRef`` (not hidden, same organization); whether it is reachable is its thread's say."""
    c = models.Comment

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, CommentRef]:
        stmt = select(c.id, c.root_kind, c.root_id).where(  # type: ignore[call-overload]
            c.id.in_(keys),  # type: ignore[union-attr]
            c.organization_id == env.scope.organization_id,
            c.hidden_at.is_(None),  # type: ignore[union-attr]
        )
        return {
            pk: CommentRef(id=pk, root=(kind, root_id)) for pk, kind, root_id in (await session.execute(stmt)).all()
        }

    return make_loader(env, fn)


def commentable_by_key(env: LoaderEnv) -> Loader:
    """``(resource kind, id) -> row`` for commentable resources the viewer may see; one statement per kind."""

    async def fn(session: AsyncSession, keys: Sequence[RootKey]) -> dict[RootKey, Any]:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for kind, pk in keys:
            if kind in COMMENTABLES:
                by_kind[kind].append(pk)
        found: dict[RootKey, Any] = {}
        for kind, pks in by_kind.items():
            spec = COMMENTABLES[kind]
            rows = await session.scalars(select(spec.model).where(spec.model.id.in_(pks), spec.visible(env.scope)))
            found.update({(kind, row.id): row for row in rows.all()})
        return found

    return make_loader(env, fn)
