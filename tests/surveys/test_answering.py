"""A participant answers a survey: every question type accepted, every faulty answer refused by field.

Through the real ASGI app with bearer tokens; the answers written are checked in the database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import models
from tests.builders import Make
from tests.surveys.conftest import (
    ANSWER,
    ANSWER_IN_COMPONENT,
    EVERY_TYPE,
    Built,
    Q,
    answer_input,
    count,
    error_codes,
    fields_of,
    full_answers,
    survey,
)


async def stored(make: Make, b: Built) -> dict[str, Any]:
    """What the database holds for this survey: answers by question position, choices as labels."""
    position = {q.id: i for i, q in enumerate(b.questions)}
    labels = {o.id: o.body["fr"] for opts in b.options.values() for o in opts}
    rows = {r.id: r.body["fr"] for rs in b.rows.values() for r in rs}
    a, c = models.QuestionnaireAnswer, models.AnswerChoice
    async with make.sessionmaker() as session:
        answers = (await session.scalars(select(a).where(a.questionnaire_id == b.questionnaire.id))).all()
        choices = (
            await session.scalars(select(c).where(c.answer_id.in_([x.id for x in answers])).order_by(c.id))
        ).all()
    out: dict[str, Any] = {}
    for answer in sorted(answers, key=lambda x: position[x.question_id]):
        mine = [ch for ch in choices if ch.answer_id == answer.id]
        out[str(position[answer.question_id])] = {
            "body": answer.body,
            "choices": [
                (labels[ch.answer_option_id], rows.get(ch.matrix_row_id), ch.position, ch.custom_body) for ch in mine
            ],
        }
    return out


async def test_participant_answers_every_type_of_question(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    me = await make.user()

    body = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(me))

    assert body == {"data": {"answerSurvey": {"id": str(b.survey.id), "viewerHasAnswered": True}}}
    assert await stored(make, b) == {
        "1": {"body": "Plus de pistes", "choices": []},
        "2": {"body": "Un long texte sur la mobilité.", "choices": []},
        "3": {"body": None, "choices": [("Autre", None, None, "Peut-être")]},
        "4": {"body": None, "choices": [("Vélo", None, None, None), ("Tram", None, None, None)]},
        "5": {
            "body": None,
            "choices": [("Routes", None, 0, None), ("Écoles", None, 1, None), ("Parcs", None, 2, None)],
        },
        "7": {"body": None, "choices": [("Bien", "Accueil", None, None), ("Mal", "Horaires", None, None)]},
        "8": {
            "body": None,
            "choices": [
                ("Matin", "Semaine", None, None),
                ("Soir", "Semaine", None, None),
                ("Midi", "Week-end", None, None),
            ],
        },
    }
    async with make.sessionmaker() as session:
        submission = (await session.scalars(select(models.QuestionnaireSubmission))).one()
    assert (submission.user_id, submission.session_token_hash) == (me.id, None)


async def test_terms_accepted_and_optional_questions_left_out(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE, tos={"fr": "J'accepte"})
    answers = [
        {"questionId": b.q(1), "body": "Court"},
        {"questionId": b.q(2), "body": "  "},  # blank optional answer: not stored
        {"questionId": b.q(3), "choices": [{"answerOptionId": b.o(3, 0)}]},
        {"questionId": b.q(5), "choices": []},
    ]

    body = await gql(ANSWER, answer_input(b, answers, tosAgreement=True), headers=await bearer(await make.user()))

    assert body == {"data": {"answerSurvey": {"id": str(b.survey.id), "viewerHasAnswered": True}}}
    assert await stored(make, b) == {
        "1": {"body": "Court", "choices": []},
        "3": {"body": None, "choices": [("Oui", None, None, None)]},
    }


async def test_sorting_in_the_order_sent_and_a_mandatory_matrix_needs_every_row(
    make: Make, gql: Any, bearer: Any
) -> None:
    b = await survey(
        make,
        questions=(
            Q("sorting", options=("A", "B", "C"), mandatory=True),
            Q("matrix_single", options=("Oui", "Non"), rows=("R1", "R2"), mandatory=True),
        ),
    )
    sorting = {"questionId": b.q(0), "choices": [{"answerOptionId": b.o(0, i)} for i in (1, 2, 0)]}
    half = {"questionId": b.q(1), "matrixChoices": [{"matrixRowId": b.r(1, 0), "answerOptionId": b.o(1, 0)}]}
    me = await bearer(await make.user())

    refused = await gql(ANSWER, answer_input(b, [sorting, half]), headers=me)
    full = {**half, "matrixChoices": [*half["matrixChoices"], {"matrixRowId": b.r(1, 1), "answerOptionId": b.o(1, 1)}]}
    accepted = await gql(ANSWER, answer_input(b, [sorting, full]), headers=me)

    assert fields_of(refused) == {
        "answers.1.matrixChoices": f"question {b.q(1)}: answer every row (missing: {b.r(1, 1)})"
    }
    assert "errors" not in accepted
    assert (await stored(make, b))["0"]["choices"] == [("B", None, 0, None), ("C", None, 1, None), ("A", None, 2, None)]


async def test_answering_through_the_component_mutation(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    other_component = (await survey(make)).survey.component_id
    me = await bearer(await make.user())

    wrong = await gql(
        ANSWER_IN_COMPONENT, {"component": str(other_component), **answer_input(b, full_answers(b))}, headers=me
    )
    right = await gql(
        ANSWER_IN_COMPONENT, {"component": str(b.survey.component_id), **answer_input(b, full_answers(b))}, headers=me
    )

    assert error_codes(wrong) == [("NOT_FOUND", None)]
    assert right == {"data": {"component": {"answer": {"id": str(b.survey.id), "viewerHasAnswered": True}}}}


async def test_participant_cannot_answer_twice(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    me = await bearer(await make.user())

    first = await gql(ANSWER, answer_input(b, full_answers(b)), headers=me)
    second = await gql(ANSWER, answer_input(b, full_answers(b)), headers=me)

    assert "errors" not in first
    assert second["data"] == {"answerSurvey": None}
    assert error_codes(second) == [("CONFLICT", "ALREADY_ANSWERED")]
    assert await count(make, models.QuestionnaireSubmission) == 1
    assert await count(make, models.QuestionnaireAnswer) == 7
