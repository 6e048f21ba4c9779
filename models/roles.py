"""Per-space roles, as in Decidim: space admin, collaborator, moderator, evaluator."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, fk, ref_id


class SpaceRole(Tenanted, Timestamped, table=True):
    __tablename__ = "space_roles"
    __table_args__ = (
        UniqueConstraint("space_kind", "space_id", "user_id", "role"),
        Index("ix_space_roles_user", "user_id", "space_kind", "space_id"),
        CheckConstraint("role IN ('admin', 'collaborator', 'moderator', 'evaluator')", name="known_role"),
    )

    space_kind: str = Field(max_length=32)
    space_id: int = ref_id()
    user_id: int = fk("users.id", ondelete="CASCADE", index=False)
    role: str = Field(max_length=16)
