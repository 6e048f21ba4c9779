"""Participa: a survey's aggregated results. Counts only: no type here can name a respondent or their text."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import strawberry

from models.surveys import QuestionType
from schema.surveys.forms import AnswerOption, MatrixRow, Question

if TYPE_CHECKING:
    from collections.abc import Sequence

    from strawberry.types import Info

    import models
    from resolvers.surveys.results import Tally


@strawberry.type(description="Participa: how often one option was chosen.")
class AnswerOptionResults:
    answer_option: AnswerOption
    count: int = strawberry.field(description="Answers that chose it.")
    position_counts: list[int] | None = strawberry.field(
        description="Sorting questions: how many answers ranked it first, second... (index = position, from 0); "
        "null for other types."
    )


@strawberry.type(description="Participa: the choices made in one row of a matrix question.")
class MatrixRowResults:
    matrix_row: MatrixRow
    answers_count: int = strawberry.field(description="Answers with at least one choice in this row.")
    options: list[AnswerOptionResults]


@strawberry.type(description="Participa: the aggregated answers to one question (text answers are only counted).")
class QuestionResults:
    question: Question
    answers_count: int = strawberry.field(description="Participants who answered it.")
    options: list[AnswerOptionResults] = strawberry.field(
        description="Per option, over all rows for a matrix question; empty for text questions."
    )
    matrix_rows: list[MatrixRowResults] = strawberry.field(description="Per row of a matrix question; empty otherwise.")


@strawberry.type(description="Participa: a survey's aggregated results.")
class SurveyResults:
    submissions_count: int = strawberry.field(description="How many participants (and anonymous sessions) answered.")
    questions: list[QuestionResults] = strawberry.field(description="Every question, headings excluded, in order.")


def _option(
    tally: Tally, question: models.Question, option: models.AnswerOption, *, row: int | None, size: int
) -> AnswerOptionResults:
    qid, oid = question.id, option.id
    if row is None and question.question_type in (QuestionType.MATRIX_SINGLE, QuestionType.MATRIX_MULTIPLE):
        count = sum(n for (q, _, o), n in tally.choices.items() if q == qid and o == oid)
    else:
        count = tally.choices.get((qid, row, oid), 0)  # type: ignore[arg-type]
    positions = None
    if question.question_type == QuestionType.SORTING:
        positions = [tally.positions.get((qid, oid, p), 0) for p in range(size)]  # type: ignore[arg-type]
    return AnswerOptionResults(answer_option=AnswerOption.from_model(option), count=count, position_counts=positions)


def _question(
    tally: Tally, question: models.Question, options: Sequence[models.AnswerOption], rows: Sequence[models.MatrixRow]
) -> QuestionResults:
    size = len(options)
    return QuestionResults(
        question=Question.from_model(question),
        answers_count=tally.answers.get(question.id, 0),  # type: ignore[arg-type]
        options=[_option(tally, question, o, row=None, size=size) for o in options],
        matrix_rows=[
            MatrixRowResults(
                matrix_row=MatrixRow.from_model(r),
                answers_count=tally.rows_answered.get((question.id, r.id), 0),  # type: ignore[arg-type]
                options=[_option(tally, question, o, row=r.id, size=size) for o in options],
            )
            for r in rows
        ],
    )


async def load_results(info: Info, questionnaire_id: int) -> SurveyResults:
    """Counts, questions, options and rows: one statement each per level, shared with the questionnaire's fields."""
    loaders = info.context.loaders
    tally, questions = await asyncio.gather(
        loaders.results_by_questionnaire.load(questionnaire_id),
        loaders.questions_by_questionnaire.load(questionnaire_id),
    )
    answerable = [q for q in questions if q.question_type != QuestionType.TITLE_AND_DESCRIPTION]
    ids = [q.id for q in answerable]
    options, rows = await asyncio.gather(
        loaders.answer_options_by_question.load_many(ids), loaders.matrix_rows_by_question.load_many(ids)
    )
    return SurveyResults(
        submissions_count=tally.submissions,
        questions=[_question(tally, q, o, r) for q, o, r in zip(answerable, options, rows, strict=True)],
    )
