"""The idea box: proposals, their co-authors, supports (votes), endorsements and edit history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, Numeric, UniqueConstraint, text
from sqlmodel import Field

from models.base import (
    Tenanted,
    Timestamped,
    Translations,
    created_at_field,
    fk,
    json_field,
    ref_id,
    timestamp,
    translated,
)


class Proposal(Tenanted, Timestamped, table=True):
    """A proposal of a proposals component. ``published_at`` is null while it is a draft.

    The counters are kept exact inside the writing transaction (see resolvers/proposals).
    ``hidden_at`` is set by moderation: a hidden proposal disappears from every public read.
    """

    __tablename__ = "proposals"
    __table_args__ = (
        Index("ix_proposals_component_published", "component_id", "published_at"),
        CheckConstraint("votes_count >= 0", name="votes_count_not_negative"),
        CheckConstraint("endorsements_count >= 0", name="endorsements_count_not_negative"),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
        # Imports name their rows so that importing the same file again changes nothing.
        UniqueConstraint("component_id", "external_id"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE")
    title: Translations = translated()
    body: Translations = translated()
    address: str | None = Field(default=None, max_length=1024)
    latitude: float | None = None
    longitude: float | None = None
    reference: str | None = Field(default=None, max_length=255)
    state: str | None = Field(default=None, max_length=64)  # evaluating | accepted | rejected | custom token
    state_published_at: datetime | None = timestamp()
    answer: Translations = translated()
    answered_at: datetime | None = timestamp()
    cost: float | None = Field(default=None, sa_type=Numeric(14, 2))
    cost_report: Translations = translated()
    execution_period: Translations = translated()
    published_at: datetime | None = timestamp()
    withdrawn_at: datetime | None = timestamp()
    official: bool = False
    category_id: int | None = fk("categories.id", nullable=True, ondelete="SET NULL")
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL")
    votes_count: int = 0
    endorsements_count: int = 0
    comments_count: int = 0
    coauthorships_count: int = 0
    hidden_at: datetime | None = timestamp()
    external_id: str | None = Field(default=None, max_length=255)


class ProposalCoauthorship(Tenanted, Timestamped, table=True):
    """An author of a proposal (the first one is the creator), optionally on behalf of a group."""

    __tablename__ = "proposal_coauthorships"
    __table_args__ = (UniqueConstraint("proposal_id", "author_id"),)

    proposal_id: int = fk("proposals.id", ondelete="CASCADE")
    author_id: int = fk("users.id", ondelete="CASCADE")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    position: int = 0


class ProposalVote(Tenanted, Timestamped, table=True):
    """A support. One per participant and proposal, enforced by the database."""

    __tablename__ = "proposal_votes"
    __table_args__ = (
        UniqueConstraint("proposal_id", "author_id"),
        Index("ix_proposal_votes_author_component", "author_id", "component_id"),
    )

    proposal_id: int = fk("proposals.id", ondelete="CASCADE")
    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    author_id: int = fk("users.id", ondelete="CASCADE", index=False)


class Endorsement(Tenanted, Timestamped, table=True):
    """An endorsement of any endorsable resource, by a participant, optionally as a group."""

    __tablename__ = "endorsements"
    __table_args__ = (
        Index(
            "uq_endorsements_resource_author_group",
            "resource_kind",
            "resource_id",
            "author_id",
            text("coalesce(user_group_id, 0)"),
            unique=True,
        ),
        Index("ix_endorsements_resource", "resource_kind", "resource_id"),
    )

    resource_kind: str = Field(max_length=32)
    resource_id: int = ref_id()
    author_id: int = fk("users.id", ondelete="CASCADE")
    user_group_id: int | None = fk("users.id", nullable=True, ondelete="CASCADE", index=False)


class Version(Tenanted, table=True):
    """One change of a traceable resource (create, update, withdraw, answer...), with its changeset."""

    __tablename__ = "versions"
    __table_args__ = (Index("ix_versions_item", "item_kind", "item_id", "id"),)

    item_kind: str = Field(max_length=32)
    item_id: int = ref_id()
    event: str = Field(max_length=32)
    changeset: dict[str, Any] = json_field()
    whodunnit_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL", index=False)
    created_at: datetime | None = created_at_field()
