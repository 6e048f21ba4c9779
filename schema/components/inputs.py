from __future__ import annotations

import strawberry


@strawberry.input(description="Which components to list.")
class ComponentFilter:
    published_before: str | None = strawberry.field(default=None, description="Published strictly before, YYYY-MM-DD.")
    published_since: str | None = strawberry.field(default=None, description="Published on or after, YYYY-MM-DD.")
    locale: str | None = strawberry.field(default=None, description="Locale used by the name filter.")
    type: str | None = strawberry.field(default=None, description='Manifest name, e.g. "Proposals".')
    name: str | None = strawberry.field(default=None, description="Part of the name, in `locale`.")
    with_geolocation_enabled: bool | None = None
    with_comments_enabled: bool | None = None


@strawberry.input(description='Component order; each value is "ASC" or "DESC".')
class ComponentSort:
    locale: str | None = strawberry.field(default=None, description="Locale used to sort by name.")
    id: str | None = None
    weight: str | None = None
    type: str | None = None
    name: str | None = None
