"""Participatory processes, their steps, groups and types."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, timestamp, translated


class ParticipatoryProcessType(Tenanted, Timestamped, table=True):
    __tablename__ = "participatory_process_types"

    title: Translations = translated()


class ParticipatoryProcessGroup(Tenanted, Timestamped, table=True):
    __tablename__ = "participatory_process_groups"

    title: Translations = translated()
    description: Translations = translated()
    hero_image: str | None = Field(default=None, max_length=1024)
    developer_group: Translations = translated()
    promoted: bool = False


class ParticipatoryProcess(Tenanted, Timestamped, table=True):
    __tablename__ = "participatory_processes"
    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    slug: str = Field(max_length=255)
    title: Translations = translated()
    subtitle: Translations = translated()
    short_description: Translations = translated()
    description: Translations = translated()
    announcement: Translations = translated()
    developer_group: Translations = translated()
    meta_scope: Translations = translated()
    local_area: Translations = translated()
    target: Translations = translated()
    participatory_scope: Translations = translated()
    participatory_structure: Translations = translated()
    hashtag: str | None = Field(default=None, max_length=255)
    reference: str | None = Field(default=None, max_length=255)
    start_date: date | None = None
    end_date: date | None = None
    hero_image: str | None = Field(default=None, max_length=1024)
    banner_image: str | None = Field(default=None, max_length=1024)
    promoted: bool = False
    private_space: bool = False
    published_at: datetime | None = timestamp()
    scopes_enabled: bool = True
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL")
    area_id: int | None = fk("areas.id", nullable=True, ondelete="SET NULL")
    process_group_id: int | None = fk("participatory_process_groups.id", nullable=True, ondelete="SET NULL")
    process_type_id: int | None = fk("participatory_process_types.id", nullable=True, ondelete="SET NULL")
    show_statistics: bool = True
    show_metrics: bool = True
    weight: int = 0


class ParticipatoryProcessStep(Tenanted, Timestamped, table=True):
    """A step of a process's calendar; at most one is active."""

    __tablename__ = "participatory_process_steps"
    __table_args__ = (
        Index(
            "uq_participatory_process_steps_one_active",
            "process_id",
            unique=True,
            postgresql_where=text("active"),
        ),
    )

    process_id: int = fk("participatory_processes.id", ondelete="CASCADE")
    title: Translations = translated()
    description: Translations = translated()
    start_date: datetime | None = timestamp()
    end_date: datetime | None = timestamp()
    cta_path: str | None = Field(default=None, max_length=255)
    cta_text: Translations = translated()
    active: bool = False
    position: int = 0
