"""Follows: a participant subscribes to a space or a resource (Decidim's ``Follow``)."""

from __future__ import annotations

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, fk, ref_id


class Follow(Tenanted, Timestamped, table=True):
    """``user`` follows the ``(followable_kind, followable_id)`` space or resource; at most once."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("user_id", "followable_kind", "followable_id"),
        Index("ix_follows_followable", "followable_kind", "followable_id"),
    )

    user_id: int = fk("users.id", ondelete="CASCADE", index=False)
    followable_kind: str = Field(max_length=32)
    followable_id: int = ref_id()
