"""A page of surveys with 20 questions each, their options, rows and results, costs the same statements
whether the component has 2 surveys or 20."""

from __future__ import annotations

from typing import Any

import models
from resolvers.viewer import Viewer
from tests.builders import Make
from tests.surveys.conftest import Built, Q, survey, surveys_component

PAGE = """
query($id: ID!) {
  component(id: $id) {
    ... on Surveys {
      participatorySpace { id }
      surveys(first: 20) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id createdAt acceptsAnswers allowsAnswersWithoutAccount viewerHasAnswered
          questionnaire {
            id title { text } tos { text } forType forEntity { id }
            questions {
              id body { text } description { text } questionType mandatory maxChoices maxCharacters position
              answerOptions { id body { text } freeText }
              matrixRows { id body { text } }
            }
          }
          results {
            submissionsCount
            questions {
              question { id }
              answersCount
              options { answerOption { id } count positionCounts }
              matrixRows { matrixRow { id } answersCount options { count } }
            }
          }
        }
      }
    }
  }
}
"""

KINDS = (
    Q("short_answer"),
    Q("long_answer"),
    Q("single_option", options=("A", "B", "C")),
    Q("multiple_option", options=("A", "B", "C")),
    Q("sorting", options=("A", "B", "C")),
    Q("matrix_single", options=("A", "B", "C"), rows=("R1", "R2")),
    Q("matrix_multiple", options=("A", "B", "C"), rows=("R1", "R2")),
    Q("title_and_description"),
)
QUESTIONS = tuple(KINDS[i % len(KINDS)] for i in range(20))

EXPECTED_STATEMENTS = 15


async def _answer(make: Make, b: Built, users: list[models.User]) -> None:
    """Each user answers the first option question and the first matrix question (written directly)."""
    single, matrix = b.questions[2], b.questions[5]
    async with make.sessionmaker() as session:
        for user in users:
            org = b.survey.organization_id
            submission = models.QuestionnaireSubmission(
                organization_id=org, questionnaire_id=b.questionnaire.id, user_id=user.id
            )
            session.add(submission)
            await session.flush()
            for question in (single, matrix):
                answer = models.QuestionnaireAnswer(
                    organization_id=org,
                    questionnaire_id=b.questionnaire.id,
                    question_id=question.id,
                    submission_id=submission.id,
                    user_id=user.id,
                )
                session.add(answer)
                await session.flush()
                row = b.rows[question.id][0].id if b.rows[question.id] else None  # type: ignore[index]
                option = b.options[question.id][0].id  # type: ignore[index]
                session.add(
                    models.AnswerChoice(
                        organization_id=org, answer_id=answer.id, answer_option_id=option, matrix_row_id=row
                    )
                )
        await session.commit()


async def _count(make: Make, execute: Any, count_queries: Any, *, surveys: int) -> tuple[int, list[str]]:
    component = await surveys_component(make, step={"allow_answers": True, "publish_answers": True})
    users = [await make.user() for _ in range(2)]
    for _ in range(surveys):
        await _answer(make, await survey(make, component=component, questions=QUESTIONS, fresh=False), users)
    org = await make.org(None)
    admin = await make.user(admin=True)
    viewer = Viewer(user_id=admin.id, organization_admin=True)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(component.id)}, organization=org, viewer=viewer)
    assert "errors" not in body, body
    nodes = body["data"]["component"]["surveys"]["nodes"]
    assert len(nodes) == surveys
    assert all(len(n["questionnaire"]["questions"]) == 20 for n in nodes)
    assert all(n["results"]["submissionsCount"] == 2 for n in nodes)
    assert all(n["results"]["questions"][2]["options"][0]["count"] == 2 for n in nodes)
    return log.count, log.statements


async def test_two_surveys_of_twenty_questions_cost_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, surveys=2)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_surveys_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, surveys=20)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
