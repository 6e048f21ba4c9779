from __future__ import annotations

import strawberry


@strawberry.input(description="Which processes to list. Dates are YYYY-MM-DD.")
class ParticipatoryProcessFilter:
    published_before: str | None = strawberry.field(default=None, description="Published strictly before this date.")
    published_since: str | None = strawberry.field(default=None, description="Published on or after this date.")
    hashtag: str | None = strawberry.field(default=None, description="Hashtag, with or without the leading #.")


@strawberry.input(description='Process order; each value is "ASC" or "DESC". Ties are broken by id.')
class ParticipatoryProcessSort:
    id: str | None = None
    start_date: str | None = None
    published_at: str | None = None
