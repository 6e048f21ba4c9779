"""Daily metric figures, written by ``participa metrics compute`` (Decidim's ``decidim_metrics``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, created_at_field

ORGANIZATION_WIDE = ""
"""``space_kind`` of the rows that count the whole organization (their ``space_id`` is 0)."""


class MetricDay(Tenanted, table=True):
    """One metric on one day, for the whole organization or for one participatory space.

    ``cumulative`` is the total at the end of ``day`` (in the organization's time zone) of public
    content that still counts when the row is computed; ``quantity`` is what that day added.
    Recomputing a day replaces its rows (one unique key per name, space and day).
    """

    __tablename__ = "metrics"
    __table_args__ = (
        UniqueConstraint("organization_id", "name", "space_kind", "space_id", "day"),
        CheckConstraint("quantity >= 0 AND cumulative >= 0", name="figures_not_negative"),
    )

    name: str = Field(max_length=64)
    space_kind: str = Field(default=ORGANIZATION_WIDE, max_length=32)
    space_id: int = Field(default=0, sa_type=BigInteger)
    day: date
    quantity: int = 0
    cumulative: int = 0
    computed_at: datetime | None = created_at_field()
