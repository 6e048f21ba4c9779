"""What a participant sends to answer a survey."""

from __future__ import annotations

import strawberry


@strawberry.input(description="An option chosen in an option or sorting question.")
class SurveyAnswerChoiceInput:
    answer_option_id: strawberry.ID
    body: str | None = strawberry.field(default=None, description="Free text, for an option that takes it.")
    position: int | None = strawberry.field(
        default=None,
        description="Sorting questions: the rank given, from 0. Leave it out on every choice to rank them in "
        "the order sent.",
    )


@strawberry.input(description="An option chosen in one row of a matrix question.")
class SurveyMatrixChoiceInput:
    matrix_row_id: strawberry.ID
    answer_option_id: strawberry.ID


@strawberry.input(
    description="The answer to one question: `body` for short_answer and long_answer, `choices` for "
    "single_option, multiple_option and sorting, `matrixChoices` for matrix_single and matrix_multiple."
)
class SurveyAnswerInput:
    question_id: strawberry.ID
    body: str | None = None
    choices: list[SurveyAnswerChoiceInput] | None = None
    matrix_choices: list[SurveyMatrixChoiceInput] | None = None


@strawberry.input(description="Participa: answers to a survey, all stored together or none at all.")
class AnswerSurveyInput:
    client_mutation_id: str | None = None
    survey_id: strawberry.ID
    answers: list[SurveyAnswerInput]
    tos_agreement: bool | None = strawberry.field(
        default=None, description="Acceptance of the questionnaire's terms; required when it has some."
    )
    session_token: str | None = strawberry.field(
        default=None,
        description="Without an account, where the survey allows it: a random secret of 32 to 256 characters "
        "the client generates and keeps; one submission per token. Only its hash is stored. Ignored when "
        "signed in.",
    )
