"""What a participant sends to answer a questionnaire, what the questionnaire asks, and what gets stored.

Plain data, no database: the schema layer builds ``SubmissionInput`` (ids already parsed), the writer
loads ``QuestionForm``s, and ``resolvers.surveys.validation`` turns the first into ``ValidAnswer``s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from collections.abc import Sequence

    import models

MAX_ANSWERS = 500
MAX_CHOICES = 500
MAX_BODY = 10_000
"""Characters of a text answer or free text when the question sets no ``max_characters`` of its own."""

# A random, client-kept secret: long enough not to be guessed, printable ASCII so it survives any transport.
_SESSION_TOKEN = re.compile(r"[\x21-\x7e]{32,256}")


@dataclass(frozen=True, slots=True)
class ChoiceInput:
    option_id: int
    body: str | None = None
    position: int | None = None


@dataclass(frozen=True, slots=True)
class MatrixChoiceInput:
    row_id: int
    option_id: int


@dataclass(frozen=True, slots=True)
class AnswerInput:
    question_id: int
    body: str | None = None
    choices: tuple[ChoiceInput, ...] = ()
    matrix_choices: tuple[MatrixChoiceInput, ...] = ()


@dataclass(frozen=True, slots=True)
class SubmissionInput:
    answers: tuple[AnswerInput, ...]
    tos_agreement: bool = False
    session_token: str | None = None


@dataclass(frozen=True, slots=True)
class QuestionForm:
    """A question as validation needs it: its rules, its options (id -> free text?) and its rows."""

    id: int
    question_type: str
    mandatory: bool = False
    max_choices: int | None = None
    max_characters: int = 0
    options: dict[int, bool] = field(default_factory=dict)
    rows: tuple[int, ...] = ()

    @classmethod
    def of(
        cls,
        question: models.Question,
        *,
        options: Sequence[models.AnswerOption] = (),
        rows: Sequence[models.MatrixRow] = (),
    ) -> QuestionForm:
        return cls(
            id=question.id,  # type: ignore[arg-type]
            question_type=question.question_type,
            mandatory=question.mandatory,
            max_choices=question.max_choices,
            max_characters=question.max_characters,
            options={o.id: o.free_text for o in options},  # type: ignore[misc]
            rows=tuple(r.id for r in rows),  # type: ignore[misc]
        )


@dataclass(frozen=True, slots=True)
class ValidChoice:
    option_id: int
    row_id: int | None = None
    position: int | None = None
    custom_body: str | None = None


@dataclass(frozen=True, slots=True)
class ValidAnswer:
    """One answer to store: a body for text questions, choices for the others."""

    question_id: int
    body: str | None = None
    choices: tuple[ValidChoice, ...] = ()


def check_shape(data: SubmissionInput, *, signed_in: bool) -> None:
    """Refuse oversized input and malformed session tokens before touching the database."""
    errors: dict[str, str] = {}
    if len(data.answers) > MAX_ANSWERS:
        errors["answers"] = f"at most {MAX_ANSWERS} answers"
    for i, answer in enumerate(data.answers[:MAX_ANSWERS]):
        if len(answer.choices) > MAX_CHOICES:
            errors[f"answers.{i}.choices"] = f"at most {MAX_CHOICES} choices"
        if len(answer.matrix_choices) > MAX_CHOICES:
            errors[f"answers.{i}.matrixChoices"] = f"at most {MAX_CHOICES} choices"
    # A signed-in participant answers as themselves: a token they also send plays no part.
    if not signed_in and data.session_token is not None and not _SESSION_TOKEN.fullmatch(data.session_token):
        errors["sessionToken"] = "32 to 256 printable ASCII characters, random, kept by the client"
    if errors:
        msg = "Invalid answers: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def session_token_hash(*, questionnaire_id: int, token: str) -> str:
    """What is stored for an anonymous respondent. Salting with the questionnaire means one client's
    submissions to different questionnaires cannot be linked to each other from the database."""
    return hashlib.sha256(f"{questionnaire_id}:{token}".encode()).hexdigest()
