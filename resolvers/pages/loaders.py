"""Dataloaders of the pages domain: pages by id and keyset pages of pages (by id) per component."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select

import models
from resolvers import pagination
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.loading import make_loader, one_by_id
from resolvers.visibility import page_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

PageKey = tuple[int, pagination.PageRequest, int]
"""``(component id, page request, default page size)``."""

_INT64 = 2**63


def sort_keys() -> list[pagination.SortKey]:
    return [pagination.SortKey("id", models.Page.id, Direction.ASC)]  # type: ignore[arg-type]


def check_cursors(page: pagination.PageRequest) -> None:
    """Refuse cursors made for another list (or forged) before they reach SQL as mistyped values."""
    for argument, cursor in (("after", page.after), ("before", page.before)):
        if cursor is None:
            continue
        values = pagination.decode_cursor(cursor, arity=1, argument=argument)
        if type(values[0]) is not int or not -_INT64 <= values[0] < _INT64:
            msg = f"Invalid cursor in `{argument}`: use a cursor this list returned."
            raise BadUserInput(msg, fields={argument: "invalid cursor"})


def page_by_id(env: LoaderEnv) -> Loader:
    """Pages of visible components only."""
    return one_by_id(env, models.Page, visible=page_visible)


def page_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> pagination.Page`` of pages, oldest first; one statement per distinct page request."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, pagination.Page]:
        by_request: dict[tuple[pagination.PageRequest, int], list[int]] = defaultdict(list)
        for component_id, page, size in keys:
            by_request[(page, size)].append(component_id)
        found: dict[PageKey, pagination.Page] = {}
        for (page, size), component_ids in by_request.items():
            check_cursors(page)
            pages = await pagination.paginate_partitions(
                session,
                select(models.Page).where(page_visible(env.scope)),
                partition=models.Page.component_id,  # type: ignore[arg-type]
                partitions=component_ids,
                keys=sort_keys(),
                page=page,
                default_size=size,
            )
            found.update({(int(cid), page, size): result for cid, result in pages.items()})  # type: ignore[call-overload]
        return found

    return make_loader(env, fn, default=pagination.Page)


def page_counts(env: LoaderEnv) -> Loader:
    """``component id -> int`` (``totalCount``)."""
    p = models.Page

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, int]:
        stmt = (
            select(p.component_id, func.count())  # type: ignore[call-overload]
            .where(page_visible(env.scope), p.component_id.in_(keys))  # type: ignore[attr-defined]
            .group_by(p.component_id)
        )
        return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}

    return make_loader(env, fn, default=lambda: 0)
