"""Relay connection vocabulary shared by every paginated list (``PageInfo``)."""

from __future__ import annotations

import strawberry

from resolvers.pagination import Page


@strawberry.type(description="Where a page sits in its list; cursors are opaque and stay valid as rows are added.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page) -> PageInfo:
        return cls(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )
