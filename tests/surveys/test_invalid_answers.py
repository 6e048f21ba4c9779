"""Each faulty answer is refused with its field, naming its question; nothing is stored, nothing is claimed."""

from __future__ import annotations

from typing import Any

import pytest

import models
from tests.builders import Make
from tests.surveys.conftest import (
    ANSWER,
    EVERY_TYPE,
    Built,
    Q,
    answer_input,
    count,
    fields_of,
    full_answers,
    survey,
)

Change = Any
"""``(built, answers) -> None``: spoils a valid set of answers in one way."""


def _set(index: int, make_answer: Any) -> Change:
    def change(b: Built, answers: list[dict[str, Any]]) -> None:
        answers[index] = {"questionId": answers[index]["questionId"], **make_answer(b)}

    return change


def _append(make_answer: Any) -> Change:
    def change(b: Built, answers: list[dict[str, Any]]) -> None:
        answers.append(make_answer(b))

    return change


def _drop(index: int) -> Change:
    def change(b: Built, answers: list[dict[str, Any]]) -> None:
        del answers[index]

    return change


def _opt(question: int, option: int, **extra: Any) -> Any:
    return lambda b: {"answerOptionId": b.o(question, option), **extra}


# (change, expected fields with {q} standing for the question's id and {o}/{r} for an option/row id)
INVALID: dict[str, tuple[Change, dict[str, str]]] = {
    "short answer over max_characters": (
        _set(0, lambda _: {"body": "x" * 21}),
        {"answers.0.body": "question {q1}: at most 20 characters"},
    ),
    "mandatory short answer blank": (
        _set(0, lambda _: {"body": "   "}),
        {"answers.0.body": "question {q1}: an answer is required"},
    ),
    "mandatory question left out": (_drop(0), {"answers": "mandatory questions left out: {q1}"}),
    "text question given choices": (
        _set(1, lambda b: {"body": "ok", "choices": [{"answerOptionId": b.o(3, 0)}]}),
        {"answers.1.choices": "question {q2}: this question takes no choices"},
    ),
    "single option with two choices": (
        _set(2, lambda b: {"choices": [_opt(3, 0)(b), _opt(3, 1)(b)]}),
        {"answers.2.choices": "question {q3}: choose one option"},
    ),
    "single option with another question's option": (
        _set(2, lambda b: {"choices": [_opt(4, 0)(b)]}),
        {"answers.2.choices": "question {q3}: option {o4_0} is not an option of this question"},
    ),
    "free text on an option that takes none": (
        _set(2, lambda b: {"choices": [_opt(3, 0, body="en plus")(b)]}),
        {"answers.2.choices": "question {q3}: option {o3_0} takes no free text"},
    ),
    "option question given a body": (
        _set(2, lambda b: {"body": "oui", "choices": [_opt(3, 0)(b)]}),
        {"answers.2.body": "question {q3}: this question takes no text answer"},
    ),
    "mandatory option question without a choice": (
        _set(2, lambda _: {"choices": []}),
        {"answers.2.choices": "question {q3}: an answer is required"},
    ),
    "multiple option over max_choices": (
        _set(3, lambda b: {"choices": [_opt(4, 0)(b), _opt(4, 1)(b), _opt(4, 2)(b)]}),
        {"answers.3.choices": "question {q4}: at most 2 choices"},
    ),
    "multiple option chosen twice": (
        _set(3, lambda b: {"choices": [_opt(4, 1)(b), _opt(4, 1)(b)]}),
        {"answers.3.choices": "question {q4}: an option is chosen twice"},
    ),
    "position outside a sorting question": (
        _set(3, lambda b: {"choices": [_opt(4, 1, position=0)(b)]}),
        {"answers.3.choices": "question {q4}: positions apply to sorting questions only"},
    ),
    "sorting that leaves an option out": (
        _set(4, lambda b: {"choices": [_opt(5, 0)(b), _opt(5, 1)(b)]}),
        {"answers.4.choices": "question {q5}: rank every option of this question exactly once"},
    ),
    "sorting that ranks an option twice": (
        _set(4, lambda b: {"choices": [_opt(5, 0)(b), _opt(5, 1)(b), _opt(5, 1)(b)]}),
        {"answers.4.choices": "question {q5}: rank every option of this question exactly once"},
    ),
    "sorting positions not a permutation": (
        _set(4, lambda b: {"choices": [_opt(5, 0, position=0)(b), _opt(5, 1, position=0)(b), _opt(5, 2)(b)]}),
        {"answers.4.choices": "question {q5}: positions must be 0 to 2, each once (or all left out)"},
    ),
    "matrix single with two options in a row": (
        _set(
            5,
            lambda b: {
                "matrixChoices": [
                    {"matrixRowId": b.r(7, 0), "answerOptionId": b.o(7, 0)},
                    {"matrixRowId": b.r(7, 0), "answerOptionId": b.o(7, 1)},
                ]
            },
        ),
        {"answers.5.matrixChoices": "question {q7}: at most 1 choice in row {r7_0}"},
    ),
    "matrix with another question's row": (
        _set(5, lambda b: {"matrixChoices": [{"matrixRowId": b.r(8, 0), "answerOptionId": b.o(7, 0)}]}),
        {"answers.5.matrixChoices": "question {q7}: row {r8_0} is not a row of this question"},
    ),
    "matrix with another question's option": (
        _set(5, lambda b: {"matrixChoices": [{"matrixRowId": b.r(7, 0), "answerOptionId": b.o(8, 0)}]}),
        {"answers.5.matrixChoices": "question {q7}: option {o8_0} is not an option of this question"},
    ),
    "matrix given plain choices": (
        _set(5, lambda b: {"choices": [_opt(7, 0)(b)]}),
        {"answers.5.choices": "question {q7}: this question takes no choices"},
    ),
    "matrix multiple over max_choices in a row": (
        _set(
            6, lambda b: {"matrixChoices": [{"matrixRowId": b.r(8, 1), "answerOptionId": b.o(8, i)} for i in range(3)]}
        ),
        {"answers.6.matrixChoices": "question {q8}: at most 2 choices in row {r8_1}"},
    ),
    "file answer": (
        _append(lambda b: {"questionId": b.q(6), "body": "https://example.org/cv.pdf"}),
        {"answers.7.body": "question {q6}: file answers are not supported"},
    ),
    "answer to a heading": (
        _append(lambda b: {"questionId": b.q(0), "body": "lu"}),
        {"answers.7.body": "question {q0}: this question takes no text answer"},
    ),
    "question answered twice": (
        _append(lambda b: {"questionId": b.q(2), "body": "encore"}),
        {
            "answers.1.questionId": "question {q2} is answered more than once",
            "answers.7.questionId": "question {q2} is answered more than once",
        },
    ),
}


def _expand(b: Built, template: str) -> str:
    names = {f"q{i}": b.q(i) for i in range(len(b.questions))}
    for i, question in enumerate(b.questions):
        names |= {f"o{i}_{j}": str(o.id) for j, o in enumerate(b.options[question.id])}  # type: ignore[index]
        names |= {f"r{i}_{j}": str(r.id) for j, r in enumerate(b.rows[question.id])}  # type: ignore[index]
    return template.format(**names)


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
async def test_each_invalid_answer_is_refused_with_its_field_and_nothing_is_stored(
    make: Make, gql: Any, bearer: Any, case: str
) -> None:
    change, expected = INVALID[case]
    b = await survey(make, questions=EVERY_TYPE)
    me = await make.user()
    answers = full_answers(b)
    change(b, answers)

    body = await gql(ANSWER, answer_input(b, answers), headers=await bearer(me))

    assert body["data"] == {"answerSurvey": None}
    assert fields_of(body) == {k: _expand(b, v) for k, v in expected.items()}
    assert await count(make, models.QuestionnaireSubmission) == 0
    assert await count(make, models.QuestionnaireAnswer) == 0
    # The refused attempt claimed nothing: the same participant can still answer.
    again = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(me))
    assert again == {"data": {"answerSurvey": {"id": str(b.survey.id), "viewerHasAnswered": True}}}


async def test_every_problem_is_reported_at_once(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE, tos={"fr": "J'accepte", "en": "I agree"})
    answers = full_answers(b)
    answers[0] = {"questionId": b.q(1), "body": "x" * 50}
    answers[3] = {"questionId": b.q(4), "choices": [{"answerOptionId": b.o(4, i)} for i in range(3)]}
    del answers[2]

    body = await gql(ANSWER, answer_input(b, answers), headers=await bearer(await make.user()))

    assert fields_of(body) == {
        "answers.0.body": f"question {b.q(1)}: at most 20 characters",
        "answers.2.choices": f"question {b.q(4)}: at most 2 choices",
        "answers": f"mandatory questions left out: {b.q(3)}",
        "tosAgreement": "accept the terms of this questionnaire",
    }


async def test_ids_that_are_not_integers_are_refused_by_path(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    answers = full_answers(b)
    answers[2]["choices"][0]["answerOptionId"] = "abc"

    body = await gql(ANSWER, answer_input(b, answers), headers=await bearer(await make.user()))

    assert fields_of(body) == {"answers.2.choices.0.answerOptionId": "must be an integer id"}


async def test_a_question_of_another_survey_is_refused(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    other = await survey(make, questions=(Q("short_answer"),))
    answers = [*full_answers(b), {"questionId": other.q(0), "body": "hors sujet"}]

    body = await gql(ANSWER, answer_input(b, answers), headers=await bearer(await make.user()))

    assert fields_of(body) == {"answers.7.questionId": f"question {other.q(0)} is not a question of this survey"}
