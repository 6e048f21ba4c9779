"""Shared table machinery: naming convention, the global id sequence, common columns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, MetaData, Sequence, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata: MetaData = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION

# One sequence feeds the primary key of every table, so an integer id names exactly one
# object in the whole database (Decidim-style ids that are also global node ids).
GLOBAL_ID_SEQ = Sequence("global_id_seq", metadata=metadata, start=1000)

Translations = dict[str, Any]
"""A translated value: ``{"fr": "...", "en": "...", "machine_translations": {"de": "..."}}``."""


def id_field() -> Any:
    return Field(
        default=None,
        primary_key=True,
        sa_type=BigInteger,
        sa_column_kwargs={"server_default": GLOBAL_ID_SEQ.next_value()},
    )


def fk(target: str, *, nullable: bool = False, index: bool = True, ondelete: str | None = None) -> Any:
    return Field(  # type: ignore[call-overload]
        default=None if nullable else ...,
        foreign_key=target,
        sa_type=BigInteger,
        nullable=nullable,
        index=index,
        ondelete=ondelete,
    )


def ref_id(*, index: bool = False) -> Any:
    """The id half of a polymorphic ``(kind, id)`` reference: as wide as the primary keys it names."""
    return Field(sa_type=BigInteger, index=index)


def translated(*, nullable: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_type=JSONB, nullable=True)
    return Field(default_factory=dict, sa_type=JSONB, nullable=False, sa_column_kwargs={"server_default": "{}"})


def json_field() -> Any:
    return Field(default_factory=dict, sa_type=JSONB, nullable=False, sa_column_kwargs={"server_default": "{}"})


def created_at_field() -> Any:
    return Field(
        default=None,
        sa_type=DateTime(timezone=True),
        nullable=False,
        sa_column_kwargs={"server_default": func.now()},
    )


def updated_at_field() -> Any:
    return Field(
        default=None,
        sa_type=DateTime(timezone=True),
        nullable=False,
        sa_column_kwargs={"server_default": func.now(), "onupdate": func.now()},
    )


def timestamp(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=nullable)


class Tenanted(SQLModel):
    """Columns every tenant-owned table carries: the global id and the organization key."""

    id: int | None = id_field()
    organization_id: int = fk("organizations.id", ondelete="CASCADE")


class Timestamped(SQLModel):
    created_at: datetime | None = created_at_field()
    updated_at: datetime | None = updated_at_field()
