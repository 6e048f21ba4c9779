"""The full-text search index: one row per searchable resource and locale.

Rows are written by PostgreSQL triggers on the source tables (migration ``0008search``), inside the
transaction that changes the resource, so the index is never stale and deletions never linger.
The index holds text only: who may see a row is decided when searching, by ``resolvers.visibility``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Index, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlmodel import Field

from models.base import Tenanted

PARTICIPANT_LOCALE = ""
"""``locale`` of participants' rows: names are not written in a language (``simple`` configuration)."""


class SearchIndex(Tenanted, table=True):
    """Searchable text of a resource in one locale.

    ``document`` weighs the title (A) above the body (B); both are folded (lower case, no accents)
    before PostgreSQL parses them with the locale's configuration (french, english or simple).
    ``space_kind``/``space_id`` name the participatory space (null for participants).
    """

    __tablename__ = "search_index"
    __table_args__ = (
        # resource_id first: ids are global, so the triggers find a resource's rows by id alone.
        UniqueConstraint("resource_id", "resource_kind", "locale"),
        Index("ix_search_index_document", "document", postgresql_using="gin"),
    )

    resource_kind: str = Field(max_length=32)
    resource_id: int = Field(sa_type=BigInteger)
    locale: str = Field(default=PARTICIPANT_LOCALE, max_length=16)
    space_kind: str | None = Field(default=None, max_length=32)
    space_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    scope_id: int | None = Field(default=None, sa_type=BigInteger)
    title: str = Field(default="", sa_type=Text)
    body: str = Field(default="", sa_type=Text)
    document: Any = Field(sa_type=TSVECTOR, nullable=False)
