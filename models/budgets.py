"""Participatory budgets: budgets, their projects, and participants' votes (orders of projects)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, timestamp, translated


class Budget(Tenanted, Timestamped, table=True):
    """One budget of a budgets component (a component may split its money between several, e.g. by town)."""

    __tablename__ = "budgets"
    __table_args__ = (
        Index("ix_budgets_component_id_id", "component_id", "id"),
        CheckConstraint("total_budget >= 0", name="total_budget_not_negative"),
    )

    component_id: int = fk("components.id", ondelete="CASCADE", index=False)
    title: Translations = translated()
    description: Translations = translated()
    total_budget: int = Field(default=0, sa_type=BigInteger)
    weight: int = 0


class Project(Tenanted, Timestamped, table=True):
    """A project participants may put in their order. ``component_id`` repeats the budget's, so that
    visibility and the component's settings need no join. ``confirmed_orders_count`` counts the
    checked-out orders that hold it, kept exact in the checkout and cancel transactions."""

    __tablename__ = "budget_projects"
    __table_args__ = (
        Index("ix_budget_projects_budget_id_id", "budget_id", "id"),
        CheckConstraint("budget_amount >= 0", name="budget_amount_not_negative"),
        CheckConstraint("confirmed_orders_count >= 0", name="confirmed_orders_count_not_negative"),
        CheckConstraint("comments_count >= 0", name="comments_count_not_negative"),
    )

    budget_id: int = fk("budgets.id", ondelete="CASCADE", index=False)
    component_id: int = fk("components.id", ondelete="CASCADE")
    title: Translations = translated()
    description: Translations = translated()
    budget_amount: int = Field(default=0, sa_type=BigInteger)
    reference: str | None = Field(default=None, max_length=255)
    selected_at: datetime | None = timestamp()
    address: str | None = Field(default=None, max_length=1024)
    latitude: float | None = None
    longitude: float | None = None
    category_id: int | None = fk("categories.id", nullable=True, ondelete="SET NULL", index=False)
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL", index=False)
    confirmed_orders_count: int = 0
    comments_count: int = 0


class ProjectProposalLink(Tenanted, table=True):
    """A proposal a project comes from (Decidim's ``included_proposals`` link)."""

    __tablename__ = "budget_project_proposals"
    __table_args__ = (UniqueConstraint("project_id", "proposal_id"),)

    project_id: int = fk("budget_projects.id", ondelete="CASCADE", index=False)
    proposal_id: int = fk("proposals.id", ondelete="CASCADE")


class Order(Tenanted, Timestamped, table=True):
    """A participant's vote in one budget: the projects they chose, final once ``checked_out_at`` is set.

    One per participant and budget, enforced by the database.
    """

    __tablename__ = "budget_orders"
    __table_args__ = (UniqueConstraint("budget_id", "user_id"),)

    budget_id: int = fk("budgets.id", ondelete="CASCADE", index=False)
    user_id: int = fk("users.id", ondelete="CASCADE")
    checked_out_at: datetime | None = timestamp()


class LineItem(Tenanted, table=True):
    """One project in an order; a project appears at most once in an order."""

    __tablename__ = "budget_line_items"
    __table_args__ = (UniqueConstraint("order_id", "project_id"),)

    order_id: int = fk("budget_orders.id", ondelete="CASCADE", index=False)
    project_id: int = fk("budget_projects.id", ondelete="CASCADE")
