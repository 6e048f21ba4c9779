"""Individual answers are never reachable: no type holds one, results only count, and stay hidden until published.

Also: the surveys part of the schema answers every query Decidim's API accepts for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    get_named_type,
    is_leaf_type,
    parse,
    validate,
)

from schema.root import build_schema as build_participa_schema
from tests.builders import Make
from tests.surveys.conftest import ANSWER, Q, answer_input, survey, surveys_component

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "decidim-schema.graphql"
ANSWERISH = re.compile(r"answer|submission|respon", re.IGNORECASE)


@pytest.fixture(scope="module")
def participa() -> GraphQLSchema:
    return build_participa_schema()._schema


def _reachable_types(schema: GraphQLSchema, root: str) -> set[str]:
    seen: set[str] = set()
    pending = [root]
    while pending:
        name = pending.pop()
        if name in seen or name.startswith("__"):
            continue
        seen.add(name)
        kind = schema.type_map[name]
        for field in getattr(kind, "fields", {}).values():
            pending.append(get_named_type(field.type).name)
            pending.extend(get_named_type(arg.type).name for arg in getattr(field, "args", {}).values())
        if isinstance(kind, GraphQLInterfaceType | GraphQLUnionType):
            pending.extend(t.name for t in schema.get_possible_types(kind))
    return seen


def test_no_query_path_leads_to_an_individual_answer(participa: GraphQLSchema) -> None:
    assert participa.query_type is not None
    answerish = sorted(t for t in _reachable_types(participa, participa.query_type.name) if ANSWERISH.search(t))

    # Decidim's option type and the aggregated counts: nothing holds what one respondent answered.
    assert answerish == ["AnswerOption", "AnswerOptionResults"]


def test_results_types_hold_counts_and_the_questions_only(participa: GraphQLSchema) -> None:
    fields = {
        name: sorted(participa.type_map[name].fields)  # type: ignore[attr-defined]
        for name in ("SurveyResults", "QuestionResults", "MatrixRowResults", "AnswerOptionResults")
    }

    assert fields == {
        "SurveyResults": ["questions", "submissionsCount"],
        "QuestionResults": ["answersCount", "matrixRows", "options", "question"],
        "MatrixRowResults": ["answersCount", "matrixRow", "options"],
        "AnswerOptionResults": ["answerOption", "count", "positionCounts"],
    }


async def test_free_text_written_by_participants_is_nowhere_in_the_published_results(
    make: Make, gql: Any, bearer: Any
) -> None:
    component = await surveys_component(make, step={"allow_answers": True, "publish_answers": True})
    b = await survey(
        make, component=component, questions=(Q("short_answer"), Q("single_option", options=("A",), free=(0,)))
    )
    secret = "mon adresse est 3 rue des Lilas"
    answers = [
        {"questionId": b.q(0), "body": secret},
        {"questionId": b.q(1), "choices": [{"answerOptionId": b.o(1, 0), "body": secret}]},
    ]
    await gql(ANSWER, answer_input(b, answers), headers=await bearer(await make.user()))

    everything = await gql(
        "query($c: ID!) { component(id: $c) { ... on Surveys { surveys { nodes { results { submissionsCount "
        "questions { answersCount options { count } } } } } } } }",
        {"c": str(component.id)},
    )

    assert secret not in str(everything)
    assert everything["data"]["component"]["surveys"]["nodes"][0]["results"] == {
        "submissionsCount": 1,
        "questions": [{"answersCount": 1, "options": []}, {"answersCount": 1, "options": [{"count": 1}]}],
    }


def _selection(schema: GraphQLSchema, type_name: str, depth: int) -> str:
    """Every field of the type and of the types it leads to, a few levels deep (Decidim's side)."""
    kind = schema.type_map[type_name]
    parts = ["__typename"]
    for name, field in getattr(kind, "fields", {}).items():
        target = get_named_type(field.type)
        required = [f'{a}: "1"' for a, arg in field.args.items() if str(arg.type).endswith("!")]
        args = f"({', '.join(required)})" if required else ""
        if is_leaf_type(target):
            parts.append(f"{name}{args}")
        elif depth < 5 and target.name not in {"ParticipatorySpace", "QuestionnaireEntityInterface"}:
            parts.append(f"{name}{args} {{ {_selection(schema, target.name, depth + 1)} }}")
        elif target.name == "QuestionnaireEntityInterface":
            parts.append(f"{name} {{ id }}")
    return " ".join(parts)


def test_every_decidim_surveys_query_validates(participa: GraphQLSchema) -> None:
    if not REFERENCE.exists():
        pytest.skip(f"Decidim reference schema not found at {REFERENCE}")
    decidim = build_schema(REFERENCE.read_text(encoding="utf-8"))
    document = parse(f'query {{ component(id: "1") {{ ... on Surveys {{ {_selection(decidim, "Surveys", 1)} }} }} }}')

    assert validate(decidim, document) == []
    assert [e.message for e in validate(participa, document)] == []
