"""Reading surveys as Decidim's API does, plus Participa's fields: the component, its pages, the questionnaire."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.builders import Make
from tests.surveys.conftest import ANSWER, Built, Q, answer_input, survey, surveys_component

SURVEY_FIELDS = """
id createdAt updatedAt acceptsAnswers allowsAnswersWithoutAccount startsAt endsAt viewerHasAnswered
questionnaire {
  id createdAt updatedAt title { translation(locale: "fr") } description { translation(locale: "en") }
  tos { translation(locale: "fr") } forType forEntity { __typename id }
  questions {
    id body { translation(locale: "fr") } description { translation(locale: "en") } mandatory position
    maxChoices maxCharacters questionType
    answerOptions { id body { translation(locale: "fr") } freeText }
    matrixRows { id body { translation(locale: "fr") } position }
  }
}
"""

ONE = "query($c: ID!, $s: ID!) { component(id: $c) { __typename ... on Surveys { survey(id: $s) { %s } } } }"
PAGE = """
query($c: ID!, $first: Int, $after: String) {
  component(id: $c) {
    ... on Surveys { surveys(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } nodes { id }
    } }
  }
}
"""


def iso(value: datetime | None) -> str:
    assert value is not None
    return value.astimezone(UTC).isoformat()


def expected_survey(b: Built, *, answered: bool = False) -> dict[str, Any]:
    q = b.questionnaire
    return {
        "id": str(b.survey.id),
        "createdAt": iso(b.survey.created_at),
        "updatedAt": iso(b.survey.updated_at),
        "acceptsAnswers": True,
        "allowsAnswersWithoutAccount": False,
        "startsAt": None,
        "endsAt": None,
        "viewerHasAnswered": answered,
        "questionnaire": {
            "id": str(q.id),
            "createdAt": iso(q.created_at),
            "updatedAt": iso(q.updated_at),
            "title": {"translation": "Votre avis"},
            "description": {"translation": "A few questions"},
            "tos": {"translation": "Je suis d'accord"},
            "forType": "Decidim::Surveys::Survey",
            "forEntity": {"__typename": "Survey", "id": str(b.survey.id)},
            "questions": [
                {
                    "id": str(question.id),
                    "body": {"translation": f"Question {i + 1}"},
                    "description": {"translation": f"Help {i + 1}"},
                    "mandatory": question.mandatory,
                    "position": i,
                    "maxChoices": question.max_choices,
                    "maxCharacters": question.max_characters,
                    "questionType": question.question_type,
                    "answerOptions": [
                        {"id": str(o.id), "body": {"translation": o.body["fr"]}, "freeText": o.free_text}
                        for o in b.options[question.id]  # type: ignore[index]
                    ],
                    "matrixRows": [
                        {"id": str(r.id), "body": {"translation": r.body["fr"]}, "position": r.position}
                        for r in b.rows[question.id]  # type: ignore[index]
                    ],
                }
                for i, question in enumerate(b.questions)
            ],
        },
    }


QUESTIONS = (
    Q("short_answer", mandatory=True, max_characters=140),
    Q("multiple_option", options=("Vélo", "Autre"), free=(1,), max_choices=2),
    Q("matrix_single", options=("Oui", "Non"), rows=("Matin", "Soir")),
)


async def test_anonymous_visitor_reads_a_survey_and_its_whole_questionnaire(make: Make, gql: Any) -> None:
    b = await survey(make, questions=QUESTIONS, tos={"fr": "Je suis d'accord"})

    body = await gql(ONE % SURVEY_FIELDS, {"c": str(b.survey.component_id), "s": str(b.survey.id)})

    assert body == {"data": {"component": {"__typename": "Surveys", "survey": expected_survey(b)}}}


async def test_participant_sees_that_they_answered(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=(Q("short_answer"),), tos={"fr": "Je suis d'accord"})
    me = await bearer(await make.user())
    variables = {"c": str(b.survey.component_id), "s": str(b.survey.id)}

    before = await gql(ONE % "viewerHasAnswered", variables, headers=me)
    await gql(ANSWER, answer_input(b, [{"questionId": b.q(0), "body": "oui"}], tosAgreement=True), headers=me)
    after = await gql(ONE % "viewerHasAnswered", variables, headers=me)
    someone_else = await gql(ONE % "viewerHasAnswered", variables, headers=await bearer(await make.user()))

    assert before["data"]["component"]["survey"] == {"viewerHasAnswered": False}
    assert after["data"]["component"]["survey"] == {"viewerHasAnswered": True}
    assert someone_else["data"]["component"]["survey"] == {"viewerHasAnswered": False}


async def test_survey_settings_show_the_window_and_answers_without_account(make: Make, gql: Any) -> None:
    component = await surveys_component(
        make,
        step={"allow_answers": True},
        starts_at="2020-01-01T08:00:00+01:00",
        ends_at="2020-02-01T08:00:00+01:00",
        allow_anonymous_answers=True,
    )
    b = await survey(make, component=component)

    body = await gql(
        ONE % "acceptsAnswers allowsAnswersWithoutAccount startsAt endsAt",
        {"c": str(component.id), "s": str(b.survey.id)},
    )

    assert body["data"]["component"]["survey"] == {
        "acceptsAnswers": False,
        "allowsAnswersWithoutAccount": True,
        "startsAt": "2020-01-01T08:00:00+01:00",
        "endsAt": "2020-02-01T08:00:00+01:00",
    }


async def test_surveys_come_in_keyset_pages_with_a_total_count(make: Make, gql: Any) -> None:
    component = await surveys_component(make)
    built = [await survey(make, component=component, fresh=False) for _ in range(5)]
    await survey(make)  # another component's survey never shows here
    ids = [str(b.survey.id) for b in built]

    first = await gql(PAGE, {"c": str(component.id), "first": 2})
    page = first["data"]["component"]["surveys"]
    second = await gql(PAGE, {"c": str(component.id), "first": 3, "after": page["pageInfo"]["endCursor"]})
    rest = second["data"]["component"]["surveys"]

    assert page["totalCount"] == 5
    assert page["nodes"] == [{"id": i} for i in ids[:2]]
    assert [e["node"] for e in page["edges"]] == page["nodes"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert rest["nodes"] == [{"id": i} for i in ids[2:]]
    assert (rest["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasPreviousPage"]) == (False, True)


async def test_a_forged_cursor_is_bad_user_input(make: Make, gql: Any) -> None:
    component = await surveys_component(make)

    body = await gql(PAGE, {"c": str(component.id), "first": 2, "after": "WyJ4Il0"})  # ["x"]

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"after": "invalid cursor"}}


async def test_survey_of_another_component_is_null_here(make: Make, gql: Any) -> None:
    b = await survey(make)
    other = await surveys_component(make)

    body = await gql(ONE % "id", {"c": str(other.id), "s": str(b.survey.id)})

    assert body == {"data": {"component": {"__typename": "Surveys", "survey": None}}}


async def test_surveys_are_listed_among_a_spaces_components(make: Make, gql: Any) -> None:
    process = await make.process()
    component = await surveys_component(make, space=process)
    b = await survey(make, component=component, fresh=False)

    body = await gql(
        "query($id: ID) { participatoryProcess(id: $id) { components { __typename ... on Surveys { surveys "
        "{ nodes { id } } } } } }",
        {"id": str(process.id)},
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "components": [{"__typename": "Surveys", "surveys": {"nodes": [{"id": str(b.survey.id)}]}}]
            }
        }
    }
