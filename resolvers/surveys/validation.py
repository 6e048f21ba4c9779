"""Each answer against its question's type and rules. Pure: table-tested without a database.

Every problem is reported at once in ``extensions.fields``, keyed by the input path the client sent
(``answers.2.choices``) and naming the question, so a form can mark each faulty question.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from models.surveys import QuestionType
from resolvers.errors import BadUserInput
from resolvers.surveys.forms import MAX_BODY, ValidAnswer, ValidChoice

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resolvers.surveys.forms import AnswerInput, QuestionForm, SubmissionInput

TEXT = frozenset({QuestionType.SHORT_ANSWER, QuestionType.LONG_ANSWER})
OPTIONS = frozenset({QuestionType.SINGLE_OPTION, QuestionType.MULTIPLE_OPTION})
MATRIX = frozenset({QuestionType.MATRIX_SINGLE, QuestionType.MATRIX_MULTIPLE})


class Problem(Exception):
    """One answer's problem: the input field it concerns (relative to the answer) and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _clean(text: str | None) -> str | None:
    stripped = text.strip() if text is not None else ""
    return stripped or None


def _check_length(text: str, question: QuestionForm, *, field: str) -> None:
    limit = question.max_characters or MAX_BODY
    if len(text) > limit:
        raise Problem(field, f"at most {limit} characters")


def _only(answer: AnswerInput, *, body: bool = False, choices: bool = False, matrix: bool = False) -> None:
    """Refuse the parts of an answer that its question type does not take."""
    if not body and _clean(answer.body) is not None:
        raise Problem("body", "this question takes no text answer")
    if not choices and answer.choices:
        raise Problem("choices", "this question takes no choices")
    if not matrix and answer.matrix_choices:
        raise Problem("matrixChoices", "this question takes no matrix choices")


def _text(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    _only(answer, body=True)
    body = _clean(answer.body)
    if body is None:
        return None
    _check_length(body, question, field="body")
    return ValidAnswer(question_id=question.id, body=body)


def _options(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    _only(answer, choices=True)
    if not answer.choices:
        return None
    chosen: list[ValidChoice] = []
    for choice in answer.choices:
        if choice.option_id not in question.options:
            raise Problem("choices", f"option {choice.option_id} is not an option of this question")
        if choice.position is not None:
            raise Problem("choices", "positions apply to sorting questions only")
        custom = _clean(choice.body)
        if custom is not None:
            if not question.options[choice.option_id]:
                raise Problem("choices", f"option {choice.option_id} takes no free text")
            _check_length(custom, question, field="choices")
        chosen.append(ValidChoice(option_id=choice.option_id, custom_body=custom))
    if len({c.option_id for c in chosen}) != len(chosen):
        raise Problem("choices", "an option is chosen twice")
    if question.question_type == QuestionType.SINGLE_OPTION and len(chosen) > 1:
        raise Problem("choices", "choose one option")
    if question.max_choices is not None and len(chosen) > question.max_choices:
        raise Problem("choices", f"at most {question.max_choices} choices")
    return ValidAnswer(question_id=question.id, choices=tuple(chosen))


def _sorting(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    _only(answer, choices=True)
    if not answer.choices:
        return None
    ids = [c.option_id for c in answer.choices]
    if sorted(ids) != sorted(question.options) or len(set(ids)) != len(ids):
        raise Problem("choices", "rank every option of this question exactly once")
    if any(_clean(c.body) is not None for c in answer.choices):
        raise Problem("choices", "a sorting question takes no free text")
    positions = [c.position for c in answer.choices]
    if all(p is None for p in positions):
        ranked = list(enumerate(ids))  # the order sent is the ranking
    elif None in positions or sorted(positions) != list(range(len(ids))):  # type: ignore[type-var]
        raise Problem("choices", f"positions must be 0 to {len(ids) - 1}, each once (or all left out)")
    else:
        ranked = list(zip(positions, ids, strict=True))  # type: ignore[arg-type]
    choices = tuple(ValidChoice(option_id=option, position=rank) for rank, option in sorted(ranked))
    return ValidAnswer(question_id=question.id, choices=choices)


def _matrix(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    _only(answer, matrix=True)
    if not answer.matrix_choices:
        return None
    per_row: dict[int, list[int]] = defaultdict(list)
    for choice in answer.matrix_choices:
        if choice.row_id not in question.rows:
            raise Problem("matrixChoices", f"row {choice.row_id} is not a row of this question")
        if choice.option_id not in question.options:
            raise Problem("matrixChoices", f"option {choice.option_id} is not an option of this question")
        if choice.option_id in per_row[choice.row_id]:
            raise Problem("matrixChoices", f"option {choice.option_id} is chosen twice in row {choice.row_id}")
        per_row[choice.row_id].append(choice.option_id)
    limit = 1 if question.question_type == QuestionType.MATRIX_SINGLE else question.max_choices
    for row, options in per_row.items():
        if limit is not None and len(options) > limit:
            raise Problem("matrixChoices", f"at most {limit} choice{'s' if limit > 1 else ''} in row {row}")
    if question.mandatory and set(per_row) != set(question.rows):
        missing = ", ".join(str(r) for r in question.rows if r not in per_row)
        raise Problem("matrixChoices", f"answer every row (missing: {missing})")
    order = {row: i for i, row in enumerate(question.rows)}
    choices = tuple(
        ValidChoice(option_id=option, row_id=row)
        for row in sorted(per_row, key=order.__getitem__)
        for option in per_row[row]
    )
    return ValidAnswer(question_id=question.id, choices=choices)


def _unanswerable(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    if question.question_type == QuestionType.FILES:
        if _clean(answer.body) is not None or answer.choices or answer.matrix_choices:
            raise Problem("body", "file answers are not supported")
        return None
    _only(answer)  # title_and_description: a heading, not a question
    return None


def _answer(question: QuestionForm, answer: AnswerInput) -> ValidAnswer | None:
    kind = question.question_type
    if kind in TEXT:
        return _text(question, answer)
    if kind in OPTIONS:
        return _options(question, answer)
    if kind == QuestionType.SORTING:
        return _sorting(question, answer)
    if kind in MATRIX:
        return _matrix(question, answer)
    return _unanswerable(question, answer)


def _required_field(question: QuestionForm) -> str:
    kind = question.question_type
    if kind in TEXT:
        return "body"
    return "matrixChoices" if kind in MATRIX else "choices"


def validate(questions: Sequence[QuestionForm], data: SubmissionInput, *, tos_required: bool) -> list[ValidAnswer]:
    """The answers to store, in the questionnaire's order; ``BadUserInput`` listing every problem otherwise."""
    by_id = {q.id: q for q in questions}
    errors: dict[str, str] = {}
    valid: dict[int, ValidAnswer] = {}
    seen = Counter(a.question_id for a in data.answers)
    for i, answer in enumerate(data.answers):
        question = by_id.get(answer.question_id)
        if question is None:
            errors[f"answers.{i}.questionId"] = f"question {answer.question_id} is not a question of this survey"
            continue
        if seen[question.id] > 1:
            errors[f"answers.{i}.questionId"] = f"question {question.id} is answered more than once"
            continue
        try:
            result = _answer(question, answer)
        except Problem as problem:
            errors[f"answers.{i}.{problem.field}"] = f"question {question.id}: {problem.reason}"
            continue
        if result is not None:
            valid[question.id] = result
        elif question.mandatory and question.question_type != QuestionType.TITLE_AND_DESCRIPTION:
            errors[f"answers.{i}.{_required_field(question)}"] = f"question {question.id}: an answer is required"
    missing = [
        q.id
        for q in questions
        if q.mandatory and q.question_type != QuestionType.TITLE_AND_DESCRIPTION and q.id not in seen
    ]
    if missing:
        errors["answers"] = "mandatory questions left out: " + ", ".join(str(m) for m in missing)
    if tos_required and not data.tos_agreement:
        errors["tosAgreement"] = "accept the terms of this questionnaire"
    if errors:
        msg = "Invalid answers: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)
    return [valid[q.id] for q in questions if q.id in valid]
