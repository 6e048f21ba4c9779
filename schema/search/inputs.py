"""The filter of ``search``."""

from __future__ import annotations

import strawberry


@strawberry.input(description="Narrow a search; every criterion given must hold.")
class SearchFilter:
    resource_types: list[str] | None = strawberry.field(
        default=None,
        description='Kinds of results, as Decidim class names ("Decidim::Proposals::Proposal", "Decidim::User"...) '
        "or Participa kinds (proposal, user...); all kinds when left out.",
    )
    space_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only what belongs to this participatory space (the space itself included)."
    )
    scope_id: strawberry.ID | None = strawberry.field(default=None, description="Only what has exactly this scope.")
    locale: str | None = strawberry.field(
        default=None,
        description="Only texts written in this locale (participants, who have no language, always qualify); "
        "all locales when left out, each result then showing its best-matching locale.",
    )
