from __future__ import annotations

import strawberry


@strawberry.input(description="Which posts to list. Decidim's fields, then Participa's; days are YYYY-MM-DD (UTC).")
class PostFilter:
    created_before: str | None = strawberry.field(default=None, description="Created strictly before this day.")
    created_since: str | None = strawberry.field(default=None, description="Created on or after this day.")
    updated_before: str | None = strawberry.field(default=None, description="Updated strictly before this day.")
    updated_since: str | None = strawberry.field(default=None, description="Updated on or after this day.")
    published_before: str | None = strawberry.field(
        default=None, description="Participa: published strictly before this day."
    )
    published_since: str | None = strawberry.field(
        default=None, description="Participa: published on or after this day."
    )


@strawberry.input(
    description='Post order; each value is "ASC" or "DESC". Keys apply in this order: publishedAt, createdAt, '
    "updatedAt, endorsementCount, then id (which always breaks ties, ascending unless given)."
)
class PostSort:
    created_at: str | None = None
    updated_at: str | None = None
    endorsement_count: str | None = strawberry.field(
        default=None, description="By endorsements (likeCount on later Decidim)."
    )
    id: str | None = None
    published_at: str | None = strawberry.field(default=None, description="Participa: by publication time.")
