"""Moderation after the fact (one row per reported or hidden resource) and participants' notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, created_at_field, fk, json_field, ref_id, timestamp


class Moderation(Tenanted, Timestamped, table=True):
    """A reportable resource's moderation: its report count, kept in step with ``reports``, and whether it is hidden.

    The space is stored so moderators list their space's moderations without walking every resource kind.
    """

    __tablename__ = "moderations"
    __table_args__ = (
        UniqueConstraint("reportable_kind", "reportable_id"),
        Index("ix_moderations_space", "space_kind", "space_id"),
        CheckConstraint("report_count >= 0", name="report_count_not_negative"),
    )

    reportable_kind: str = Field(max_length=32)
    reportable_id: int = ref_id()
    space_kind: str = Field(max_length=32)
    space_id: int = ref_id()
    report_count: int = 0
    hidden_at: datetime | None = timestamp()


class ModerationSetting(Tenanted, Timestamped, table=True):
    """Per-organization moderation settings; without a row the defaults apply (hide at 3 reports)."""

    __tablename__ = "moderation_settings"
    __table_args__ = (UniqueConstraint("organization_id"),)

    hide_threshold: int = Field(default=3, ge=1)


class Notification(Tenanted, table=True):
    """Something that happened to a participant's resource or a resource they follow, to be read by them."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user", "user_id", "id"),)

    user_id: int = fk("users.id", ondelete="CASCADE", index=False)
    event: str = Field(max_length=64)
    resource_kind: str = Field(max_length=32)
    resource_id: int = ref_id()
    payload: dict[str, Any] = json_field()
    created_at: datetime | None = created_at_field()
    read_at: datetime | None = timestamp()
