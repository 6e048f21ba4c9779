"""Blogs (news): posts of a blog component."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, created_at_field, fk, timestamp, translated


class Post(Tenanted, Timestamped, table=True):
    """A news post. ``published_at`` in the future schedules it: nobody but admins sees it until then.

    The author is a participant (``author_id``), optionally writing for a group (``user_group_id``), or
    the organization itself (``official``, no participant). Counters are kept exact by the writes that
    move them; ``hidden_at`` is set by moderation.
    """

    __tablename__ = "blog_posts"
    __table_args__ = (
        Index("ix_blog_posts_component_published", "component_id", "published_at"),
        CheckConstraint("NOT official OR (author_id IS NULL AND user_group_id IS NULL)", name="official_has_no_author"),
        CheckConstraint("endorsements_count >= 0", name="endorsements_count_not_negative"),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    body: Translations = translated()
    # Never null (Decidim's publishedAt is DateTime!): a post is published now unless scheduled.
    published_at: datetime | None = created_at_field()
    author_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL", index=False)
    official: bool = Field(default=False)
    endorsements_count: int = 0
    comments_count: int = 0
    hidden_at: datetime | None = timestamp()
