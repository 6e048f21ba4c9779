"""The answering rules as pure functions: table-tested without a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from resolvers.errors import BadUserInput
from resolvers.surveys import forms, policies, validation
from resolvers.surveys.forms import AnswerInput, ChoiceInput, MatrixChoiceInput, QuestionForm, SubmissionInput

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@dataclass
class FakeSettings:
    values: dict[str, Any] = field(default_factory=dict)
    published: bool = True

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


@pytest.mark.parametrize(
    ("values", "published", "expected"),
    [
        ({"allow_answers": True}, True, None),
        ({"allow_answers": True}, False, "ANSWERS_CLOSED"),
        ({"allow_answers": False}, True, "ANSWERS_CLOSED"),
        ({"allow_answers": True, "starts_at": NOW}, True, None),
        ({"allow_answers": True, "starts_at": NOW + timedelta(seconds=1)}, True, "NOT_STARTED"),
        ({"allow_answers": True, "ends_at": NOW + timedelta(seconds=1)}, True, None),
        ({"allow_answers": True, "ends_at": NOW}, True, "ENDED"),
        ({"allow_answers": False, "ends_at": NOW}, True, "ANSWERS_CLOSED"),
    ],
)
def test_answers_open(values: dict[str, Any], published: bool, expected: str | None) -> None:
    assert policies.answers_open(FakeSettings(values, published), now=NOW) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, False),
        ({"allow_unregistered": True}, True),
        ({"allow_anonymous_answers": True}, True),
    ],
)
def test_answers_without_account(values: dict[str, Any], expected: bool) -> None:
    assert policies.answers_without_account(FakeSettings(values)) is expected


@pytest.mark.parametrize(
    ("publish", "admin", "expected"),
    [(False, False, False), (False, True, True), (True, False, True), (True, True, True)],
)
def test_results_visible(publish: bool, admin: bool, expected: bool) -> None:
    settings = FakeSettings({"publish_answers": publish})
    assert policies.results_visible(settings, organization_admin=admin) is expected


def test_denials_have_codes_and_reasons() -> None:
    assert policies.denial("ENDED").extensions() == {"code": "FORBIDDEN", "reason": "ENDED"}
    assert policies.denial("ALREADY_ANSWERED").extensions() == {"code": "CONFLICT", "reason": "ALREADY_ANSWERED"}


TEXT = QuestionForm(id=1, question_type="short_answer", max_characters=5)
LONG = QuestionForm(id=2, question_type="long_answer")
SINGLE = QuestionForm(id=3, question_type="single_option", options={31: False, 32: True}, mandatory=True)
SORTING = QuestionForm(id=4, question_type="sorting", options={41: False, 42: False})
MATRIX = QuestionForm(id=5, question_type="matrix_multiple", options={51: False, 52: False}, rows=(58, 59))


def _valid(*answers: AnswerInput, questions: tuple[QuestionForm, ...] = (TEXT, SINGLE)) -> list[forms.ValidAnswer]:
    return validation.validate(questions, SubmissionInput(answers=answers), tos_required=False)


def _problems(*answers: AnswerInput, questions: tuple[QuestionForm, ...] = (TEXT, SINGLE)) -> dict[str, str]:
    with pytest.raises(BadUserInput) as caught:
        validation.validate(questions, SubmissionInput(answers=answers), tos_required=False)
    return caught.value.fields


def test_valid_answers_come_back_in_question_order_with_text_trimmed() -> None:
    assert _valid(AnswerInput(3, choices=(ChoiceInput(32, body="  libre "),)), AnswerInput(1, body=" oui ")) == [
        forms.ValidAnswer(question_id=1, body="oui"),
        forms.ValidAnswer(question_id=3, choices=(forms.ValidChoice(option_id=32, custom_body="libre"),)),
    ]


def test_the_length_limit_counts_the_trimmed_text_and_a_long_answer_has_a_default_cap() -> None:
    assert _valid(AnswerInput(1, body="  12345  "), AnswerInput(3, choices=(ChoiceInput(31),)))[0].body == "12345"
    assert _problems(AnswerInput(2, body="x" * (forms.MAX_BODY + 1)), questions=(LONG,)) == {
        "answers.0.body": f"question 2: at most {forms.MAX_BODY} characters"
    }


def test_sorting_ranks_are_stored_in_rank_order() -> None:
    answer = AnswerInput(4, choices=(ChoiceInput(41, position=1), ChoiceInput(42, position=0)))
    assert _valid(answer, questions=(SORTING,)) == [
        forms.ValidAnswer(
            question_id=4,
            choices=(forms.ValidChoice(option_id=42, position=0), forms.ValidChoice(option_id=41, position=1)),
        )
    ]


def test_matrix_choices_are_stored_row_by_row_and_respect_no_limit_without_max_choices() -> None:
    answer = AnswerInput(
        5, matrix_choices=(MatrixChoiceInput(59, 51), MatrixChoiceInput(58, 52), MatrixChoiceInput(58, 51))
    )
    assert _valid(answer, questions=(MATRIX,)) == [
        forms.ValidAnswer(
            question_id=5,
            choices=(
                forms.ValidChoice(option_id=52, row_id=58),
                forms.ValidChoice(option_id=51, row_id=58),
                forms.ValidChoice(option_id=51, row_id=59),
            ),
        )
    ]


def test_terms_must_be_accepted_when_the_questionnaire_has_some() -> None:
    with pytest.raises(BadUserInput) as caught:
        validation.validate((TEXT,), SubmissionInput(answers=()), tos_required=True)
    assert caught.value.fields == {"tosAgreement": "accept the terms of this questionnaire"}
    assert validation.validate((TEXT,), SubmissionInput(answers=(), tos_agreement=True), tos_required=True) == []


def test_shape_limits_apply_before_any_lookup() -> None:
    too_many = SubmissionInput(answers=tuple(AnswerInput(i) for i in range(forms.MAX_ANSWERS + 1)))
    with pytest.raises(BadUserInput) as caught:
        forms.check_shape(too_many, signed_in=True)
    assert caught.value.fields == {"answers": f"at most {forms.MAX_ANSWERS} answers"}
    # A signed-in participant's stray token is not even looked at.
    forms.check_shape(SubmissionInput(answers=(), session_token="short"), signed_in=True)


def test_session_token_hash_depends_on_the_questionnaire() -> None:
    token = "t" * 40
    assert forms.session_token_hash(questionnaire_id=1, token=token) != forms.session_token_hash(
        questionnaire_id=2, token=token
    )
    assert token not in forms.session_token_hash(questionnaire_id=1, token=token)
