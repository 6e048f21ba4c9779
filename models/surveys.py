"""Surveys and the questionnaires they (and later meetings' registration forms) carry, with their answers.

A questionnaire belongs to a ``(kind, id)`` owner, so the same tables serve every form. Answers are
private: they are written once per participant (or per anonymous session token, of which only a hash
is kept) and read back only as aggregated counts.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Index, Text, UniqueConstraint, text
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, created_at_field, fk, translated


class QuestionType(StrEnum):
    SHORT_ANSWER = "short_answer"
    LONG_ANSWER = "long_answer"
    SINGLE_OPTION = "single_option"
    MULTIPLE_OPTION = "multiple_option"
    SORTING = "sorting"
    FILES = "files"
    MATRIX_SINGLE = "matrix_single"
    MATRIX_MULTIPLE = "matrix_multiple"
    TITLE_AND_DESCRIPTION = "title_and_description"


_QUESTION_TYPES = ", ".join(f"'{t.value}'" for t in QuestionType)


class Survey(Tenanted, Timestamped, table=True):
    """A survey of a surveys component; it is public exactly when its component is."""

    __tablename__ = "surveys"

    component_id: int = fk("components.id", ondelete="CASCADE")


class Questionnaire(Tenanted, Timestamped, table=True):
    """The form of one owner (a survey; later a meeting's registration form)."""

    __tablename__ = "questionnaires"
    __table_args__ = (UniqueConstraint("questionnaire_for_kind", "questionnaire_for_id"),)

    questionnaire_for_kind: str = Field(max_length=32)  # a models.kinds.ResourceKind value
    questionnaire_for_id: int = Field(sa_type=BigInteger)
    title: Translations = translated()
    description: Translations = translated()
    tos: Translations = translated()


class Question(Tenanted, Timestamped, table=True):
    __tablename__ = "questionnaire_questions"
    __table_args__ = (
        Index("ix_questionnaire_questions_questionnaire_position", "questionnaire_id", "position"),
        CheckConstraint(f"question_type IN ({_QUESTION_TYPES})", name="question_type_known"),
        CheckConstraint("max_choices IS NULL OR max_choices > 0", name="max_choices_positive"),
        CheckConstraint("max_characters >= 0", name="max_characters_not_negative"),
    )

    questionnaire_id: int = fk("questionnaires.id", ondelete="CASCADE", index=False)
    position: int = 0
    question_type: str = Field(max_length=32)  # a QuestionType value
    mandatory: bool = False
    max_choices: int | None = None  # per row for matrix_multiple
    max_characters: int = 0  # 0 = no limit of the question's own
    body: Translations = translated()
    description: Translations = translated()


class AnswerOption(Tenanted, Timestamped, table=True):
    """A choice of an option question, or a column of a matrix question."""

    __tablename__ = "questionnaire_answer_options"
    __table_args__ = (Index("ix_questionnaire_answer_options_question_position", "question_id", "position"),)

    question_id: int = fk("questionnaire_questions.id", ondelete="CASCADE", index=False)
    position: int = 0
    body: Translations = translated()
    free_text: bool = False


class MatrixRow(Tenanted, Timestamped, table=True):
    __tablename__ = "questionnaire_matrix_rows"
    __table_args__ = (Index("ix_questionnaire_matrix_rows_question_position", "question_id", "position"),)

    question_id: int = fk("questionnaire_questions.id", ondelete="CASCADE", index=False)
    position: int = 0
    body: Translations = translated()


class QuestionnaireSubmission(Tenanted, table=True):
    """One participant's (or one anonymous session's) filling of a questionnaire.

    The unique constraints are what makes a second submission impossible, even under races. A
    deleted account leaves its answers behind, anonymous, so published results do not change.
    """

    __tablename__ = "questionnaire_submissions"
    __table_args__ = (
        UniqueConstraint("questionnaire_id", "user_id"),
        UniqueConstraint("questionnaire_id", "session_token_hash"),
        CheckConstraint("num_nonnulls(user_id, session_token_hash) <= 1", name="one_respondent"),
    )

    questionnaire_id: int = fk("questionnaires.id", ondelete="CASCADE", index=False)
    user_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    # SHA-256 of the questionnaire id and the client's random token: the token itself is never stored.
    session_token_hash: str | None = Field(default=None, max_length=64)
    created_at: datetime | None = created_at_field()


class QuestionnaireAnswer(Tenanted, table=True):
    """The answer to one question within a submission (text in ``body``, choices in ``AnswerChoice``)."""

    __tablename__ = "questionnaire_answers"
    __table_args__ = (
        UniqueConstraint("submission_id", "question_id"),
        Index("ix_questionnaire_answers_questionnaire_question", "questionnaire_id", "question_id"),
    )

    questionnaire_id: int = fk("questionnaires.id", ondelete="CASCADE", index=False)
    question_id: int = fk("questionnaire_questions.id", ondelete="CASCADE")
    submission_id: int = fk("questionnaire_submissions.id", ondelete="CASCADE", index=False)
    user_id: int | None = fk("users.id", nullable=True, ondelete="SET NULL")
    session_token_hash: str | None = Field(default=None, max_length=64)
    body: str | None = Field(default=None, sa_type=Text)
    created_at: datetime | None = created_at_field()


class AnswerChoice(Tenanted, table=True):
    """A chosen option: with its rank for sorting, its row for matrices, the text of a free-text option."""

    __tablename__ = "questionnaire_answer_choices"
    __table_args__ = (
        # Nulls are distinct in a plain unique constraint: coalesce so a non-matrix choice is unique too.
        Index(
            "uq_questionnaire_answer_choices_answer_option_row",
            "answer_id",
            "answer_option_id",
            text("coalesce(matrix_row_id, 0)"),
            unique=True,
        ),
        CheckConstraint("position IS NULL OR position >= 0", name="position_not_negative"),
    )

    answer_id: int = fk("questionnaire_answers.id", ondelete="CASCADE", index=False)
    answer_option_id: int = fk("questionnaire_answer_options.id", ondelete="CASCADE")
    matrix_row_id: int | None = fk("questionnaire_matrix_rows.id", nullable=True, ondelete="CASCADE")
    position: int | None = None
    custom_body: str | None = Field(default=None, sa_type=Text)
