"""Answering a survey: ``answerSurvey(input:)``, also as ``component(id) { ... on SurveysMutation { answer } }``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.surveys import forms, mutations
from schema.surveys.inputs import AnswerSurveyInput, SurveyAnswerInput
from schema.surveys.types import Survey


def _answer(i: int, answer: SurveyAnswerInput) -> forms.AnswerInput:
    # Lists are cut one past their limit: ``forms.check_shape`` then refuses them without parsing them all.
    path = f"answers.{i}"
    return forms.AnswerInput(
        question_id=parse_id(answer.question_id, field=f"{path}.questionId"),  # type: ignore[arg-type]
        body=answer.body,
        choices=tuple(
            forms.ChoiceInput(
                option_id=parse_id(c.answer_option_id, field=f"{path}.choices.{j}.answerOptionId"),  # type: ignore[arg-type]
                body=c.body,
                position=c.position,
            )
            for j, c in enumerate((answer.choices or [])[: forms.MAX_CHOICES + 1])
        ),
        matrix_choices=tuple(
            forms.MatrixChoiceInput(
                row_id=parse_id(m.matrix_row_id, field=f"{path}.matrixChoices.{j}.matrixRowId"),  # type: ignore[arg-type]
                option_id=parse_id(m.answer_option_id, field=f"{path}.matrixChoices.{j}.answerOptionId"),  # type: ignore[arg-type]
            )
            for j, m in enumerate((answer.matrix_choices or [])[: forms.MAX_CHOICES + 1])
        ),
    )


async def answer(info: Info, input: AnswerSurveyInput, *, component_id: int | None = None) -> Survey:
    ctx = info.context
    data = forms.SubmissionInput(
        answers=tuple(_answer(i, a) for i, a in enumerate(input.answers[: forms.MAX_ANSWERS + 1])),
        tos_agreement=bool(input.tos_agreement),
        session_token=input.session_token,
    )
    answered = await mutations.answer_survey(
        ctx.sessionmaker,
        scope=ctx.scope,
        survey_id=parse_id(input.survey_id, field="surveyId"),  # type: ignore[arg-type]
        component_id=component_id,
        data=data,
    )
    ctx.loaders.clear_all()
    return Survey.from_model(answered.survey, answered.settings, answered=True)


@strawberry.type(description="What a participant may do in a surveys component.")
class SurveysMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(
        description="Answer one of this component's surveys (see `Mutation.answerSurvey`); NOT_FOUND for a survey "
        "of another component."
    )
    async def answer(self, info: Info, input: AnswerSurveyInput) -> Survey | None:
        return await answer(info, input, component_id=self.component_id)


@strawberry.type
class SurveyMutations:
    @strawberry.mutation(
        description="Participa: answer a survey, once per participant (or per session token where visitors "
        "without an account may answer). All answers are stored or none: BAD_USER_INPUT lists every faulty "
        "answer in extensions.fields; FORBIDDEN when answers are closed; CONFLICT when already answered."
    )
    async def answer_survey(self, info: Info, input: AnswerSurveyInput) -> Survey | None:
        return await answer(info, input)
