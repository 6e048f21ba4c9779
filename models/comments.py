"""Comments on any commentable, their up/down votes, and reports for moderation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, SmallInteger, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, ref_id, timestamp, translated


class Comment(Tenanted, Timestamped, table=True):
    """A comment; ``commentable`` is what it answers (a resource or another comment), ``root`` the resource.

    A deleted comment keeps its place in the thread (``deleted_at``); a hidden one (moderation,
    ``hidden_at``) disappears with its replies.
    """

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_root", "root_kind", "root_id", "id"),
        Index("ix_comments_commentable", "commentable_kind", "commentable_id", "id"),
        CheckConstraint("alignment IN (-1, 0, 1)", name="alignment_range"),
        CheckConstraint("up_votes_count >= 0 AND down_votes_count >= 0", name="votes_not_negative"),
    )

    commentable_kind: str = Field(max_length=32)
    commentable_id: int = ref_id()
    root_kind: str = Field(max_length=32)
    root_id: int = ref_id()
    parent_id: int | None = fk("comments.id", nullable=True, ondelete="CASCADE")
    depth: int = 0
    author_id: int = fk("users.id", ondelete="CASCADE")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL", index=False)
    body: Translations = translated()
    alignment: int = Field(default=0, sa_type=SmallInteger)
    up_votes_count: int = 0
    down_votes_count: int = 0
    replies_count: int = 0
    edited_at: datetime | None = timestamp()
    deleted_at: datetime | None = timestamp()
    hidden_at: datetime | None = timestamp()


class CommentVote(Tenanted, Timestamped, table=True):
    """An up (+1) or down (-1) vote on a comment; one per participant and comment."""

    __tablename__ = "comment_votes"
    __table_args__ = (
        UniqueConstraint("comment_id", "author_id"),
        CheckConstraint("weight IN (-1, 1)", name="weight_up_or_down"),
    )

    comment_id: int = fk("comments.id", ondelete="CASCADE", index=False)
    author_id: int = fk("users.id", ondelete="CASCADE")
    weight: int = Field(sa_type=SmallInteger)


class Report(Tenanted, Timestamped, table=True):
    """A participant's report of a resource or comment, for moderation after the fact."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("reportable_kind", "reportable_id", "user_id"),
        Index("ix_reports_reportable", "reportable_kind", "reportable_id"),
    )

    reportable_kind: str = Field(max_length=32)
    reportable_id: int = ref_id()
    user_id: int = fk("users.id", ondelete="CASCADE")
    reason: str = Field(max_length=32)  # spam | offensive | does_not_belong | other
    details: str | None = Field(default=None, max_length=4000)
