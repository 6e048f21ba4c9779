"""Reading debates: keyset pages and counts per component, and what a write may target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

import models
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, decode_cursor, paginate_partitions
from resolvers.visibility import debate_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

_INT64 = 2**63

SORT_KEYS = [SortKey("id", models.Debate.id, Direction.ASC)]  # type: ignore[arg-type]
"""Debates come in creation order; the id is unique, so it alone makes a keyset."""


def check_cursors(page: PageRequest) -> None:
    """Refuse forged cursors before they reach SQL as mistyped values."""
    for argument, cursor in (("after", page.after), ("before", page.before)):
        if cursor is None:
            continue
        (value,) = decode_cursor(cursor, arity=len(SORT_KEYS), argument=argument)
        if type(value) is not int or not -_INT64 <= value < _INT64:
            msg = f"Invalid cursor in `{argument}`: use a cursor this list returned."
            raise BadUserInput(msg, fields={argument: "invalid cursor"})


async def debate_pages(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], page: PageRequest, default_size: int
) -> dict[int, Page]:
    """One page of visible debates for each component, all from one statement."""
    check_cursors(page)
    pages = await paginate_partitions(
        session,
        select(models.Debate).where(debate_visible(scope)),
        partition=models.Debate.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=SORT_KEYS,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def debate_counts(session: AsyncSession, *, scope: Scope, component_ids: Sequence[int]) -> dict[int, int]:
    d = models.Debate
    stmt = (
        select(d.component_id, func.count())  # type: ignore[call-overload]
        .where(debate_visible(scope), d.component_id.in_(component_ids))  # type: ignore[attr-defined]
        .group_by(d.component_id)
    )
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}


async def reachable(session: AsyncSession, *, scope: Scope, component_id: int, debate_id: int) -> bool:
    """The debate is one the viewer may see, in this component (what ``debate(id)`` may target)."""
    d = models.Debate
    stmt = select(d.id).where(d.id == debate_id, d.component_id == component_id, debate_visible(scope))  # type: ignore[call-overload]
    return await session.scalar(stmt) is not None
