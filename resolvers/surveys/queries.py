"""Reading surveys: keyset pages and counts per component, the viewer's own submissions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

import models
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import Page, PageRequest, SortKey, decode_cursor, paginate_partitions
from resolvers.visibility import survey_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

_INT64 = 2**63

SORT_KEYS = [SortKey("id", models.Survey.id, Direction.ASC)]  # type: ignore[arg-type]
"""Surveys come in creation order; the id is unique, so it alone makes a keyset."""


def check_cursors(page: PageRequest) -> None:
    """Refuse forged cursors before they reach SQL as mistyped values."""
    for argument, cursor in (("after", page.after), ("before", page.before)):
        if cursor is None:
            continue
        (value,) = decode_cursor(cursor, arity=len(SORT_KEYS), argument=argument)
        if type(value) is not int or not -_INT64 <= value < _INT64:
            msg = f"Invalid cursor in `{argument}`: use a cursor this list returned."
            raise BadUserInput(msg, fields={argument: "invalid cursor"})


async def survey_pages(
    session: AsyncSession, *, scope: Scope, component_ids: Sequence[int], page: PageRequest, default_size: int
) -> dict[int, Page]:
    """One page of visible surveys for each component, all from one statement."""
    check_cursors(page)
    pages = await paginate_partitions(
        session,
        select(models.Survey).where(survey_visible(scope)),
        partition=models.Survey.component_id,  # type: ignore[arg-type]
        partitions=list(component_ids),
        keys=SORT_KEYS,
        page=page,
        default_size=default_size,
    )
    return {int(k): v for k, v in pages.items()}  # type: ignore[call-overload]


async def survey_counts(session: AsyncSession, *, scope: Scope, component_ids: Sequence[int]) -> dict[int, int]:
    s = models.Survey
    stmt = (
        select(s.component_id, func.count())  # type: ignore[call-overload]
        .where(survey_visible(scope), s.component_id.in_(component_ids))  # type: ignore[attr-defined]
        .group_by(s.component_id)
    )
    return {int(cid): int(n) for cid, n in (await session.execute(stmt)).all()}


async def answered_by(session: AsyncSession, *, user_id: int, questionnaire_ids: Sequence[int]) -> set[int]:
    """Which of these questionnaires the participant has submitted (never what they answered)."""
    s = models.QuestionnaireSubmission
    stmt = select(s.questionnaire_id).where(s.user_id == user_id, s.questionnaire_id.in_(questionnaire_ids))  # type: ignore[call-overload,attr-defined]
    return {int(q) for q in (await session.scalars(stmt)).all()}
