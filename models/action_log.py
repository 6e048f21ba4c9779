"""The admin action log: who did what to which resource, in which space, with what changes.

Rows are written by ``resolvers.traceability.log.log_action`` inside the transaction of the write
they describe, so a rolled-back write leaves no trace and a committed one always has its entry.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Index
from sqlmodel import Field

from models.base import Tenanted, created_at_field, fk, json_field


class LogVisibility(StrEnum):
    ADMIN_ONLY = "admin-only"
    PUBLIC = "public"


class ActionLog(Tenanted, table=True):
    """One logged action. ``user_id`` survives as null when the account row is gone."""

    __tablename__ = "action_logs"
    __table_args__ = (
        # The list reads newest first per organization; the other indexes serve its filters.
        Index("ix_action_logs_organization_created", "organization_id", "created_at", "id"),
        Index("ix_action_logs_resource", "resource_kind", "resource_id"),
        Index("ix_action_logs_space", "space_kind", "space_id"),
        CheckConstraint("visibility IN ('admin-only', 'public')", name="known_visibility"),
    )

    user_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    action: str = Field(max_length=64)
    resource_kind: str = Field(max_length=32)
    resource_id: int = Field(sa_type=BigInteger)
    space_kind: str | None = Field(default=None, max_length=32)
    space_id: int | None = Field(default=None, sa_type=BigInteger)
    changes: dict[str, Any] = json_field()
    visibility: str = Field(default=LogVisibility.ADMIN_ONLY.value, max_length=16)
    created_at: datetime | None = created_at_field()
