from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, json_field, ref_id, timestamp, translated


class Component(Tenanted, Timestamped, table=True):
    """A tab of a participatory space (proposals, meetings, ...), configured by its manifest.

    ``settings`` holds the global settings, ``default_step_settings`` the settings used when
    the space has no active step, and ``step_settings`` the per-step overrides keyed by step id.
    Each is validated against the manifest before it is written.
    """

    __tablename__ = "components"
    __table_args__ = (Index("ix_components_space", "space_kind", "space_id"),)

    space_kind: str = Field(max_length=32)
    space_id: int = ref_id()
    manifest_name: str = Field(max_length=64)
    name: Translations = translated()
    weight: int = 0
    published_at: datetime | None = timestamp()
    settings: dict[str, Any] = json_field()
    default_step_settings: dict[str, Any] = json_field()
    step_settings: dict[str, Any] = json_field()
