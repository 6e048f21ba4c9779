"""Budgets: ``Budget`` and ``Project`` as Decidim's (``total_budget`` and ``budget_amount`` keep Decidim's
snake_case names), plus Participa's votes and the viewer's own order."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.budgets import policies
from resolvers.comments.policies import resource_flags
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.common.resources import Coordinates
from schema.common.types import Category, Scope
from schema.interfaces import (
    AttachableInterface,
    CommentableInterface,
    FollowableInterface,
    LocalizableInterface,
    Node,
    ReferableInterface,
    TimestampsInterface,
    TraceableInterface,
)
from schema.proposals.types import Proposal
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models
    from resolvers.budgets.queries import OrderView
    from resolvers.components.settings import EffectiveSettings

BUDGET = ResourceKind.BUDGET.value
PROJECT = ResourceKind.PROJECT.value


@strawberry.type(description="A project of a budget, which participants may choose in their vote.")
class Project(
    CommentableInterface,
    AttachableInterface,
    LocalizableInterface,
    TraceableInterface,
    TimestampsInterface,
    ReferableInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = PROJECT
    title: TranslatedField | None
    description: TranslatedField | None
    budget_amount: int | None = strawberry.field(name="budget_amount", description="What the project costs.")
    selected: bool | None = strawberry.field(description="Chosen for funding once the vote is over.")
    selected_at: datetime | None = strawberry.field(description="Participa: when it was chosen for funding.")
    confirmed_votes: int | None = strawberry.field(
        description="Participa: final votes that include it; null unless the current step shows votes."
    )
    budget_id: strawberry.Private[int]
    component_id: strawberry.Private[int]
    category_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Project, settings: EffectiveSettings | None) -> Project:
        """``settings`` are the component's, in force now: they decide the comment flags and the votes shown."""
        flags = resource_flags(settings)
        pk: int = row.id  # type: ignore[assignment]
        show_votes = settings is not None and policies.votes_visible(settings)
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[PROJECT],
            commentable_kind=PROJECT,
            attachable_kind=PROJECT,
            traceable_kind=PROJECT,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            created_at=row.created_at,
            updated_at=row.updated_at,
            reference=row.reference,
            address=row.address,
            coordinates=Coordinates.maybe(row.latitude, row.longitude),
            title=translated(row.title),
            description=translated(row.description),
            budget_amount=row.budget_amount,
            selected=row.selected_at is not None,
            selected_at=row.selected_at,
            confirmed_votes=row.confirmed_orders_count if show_votes else None,
            budget_id=row.budget_id,
            component_id=row.component_id,
            category_id=row.category_id,
            scope_id=row.scope_id,
        )

    @strawberry.field(description="Participa: the budget it belongs to.")
    async def budget(self, info: Info) -> Budget | None:
        row = await info.context.loaders.budget_by_id.load(self.budget_id)
        return Budget.from_model(row) if row is not None else None

    @strawberry.field(description="Participa: the category (Decidim 0.27's CategorizableInterface).")
    async def category(self, info: Info) -> Category | None:
        if self.category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(row) if row else None

    @strawberry.field(description="Participa: the territory concerned (Decidim 0.27's ScopableInterface).")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="Participa: the proposals it comes from (only those the viewer may see).")
    async def linked_proposals(self, info: Info) -> list[Proposal]:
        loaders = info.context.loaders
        rows = await loaders.proposals_by_project.load(self.pk)
        settings: list[EffectiveSettings] = await loaders.settings_by_component.load_many(
            [r.component_id for r in rows]
        )
        return [Proposal.from_model(r, s) for r, s in zip(rows, settings, strict=True)]


@strawberry.type(description="Participa: the viewer's vote in one budget: the projects chosen, final once checked out.")
class BudgetOrder:
    checked_out: bool = strawberry.field(description="The vote is final (it counts in the projects' votes).")
    checked_out_at: datetime | None
    total: int = strawberry.field(description="What the chosen projects cost together.")
    project_ids: strawberry.Private[list[int]]
    component_id: strawberry.Private[int]

    @classmethod
    def from_view(cls, view: OrderView, *, component_id: int) -> BudgetOrder:
        return cls(
            checked_out=view.order.checked_out_at is not None,
            checked_out_at=view.order.checked_out_at,
            total=view.total,
            project_ids=view.project_ids,
            component_id=component_id,
        )

    @strawberry.field(description="The projects chosen, in the order they were chosen.")
    async def projects(self, info: Info) -> list[Project]:
        loaders = info.context.loaders
        rows = await loaders.project_by_id.load_many(self.project_ids)
        settings = await loaders.settings_by_component.load(self.component_id)
        return [Project.from_model(r, settings) for r in rows if r is not None]


@strawberry.type(description="A budget: an amount of money participants share out between projects by voting.")
class Budget(TraceableInterface, TimestampsInterface, Node):
    title: TranslatedField
    description: TranslatedField
    total_budget: int = strawberry.field(name="total_budget", description="The money to share out.")
    weight: int = strawberry.field(description="Participa: position among the component's budgets.")
    component_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Budget) -> Budget:
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            traceable_kind=BUDGET,
            created_at=row.created_at,
            updated_at=row.updated_at,
            title=translated(row.title),
            description=translated(row.description),
            total_budget=row.total_budget,
            weight=row.weight,
            component_id=row.component_id,
        )

    @strawberry.field(description="The budget's projects, oldest first.")
    async def projects(self, info: Info) -> list[Project | None]:
        loaders = info.context.loaders
        rows = await loaders.projects_by_budget.load(self.pk)
        settings = await loaders.settings_by_component.load(self.component_id)
        return [Project.from_model(r, settings) for r in rows]

    @strawberry.field(description="Participa: the viewer's vote in this budget; null when they have none.")
    async def viewer_order(self, info: Info) -> BudgetOrder | None:
        if info.context.viewer.user_id is None:
            return None
        view = await info.context.loaders.viewer_order_by_budget.load(self.pk)
        return BudgetOrder.from_view(view, component_id=self.component_id) if view is not None else None


async def project_node(row: models.Project, info: Info) -> Project:
    """A visible project row as its GraphQL type (``node(id:)``, ``commentable``)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Project.from_model(row, settings)


def budget_node(row: models.Budget, _info: Any) -> Budget:
    return Budget.from_model(row)


# `commentable(type: "Decidim::Budgets::Project", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[PROJECT] = project_node
