"""Debates: open or dated discussions, started by the organization or by participants, closed with conclusions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, timestamp, translated


class Debate(Tenanted, Timestamped, table=True):
    """A debate of a debates component.

    ``start_time``/``end_time`` are both set (a dated debate) or both null (an open one).
    ``author_id`` is null for the organization's own (official) debates. ``closed_at`` is set when its
    author (or an admin) closes it with ``conclusions``. The counters are kept exact inside the
    writing transaction; ``hidden_at`` is set by moderation and hides it from every public read.
    """

    __tablename__ = "debates"
    __table_args__ = (
        Index("ix_debates_component_id_id", "component_id", "id"),
        CheckConstraint("(start_time IS NULL) = (end_time IS NULL)", name="dated_or_open"),
        CheckConstraint("end_time IS NULL OR end_time > start_time", name="ends_after_start"),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
        CheckConstraint("endorsements_count >= 0", name="endorsements_count_not_negative"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    description: Translations = translated()
    instructions: Translations = translated()
    information_updates: Translations = translated()
    conclusions: Translations = translated()
    start_time: datetime | None = timestamp()
    end_time: datetime | None = timestamp()
    reference: str | None = Field(default=None, max_length=255)
    author_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL", index=False)
    category_id: int | None = fk("categories.id", nullable=True, ondelete="SET NULL", index=False)
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL", index=False)
    closed_at: datetime | None = timestamp()
    comments_count: int = 0
    endorsements_count: int = 0
    hidden_at: datetime | None = timestamp()
