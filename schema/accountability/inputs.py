"""Participa's result filter and sort, and the inputs of Decidim's accountability write API."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.scalars import JSON


@strawberry.input(description="Participa: which results to list (Decidim's API has no result filter).")
class ResultFilter:
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Children of this result.")
    top_level: bool | None = strawberry.field(
        default=None, description="true for results without a parent only, false for children only."
    )
    status_id: strawberry.ID | None = strawberry.field(default=None, description="In this status.")
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="In this category or one of its subcategories."
    )
    scope_id: strawberry.ID | None = strawberry.field(default=None, description="In this scope.")
    external_id: str | None = strawberry.field(default=None, description="With this id from another system.")


@strawberry.input(
    description='Participa: result order; each value is "ASC" or "DESC". Keys apply in this order: startDate, '
    "endDate, weight, then id (which always breaks ties, ascending unless given). Undated results sort as "
    "if dated last."
)
class ResultSort:
    start_date: str | None = None
    end_date: str | None = None
    weight: str | None = None
    id: str | None = None


@strawberry.input(
    description="A result's attributes. Translated ones take an object of texts by locale "
    '({"fr": "...", "en": "..."}) or a plain text in the request\'s locale. On update, attributes left out '
    "stay as they are; null clears an optional one."
)
class ResultAttributes:
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description="Required.")
    description: JSON | None = strawberry.field(default=strawberry.UNSET)
    start_date: date | None = strawberry.field(default=strawberry.UNSET)
    end_date: date | None = strawberry.field(default=strawberry.UNSET, description="On or after startDate.")
    progress: float | None = strawberry.field(
        default=strawberry.UNSET,
        description="0 to 100. Left out with a statusId whose status has a progress, the status's progress.",
    )
    status_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A status of the component."
    )
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A result of the component (not this one, nor one under it)."
    )
    external_id: str | None = strawberry.field(default=strawberry.UNSET, description="Unique in the component.")
    weight: int | None = strawberry.field(default=strawberry.UNSET, description="0 or more; 1 by default.")
    taxonomies: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Accepted for Decidim; Participa classifies with categoryId/scopeId."
    )
    proposal_ids: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Proposals of the same participatory space it carries out; on update, the whole new list.",
    )
    project_ids: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Accepted for Decidim; budgets are not available yet."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a category of the component's space."
    )
    scope_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a scope of the organization."
    )


@strawberry.input(description="A milestone's attributes. On update, attributes left out stay as they are.")
class MilestoneAttributes:
    entry_date: date | None = strawberry.field(default=strawberry.UNSET, description="Required.")
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description="Required.")
    description: JSON | None = strawberry.field(default=strawberry.UNSET)


@strawberry.input(description="A new result.")
class CreateResultInput:
    client_mutation_id: str | None = None
    attributes: ResultAttributes


@strawberry.input(description="Changes to a result.")
class UpdateResultInput:
    client_mutation_id: str | None = None
    attributes: ResultAttributes


@strawberry.input(description="Delete a result (soft: it and the results under it leave every list).")
class DeleteResultInput:
    client_mutation_id: str | None = None


@strawberry.input(description="A new milestone of the result.")
class CreateMilestoneInput:
    client_mutation_id: str | None = None
    attributes: MilestoneAttributes


@strawberry.input(description="Changes to one of the result's milestones.")
class UpdateMilestoneInput:
    client_mutation_id: str | None = None
    id: strawberry.ID
    attributes: MilestoneAttributes


@strawberry.input(description="Remove one of the result's milestones.")
class DeleteMilestoneInput:
    client_mutation_id: str | None = None
    id: strawberry.ID
