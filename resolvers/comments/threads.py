"""A resource's comment thread in memory: light rows, the reply tree, the authors shown.

Threads are read as plain column rows rather than ORM objects: building an ORM instance costs about
50 µs against 2 µs for a slotted dataclass, and a popular proposal has hundreds of comments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

import models
from resolvers.comments.policies import CommentOrder

RootKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class CommentRow:
    """The columns of a comment a thread shows."""

    id: int
    root_kind: str
    root_id: int
    parent_id: int | None
    depth: int
    author_id: int
    user_group_id: int | None
    body: dict[str, Any]
    alignment: int
    up_votes_count: int
    down_votes_count: int
    replies_count: int
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuthorRow:
    """The columns of a participant or group that the ``Author`` conversion reads (duck-typed as a User)."""

    id: int
    kind: str
    name: str
    nickname: str
    avatar_url: str | None
    verified_at: datetime | None
    confirmed_at: datetime | None
    blocked: bool
    deleted_at: datetime | None
    direct_messages_enabled: bool


COMMENT_COLUMNS = tuple(getattr(models.Comment, f.name) for f in fields(CommentRow))
AUTHOR_COLUMNS = tuple(getattr(models.User, f.name).label(f"author_{f.name}") for f in fields(AuthorRow))


def split_row(values: Sequence[Any]) -> tuple[CommentRow, AuthorRow]:
    """One result row of ``select(*COMMENT_COLUMNS, *AUTHOR_COLUMNS)``."""
    n = len(COMMENT_COLUMNS)
    return CommentRow(*values[:n]), AuthorRow(*values[n:])


@dataclass(frozen=True, slots=True)
class Thread:
    """The visible comments of one resource. Hidden comments, and everything under them, are left out."""

    root: RootKey
    by_id: dict[int, CommentRow] = field(default_factory=dict)
    # parent comment id (None for the first level) -> comments, oldest first
    children: dict[int | None, list[CommentRow]] = field(default_factory=dict)
    # the author shown for each comment: its user group when posted as one, else its writer
    authors: dict[int, AuthorRow] = field(default_factory=dict)

    def in_subtree(self, comment_id: int, ancestor_id: int | None) -> bool:
        """Whether ``comment_id`` is in this thread, under ``ancestor_id`` (None: anywhere)."""
        row = self.by_id.get(comment_id)
        if row is None:
            return False
        if ancestor_id is None:
            return True
        while row.parent_id is not None:
            if row.parent_id == ancestor_id:
                return True
            row = self.by_id[row.parent_id]  # every reachable comment's parent is reachable
        return False


def build_thread(root: RootKey, rows: Sequence[tuple[CommentRow, AuthorRow]]) -> Thread:
    """Rows come oldest first and include no hidden comment; their replies are dropped here."""
    by_parent: dict[int | None, list[CommentRow]] = defaultdict(list)
    authors: dict[int, AuthorRow] = {}
    for comment, author in rows:
        by_parent[comment.parent_id].append(comment)
        authors[author.id] = author
    # Walk down from the first level: a reply whose parent is hidden is never reached.
    by_id: dict[int, CommentRow] = {}
    children: dict[int | None, list[CommentRow]] = {}
    level: list[int | None] = [None]
    while level:
        following: list[int | None] = []
        for parent_id in level:
            kids = by_parent.get(parent_id)
            if kids:
                children[parent_id] = kids
                for kid in kids:
                    by_id[kid.id] = kid
                    following.append(kid.id)
        level = following
    return Thread(root=root, by_id=by_id, children=children, authors=authors)


def sort_comments(rows: Sequence[CommentRow], order: CommentOrder) -> list[CommentRow]:
    """Decidim's orders, applied to one level of a loaded thread (rows come oldest first)."""
    if order is CommentOrder.RECENT:
        return sorted(rows, key=lambda r: (r.created_at, r.id), reverse=True)
    if order is CommentOrder.BEST_RATED:
        return sorted(rows, key=lambda r: r.down_votes_count - r.up_votes_count)  # stable: ties stay oldest first
    if order is CommentOrder.MOST_DISCUSSED:
        return sorted(rows, key=lambda r: -r.replies_count)
    return list(rows)
