from __future__ import annotations

import strawberry


@strawberry.input(description="Which categories to list.")
class CategoryFilter:
    parent_id: list[strawberry.ID | None] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Subcategories of these parents; null (or [null]) lists only top-level categories.",
    )
