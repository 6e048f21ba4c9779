"""Aggregated results of questionnaires: counts only, never who answered what.

Three statements per batch of questionnaires, whatever their number: submissions, answers per
question (and per matrix row), and choices per option (and per row, per sorting position).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select, tuple_

import models

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(slots=True)
class Tally:
    """The counts of one questionnaire. Missing keys mean zero."""

    submissions: int = 0
    answers: dict[int, int] = field(default_factory=dict)
    """question id -> answers given (blank optional answers are not stored, so not counted)"""
    rows_answered: dict[tuple[int, int], int] = field(default_factory=dict)
    """(question id, matrix row id) -> answers with at least one choice in that row"""
    choices: dict[tuple[int, int | None, int], int] = field(default_factory=dict)
    """(question id, matrix row id or None, option id) -> times chosen"""
    positions: dict[tuple[int, int, int], int] = field(default_factory=dict)
    """(question id, option id, position) -> times ranked there (sorting questions)"""


async def tallies(session: AsyncSession, questionnaire_ids: Sequence[int]) -> dict[int, Tally]:
    found: dict[int, Tally] = defaultdict(Tally)
    s = models.QuestionnaireSubmission
    a = models.QuestionnaireAnswer
    c = models.AnswerChoice

    submitted = (
        select(s.questionnaire_id, func.count())  # type: ignore[call-overload]
        .where(s.questionnaire_id.in_(questionnaire_ids))  # type: ignore[attr-defined]
        .group_by(s.questionnaire_id)
    )
    for questionnaire_id, n in (await session.execute(submitted)).all():
        found[questionnaire_id].submissions = int(n)

    # GROUPING SETS: per question and per (question, row) in one pass; grouping() tells the two apart.
    row = c.matrix_row_id
    answered = (
        select(a.questionnaire_id, a.question_id, row, func.grouping(row), func.count(a.id.distinct()))  # type: ignore[union-attr,call-overload]
        .outerjoin(c, c.answer_id == a.id)  # type: ignore[arg-type]
        .where(a.questionnaire_id.in_(questionnaire_ids))  # type: ignore[attr-defined]
        .group_by(
            func.grouping_sets(
                tuple_(a.questionnaire_id, a.question_id), tuple_(a.questionnaire_id, a.question_id, row)
            )
        )
    )
    for questionnaire_id, question_id, row_id, per_question, n in (await session.execute(answered)).all():
        tally = found[questionnaire_id]
        if per_question:
            tally.answers[question_id] = int(n)
        elif row_id is not None:
            tally.rows_answered[(question_id, row_id)] = int(n)

    chosen = (
        select(a.questionnaire_id, a.question_id, c.matrix_row_id, c.answer_option_id, c.position, func.count())  # type: ignore[call-overload]
        .join(a, a.id == c.answer_id)  # type: ignore[arg-type]
        .where(a.questionnaire_id.in_(questionnaire_ids))  # type: ignore[attr-defined]
        .group_by(a.questionnaire_id, a.question_id, c.matrix_row_id, c.answer_option_id, c.position)
    )
    for questionnaire_id, question_id, row_id, option_id, position, n in (await session.execute(chosen)).all():
        tally = found[questionnaire_id]
        key = (question_id, row_id, option_id)
        tally.choices[key] = tally.choices.get(key, 0) + int(n)
        if position is not None:
            tally.positions[(question_id, option_id, position)] = int(n)
    return dict(found)
