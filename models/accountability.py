"""Accountability (the follow-up of decisions): statuses, results in a tree, their milestones and proposals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, created_at_field, fk, timestamp, translated


class ResultStatus(Tenanted, Timestamped, table=True):
    """A stage a result can be in ("En cours", "Réalisé"), with the progress it usually means."""

    __tablename__ = "accountability_statuses"
    __table_args__ = (
        UniqueConstraint("component_id", "key"),
        CheckConstraint("progress IS NULL OR (progress >= 0 AND progress <= 100)", name="progress_range"),
    )

    # The unique (component_id, key) index serves lookups by component.
    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    key: str = Field(max_length=64)
    name: Translations = translated()
    description: Translations = translated()
    progress: int | None = None
    position: int = 0


class Result(Tenanted, Timestamped, table=True):
    """A decision being carried out; results form a tree (a project and its actions).

    ``progress`` is the admin's figure; a result with children shows the weighted average of theirs
    instead, computed on read (see resolvers/accountability/progress.py) so it is never stale.
    ``children_count`` counts live children and is kept exact inside the writing transaction.
    ``deleted_at`` is the admin's soft delete: the result and its subtree leave every read.
    """

    __tablename__ = "accountability_results"
    __table_args__ = (
        Index("ix_accountability_results_component_parent", "component_id", "parent_id"),
        Index(
            "uq_accountability_results_component_external_id",
            "component_id",
            "external_id",
            unique=True,
            postgresql_where=text("external_id IS NOT NULL"),
        ),
        CheckConstraint("progress IS NULL OR (progress >= 0 AND progress <= 100)", name="progress_range"),
        CheckConstraint("weight >= 0", name="weight_not_negative"),
        CheckConstraint("start_date IS NULL OR end_date IS NULL OR start_date <= end_date", name="dates_in_order"),
        CheckConstraint("children_count >= 0", name="children_count_not_negative"),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    parent_id: int | None = fk("accountability_results.id", nullable=True, ondelete="CASCADE")
    title: Translations = translated()
    description: Translations = translated()
    start_date: date | None = None
    end_date: date | None = None
    progress: float | None = None
    status_id: int | None = fk("accountability_statuses.id", nullable=True, ondelete="SET NULL")
    weight: int = 1
    external_id: str | None = Field(default=None, max_length=255)
    reference: str | None = Field(default=None, max_length=255)
    category_id: int | None = fk("categories.id", nullable=True, ondelete="SET NULL")
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL")
    children_count: int = 0
    comments_count: int = 0
    deleted_at: datetime | None = timestamp()


class TimelineEntry(Tenanted, Timestamped, table=True):
    """A dated milestone of a result (Decidim's timeline entry, renamed milestone on develop)."""

    __tablename__ = "accountability_timeline_entries"
    __table_args__ = (Index("ix_accountability_timeline_entries_result_date", "result_id", "entry_date"),)

    result_id: int = fk("accountability_results.id", ondelete="CASCADE", index=False)
    entry_date: date
    title: Translations = translated()
    description: Translations = translated()


class ResultProposalLink(Tenanted, table=True):
    """A proposal a result carries out (Decidim's ``included_proposals`` resource link)."""

    __tablename__ = "accountability_result_proposals"
    __table_args__ = (UniqueConstraint("result_id", "proposal_id"),)

    result_id: int = fk("accountability_results.id", ondelete="CASCADE", index=False)
    proposal_id: int = fk("proposals.id", ondelete="CASCADE")
    created_at: datetime | None = created_at_field()
