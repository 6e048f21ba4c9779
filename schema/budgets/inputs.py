"""The inputs of Decidim's budgets write API (admins), with Participa's additions."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

_TRANSLATED = 'An object of texts by locale ({"fr": "...", "en": "..."}) or a plain text in the input\'s `locale`.'


@strawberry.input(description="A budget's attributes. On update, attributes left out stay as they are.")
class BudgetAttributes:
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description=f"Required. {_TRANSLATED}")
    description: JSON | None = strawberry.field(default=strawberry.UNSET, description=_TRANSLATED)
    weight: int | None = strawberry.field(default=strawberry.UNSET, description="Position among the budgets.")
    total_budget: int | None = strawberry.field(
        default=strawberry.UNSET, description="Required; the money to share out, greater than 0."
    )


@strawberry.input(description="A project's attributes. On update, attributes left out stay as they are.")
class ProjectAttributes:
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description=f"Required. {_TRANSLATED}")
    description: JSON | None = strawberry.field(default=strawberry.UNSET, description=_TRANSLATED)
    budget_amount: int | None = strawberry.field(
        default=strawberry.UNSET, description="Required; what the project costs, greater than 0."
    )
    taxonomies: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Accepted for Decidim; Participa classifies with categoryId/scopeId."
    )
    proposal_ids: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="The proposals it comes from (visible ones of the same space); replaces the list when given.",
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a category of the component's space."
    )
    scope_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a scope of the organization."
    )
    address: str | None = strawberry.field(default=strawberry.UNSET, description="Participa.")
    latitude: float | None = strawberry.field(default=strawberry.UNSET, description="Participa; with longitude.")
    longitude: float | None = strawberry.field(default=strawberry.UNSET, description="Participa; with latitude.")
    selected: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: chosen for funding (true) or not (false)."
    )


@strawberry.input(description="A new budget.")
class CreateBudgetInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="Participa: the language of plain texts.")
    attributes: BudgetAttributes


@strawberry.input(description="New values for some of a budget's attributes.")
class UpdateBudgetInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="Participa: the language of plain texts.")
    attributes: BudgetAttributes


@strawberry.input
class DeleteBudgetInput:
    client_mutation_id: str | None = None


@strawberry.input(description="A new project.")
class CreateProjectInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="Participa: the language of plain texts.")
    attributes: ProjectAttributes


@strawberry.input(description="New values for some of a project's attributes.")
class UpdateProjectInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="Participa: the language of plain texts.")
    attributes: ProjectAttributes


@strawberry.input
class DeleteProjectInput:
    client_mutation_id: str | None = None
