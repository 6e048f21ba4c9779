"""Aggregated results equal hand-counted answers; they are shown to admins always, to others once published."""

from __future__ import annotations

from typing import Any

import pytest

import models
from tests.builders import Make
from tests.surveys.conftest import ANSWER, Built, Q, answer_input, survey, surveys_component

QUESTIONS = (
    Q("title_and_description"),
    Q("short_answer"),
    Q("single_option", options=("A", "B", "C"), free=(2,)),
    Q("multiple_option", options=("X", "Y", "Z")),
    Q("sorting", options=("S0", "S1", "S2")),
    Q("matrix_single", options=("o1", "o2"), rows=("r1", "r2")),
    Q("matrix_multiple", options=("p", "q"), rows=("R1", "R2")),
)

RESULTS = """
query($c: ID!, $s: ID!) {
  component(id: $c) {
    ... on Surveys {
      survey(id: $s) {
        results {
          submissionsCount
          questions {
            question { questionType }
            answersCount
            options { answerOption { body { translation(locale: "fr") } } count positionCounts }
            matrixRows {
              matrixRow { body { translation(locale: "fr") } }
              answersCount
              options { answerOption { body { translation(locale: "fr") } } count }
            }
          }
        }
      }
    }
  }
}
"""


def _choices(b: Built, q: int, *options: int) -> dict[str, Any]:
    return {"questionId": b.q(q), "choices": [{"answerOptionId": b.o(q, o)} for o in options]}


def _matrix(b: Built, q: int, *cells: tuple[int, int]) -> dict[str, Any]:
    return {
        "questionId": b.q(q),
        "matrixChoices": [{"matrixRowId": b.r(q, r), "answerOptionId": b.o(q, o)} for r, o in cells],
    }


def _submissions(b: Built) -> list[list[dict[str, Any]]]:
    """Four participants' answers; the expected figures below are counted by hand from these."""
    return [
        [
            {"questionId": b.q(1), "body": "a"},
            _choices(b, 2, 0),
            _choices(b, 3, 0, 1),
            _choices(b, 4, 2, 0, 1),
            _matrix(b, 5, (0, 0), (1, 1)),
            _matrix(b, 6, (0, 0), (0, 1)),
        ],
        [_choices(b, 2, 0), _choices(b, 3, 1), _choices(b, 4, 0, 1, 2), _matrix(b, 5, (0, 0)), _matrix(b, 6, (1, 1))],
        [
            {"questionId": b.q(1), "body": "c"},
            _choices(b, 2, 1),
            _matrix(b, 5, (0, 1), (1, 1)),
            _matrix(b, 6, (0, 1), (1, 0)),
        ],
        [
            {"questionId": b.q(1), "body": "d"},
            {"questionId": b.q(2), "choices": [{"answerOptionId": b.o(2, 2), "body": "autre chose"}]},
            _choices(b, 3, 0, 1),
            _choices(b, 4, 0, 2, 1),
        ],
    ]


def _option(label: str, n: int, positions: list[int] | None = None) -> dict[str, Any]:
    return {"answerOption": {"body": {"translation": label}}, "count": n, "positionCounts": positions}


def _cell(label: str, n: int) -> dict[str, Any]:
    return {"answerOption": {"body": {"translation": label}}, "count": n}


def _row(label: str, answered: int, cells: list[dict[str, Any]]) -> dict[str, Any]:
    return {"matrixRow": {"body": {"translation": label}}, "answersCount": answered, "options": cells}


def _question(kind: str, answered: int, options: list[Any] | None = None, rows: list[Any] | None = None) -> Any:
    return {
        "question": {"questionType": kind},
        "answersCount": answered,
        "options": options or [],
        "matrixRows": rows or [],
    }


HAND_COUNTED = {
    "submissionsCount": 4,
    "questions": [
        _question("short_answer", 3),
        _question("single_option", 4, [_option("A", 2), _option("B", 1), _option("C", 1)]),
        _question("multiple_option", 3, [_option("X", 2), _option("Y", 3), _option("Z", 0)]),
        _question(
            "sorting", 3, [_option("S0", 3, [2, 1, 0]), _option("S1", 3, [0, 1, 2]), _option("S2", 3, [1, 1, 1])]
        ),
        _question(
            "matrix_single",
            3,
            [_option("o1", 2), _option("o2", 3)],
            [_row("r1", 3, [_cell("o1", 2), _cell("o2", 1)]), _row("r2", 2, [_cell("o1", 0), _cell("o2", 2)])],
        ),
        _question(
            "matrix_multiple",
            3,
            [_option("p", 2), _option("q", 3)],
            [_row("R1", 2, [_cell("p", 1), _cell("q", 2)]), _row("R2", 2, [_cell("p", 1), _cell("q", 1)])],
        ),
    ],
}


async def _answered_survey(make: Make, gql: Any, bearer: Any, *, publish: bool) -> Built:
    component = await surveys_component(make, step={"allow_answers": True, "publish_answers": publish})
    b = await survey(make, component=component, questions=QUESTIONS)
    for answers in _submissions(b):
        body = await gql(ANSWER, answer_input(b, answers), headers=await bearer(await make.user()))
        assert "errors" not in body, body
    return b


async def _results(gql: Any, b: Built, headers: dict[str, str] | None = None) -> Any:
    body = await gql(RESULTS, {"c": str(b.survey.component_id), "s": str(b.survey.id)}, headers=headers)
    assert "errors" not in body, body
    return body["data"]["component"]["survey"]["results"]


async def test_admin_sees_results_equal_to_the_hand_counted_answers(make: Make, gql: Any, bearer: Any) -> None:
    b = await _answered_survey(make, gql, bearer, publish=False)
    admin = await bearer(await make.user(admin=True))

    assert await _results(gql, b, admin) == HAND_COUNTED


async def test_results_of_an_unanswered_survey_are_zero(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=(Q("single_option", options=("A", "B")),))

    results = await _results(gql, b, await bearer(await make.user(admin=True)))

    assert results == {
        "submissionsCount": 0,
        "questions": [_question("single_option", 0, [_option("A", 0), _option("B", 0)])],
    }


@pytest.mark.parametrize("who", ["anonymous visitor", "participant who answered", "other participant"])
async def test_results_are_hidden_until_the_step_publishes_them(make: Make, gql: Any, bearer: Any, who: str) -> None:
    b = await _answered_survey(make, gql, bearer, publish=False)
    headers = None
    if who == "participant who answered":
        async with make.sessionmaker() as session:
            from sqlalchemy import select

            user_id = (await session.scalars(select(models.QuestionnaireSubmission.user_id))).first()
            user = await session.get(models.User, user_id)
        headers = await bearer(user)
    elif who == "other participant":
        headers = await bearer(await make.user())

    assert await _results(gql, b, headers) is None


async def test_anyone_sees_results_once_the_step_publishes_them(make: Make, gql: Any, bearer: Any) -> None:
    b = await _answered_survey(make, gql, bearer, publish=True)

    assert await _results(gql, b) == HAND_COUNTED
