from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

from models.base import Translations, created_at_field, id_field, translated, updated_at_field


class Organization(SQLModel, table=True):
    """A tenant: one participation platform, found by the request's host."""

    __tablename__ = "organizations"

    id: int | None = id_field()
    host: str = Field(unique=True, max_length=255)
    secondary_hosts: list[str] = Field(
        default_factory=list, sa_type=ARRAY(String), sa_column_kwargs={"server_default": "{}"}
    )
    name: Translations = translated()
    description: Translations = translated()
    available_locales: list[str] = Field(default_factory=lambda: ["fr", "en"], sa_type=ARRAY(String))
    default_locale: str = Field(default="fr", max_length=10)
    time_zone: str = Field(default="Europe/Paris", max_length=64)
    reference_prefix: str = Field(default="LA", max_length=32)
    user_groups_enabled: bool = True
    badges_enabled: bool = False
    created_at: datetime | None = created_at_field()
    updated_at: datetime | None = updated_at_field()
