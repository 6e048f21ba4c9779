"""Amendments: a participant's emendation (itself a resource, e.g. a proposal) of an amendable resource."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, fk


class Amendment(Tenanted, Timestamped, table=True):
    """Links an emendation to the resource it amends, as Decidim's ``decidim_amendments``.

    ``state`` is ``draft`` (only its amender sees it), ``evaluating``, ``accepted``, ``rejected``
    or ``withdrawn``. Both ends are ``(kind, id)`` pairs with kinds from ``ResourceKind``.
    """

    __tablename__ = "amendments"
    __table_args__ = (
        Index("ix_amendments_amendable", "amendable_kind", "amendable_id"),
        UniqueConstraint("emendation_kind", "emendation_id"),
    )

    amendable_kind: str = Field(max_length=32)
    amendable_id: int = Field(sa_type=BigInteger)
    emendation_kind: str = Field(max_length=32)
    emendation_id: int = Field(sa_type=BigInteger)
    amender_id: int = fk("users.id", ondelete="CASCADE")
    state: str = Field(default="draft", max_length=16)
