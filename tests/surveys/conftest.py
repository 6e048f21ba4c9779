"""Helpers for survey specifications: surveys with questionnaires built from short specs, the answer mutation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import pytest

import models
from models.kinds import ResourceKind
from tests.builders import Make, tr

OPEN_STEP: dict[str, Any] = {"allow_answers": True}


@dataclass(frozen=True)
class Q:
    """A question to build: its type, its options' labels (``free`` = indexes of free-text ones), its rows."""

    question_type: str
    options: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    free: tuple[int, ...] = ()
    mandatory: bool = False
    max_choices: int | None = None
    max_characters: int = 0


@dataclass
class Built:
    survey: models.Survey
    questionnaire: models.Questionnaire
    questions: list[models.Question] = field(default_factory=list)
    options: dict[int, list[models.AnswerOption]] = field(default_factory=dict)
    rows: dict[int, list[models.MatrixRow]] = field(default_factory=dict)

    def q(self, index: int) -> str:
        """The id of the ``index``-th question, as the API spells it."""
        return str(self.questions[index].id)

    def o(self, index: int, option: int) -> str:
        return str(self.options[self.questions[index].id][option].id)

    def r(self, index: int, row: int) -> str:
        return str(self.rows[self.questions[index].id][row].id)


async def surveys_component(
    make: Make,
    *,
    space: models.ParticipatoryProcess | None = None,
    step: dict[str, Any] | None = None,
    published: bool = True,
    **global_settings: Any,
) -> models.Component:
    """A surveys component whose step settings are ``step`` (answers allowed by default)."""
    return await make.component(
        space=space,
        manifest_name="surveys",
        settings=global_settings,
        default_step_settings=OPEN_STEP if step is None else step,
        **({} if published else {"published_at": None}),
    )


async def survey(
    make: Make,
    *,
    component: models.Component | None = None,
    questions: tuple[Q, ...] = (),
    tos: dict[str, str] | None = None,
    fresh: bool = True,
) -> Built:
    """A survey of ``component`` (a new open one by default) with a questionnaire asking ``questions``.

    ``fresh`` reloads the survey, questionnaire and questions for their server-set timestamps.
    """
    component = component or await surveys_component(make)
    org = component.organization_id
    async with make.sessionmaker() as session:
        row = models.Survey(organization_id=org, component_id=component.id)
        session.add(row)
        await session.flush()
        questionnaire = models.Questionnaire(
            organization_id=org,
            questionnaire_for_kind=ResourceKind.SURVEY.value,
            questionnaire_for_id=row.id,
            title=tr("Votre avis", "Your opinion"),
            description=tr("Quelques questions", "A few questions"),
            tos=tos if tos is not None else {},
        )
        session.add(questionnaire)
        await session.flush()
        built = Built(survey=row, questionnaire=questionnaire)
        built.questions = [
            models.Question(
                organization_id=org,
                questionnaire_id=questionnaire.id,
                position=position,
                question_type=spec.question_type,
                mandatory=spec.mandatory,
                max_choices=spec.max_choices,
                max_characters=spec.max_characters,
                body=tr(f"Question {position + 1}"),
                description=tr(f"Aide {position + 1}", f"Help {position + 1}"),
            )
            for position, spec in enumerate(questions)
        ]
        session.add_all(built.questions)
        await session.flush()
        for question, spec in zip(built.questions, questions, strict=True):
            built.options[question.id] = [  # type: ignore[index]
                models.AnswerOption(
                    organization_id=org, question_id=question.id, position=i, body=tr(label), free_text=i in spec.free
                )
                for i, label in enumerate(spec.options)
            ]
            built.rows[question.id] = [  # type: ignore[index]
                models.MatrixRow(organization_id=org, question_id=question.id, position=i, body=tr(label))
                for i, label in enumerate(spec.rows)
            ]
            session.add_all([*built.options[question.id], *built.rows[question.id]])  # type: ignore[index]
        await session.commit()
        if fresh:
            for obj in [row, questionnaire, *built.questions]:
                await session.refresh(obj)
    return built


# One question of each type, in this order (indexes used throughout the specifications).
EVERY_TYPE = (
    Q("title_and_description"),
    Q("short_answer", mandatory=True, max_characters=20),
    Q("long_answer"),
    Q("single_option", options=("Oui", "Non", "Autre"), free=(2,), mandatory=True),
    Q("multiple_option", options=("Vélo", "Bus", "Tram"), max_choices=2),
    Q("sorting", options=("Écoles", "Parcs", "Routes")),
    Q("files"),
    Q("matrix_single", options=("Bien", "Mal"), rows=("Accueil", "Horaires")),
    Q("matrix_multiple", options=("Matin", "Midi", "Soir"), rows=("Semaine", "Week-end"), max_choices=2),
)


def full_answers(b: Built) -> list[dict[str, Any]]:
    """A valid answer to every answerable question of ``EVERY_TYPE``."""
    return [
        {"questionId": b.q(1), "body": "Plus de pistes"},
        {"questionId": b.q(2), "body": "Un long texte sur la mobilité."},
        {"questionId": b.q(3), "choices": [{"answerOptionId": b.o(3, 2), "body": "Peut-être"}]},
        {"questionId": b.q(4), "choices": [{"answerOptionId": b.o(4, 0)}, {"answerOptionId": b.o(4, 2)}]},
        {
            "questionId": b.q(5),
            "choices": [
                {"answerOptionId": b.o(5, 2), "position": 0},
                {"answerOptionId": b.o(5, 0), "position": 1},
                {"answerOptionId": b.o(5, 1), "position": 2},
            ],
        },
        {
            "questionId": b.q(7),
            "matrixChoices": [
                {"matrixRowId": b.r(7, 0), "answerOptionId": b.o(7, 0)},
                {"matrixRowId": b.r(7, 1), "answerOptionId": b.o(7, 1)},
            ],
        },
        {
            "questionId": b.q(8),
            "matrixChoices": [
                {"matrixRowId": b.r(8, 0), "answerOptionId": b.o(8, 0)},
                {"matrixRowId": b.r(8, 0), "answerOptionId": b.o(8, 2)},
                {"matrixRowId": b.r(8, 1), "answerOptionId": b.o(8, 1)},
            ],
        },
    ]


ANSWER = """
mutation($input: AnswerSurveyInput!) {
  answerSurvey(input: $input) { id viewerHasAnswered }
}
"""

ANSWER_IN_COMPONENT = """
mutation($component: ID!, $input: AnswerSurveyInput!) {
  component(id: $component) { ... on SurveysMutation { answer(input: $input) { id viewerHasAnswered } } }
}
"""


def answer_input(b: Built, answers: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"input": {"surveyId": str(b.survey.id), "answers": answers, **extra}}


def token() -> str:
    """What a client keeps to answer without an account."""
    return secrets.token_urlsafe(32)


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


def fields_of(body: dict[str, Any]) -> dict[str, str]:
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    return error["extensions"]["fields"]  # type: ignore[no-any-return]


async def count(make: Make, model: Any, **where: Any) -> int:
    from sqlalchemy import func, select

    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model).filter_by(**where)) or 0)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)
