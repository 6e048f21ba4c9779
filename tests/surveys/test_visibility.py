"""Who sees which surveys, through every path: the component, ``node(id)``, ``forEntity``, the answer mutation."""

from __future__ import annotations

from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import Make
from tests.surveys.conftest import ANSWER, Built, Q, answer_input, error_codes, survey, surveys_component, token

THROUGH_COMPONENT = "query($c: ID!, $s: ID!) { component(id: $c) { ... on Surveys { survey(id: $s) { id } } } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


def _ids(b: Built) -> list[str]:
    question = b.questions[0]
    return [
        str(b.survey.id),
        str(b.questionnaire.id),
        str(question.id),
        str(b.options[question.id][0].id),  # type: ignore[index]
        str(b.rows[question.id][0].id),  # type: ignore[index]
    ]


async def _built(make: Make, **component: Any) -> Built:
    return await survey(
        make,
        component=await surveys_component(make, **component),
        questions=(Q("matrix_single", options=("Oui",), rows=("Matin",)),),
        fresh=False,
    )


async def _seen(execute: Any, org: Any, b: Built, **kw: Any) -> dict[str, Any]:
    through = await execute(
        THROUGH_COMPONENT, {"c": str(b.survey.component_id), "s": str(b.survey.id)}, organization=org, **kw
    )
    nodes = await execute(NODES, {"ids": _ids(b)}, organization=org, **kw)
    return {"component": through["data"]["component"], "nodes": nodes["data"]["nodes"]}


def everything(b: Built) -> dict[str, Any]:
    types = ["Survey", "Questionnaire", "Question", "AnswerOption", "MatrixRow"]
    return {
        "component": {"survey": {"id": str(b.survey.id)}},
        "nodes": [{"__typename": t, "id": i} for t, i in zip(types, _ids(b), strict=True)],
    }


NOTHING = {"component": None, "nodes": [None] * 5}


async def test_anonymous_visitor_reaches_a_published_survey_by_every_path(make: Make, execute: Any, org: Any) -> None:
    b = await _built(make)

    assert await _seen(execute, org, b) == everything(b)


async def test_survey_of_an_unpublished_component_is_invisible_except_to_admins(
    make: Make, execute: Any, org: Any
) -> None:
    b = await _built(make, published=False)
    admin = await make.user(admin=True)

    assert await _seen(execute, org, b) == NOTHING
    assert await _seen(execute, org, b, viewer=Viewer(user_id=(await make.user()).id)) == NOTHING
    assert await _seen(execute, org, b, viewer=Viewer(user_id=admin.id, organization_admin=True)) == everything(b)


@pytest.mark.parametrize(
    "space", [{"published_at": None}, {"private_space": True}], ids=["unpublished space", "private space"]
)
async def test_survey_of_an_invisible_space_is_invisible(
    make: Make, execute: Any, org: Any, space: dict[str, Any]
) -> None:
    process = await make.process(**space)
    b = await survey(
        make,
        component=await surveys_component(make, space=process),
        questions=(Q("matrix_single", options=("Oui",), rows=("Matin",)),),
        fresh=False,
    )

    assert await _seen(execute, org, b) == NOTHING


async def test_survey_of_another_organization_is_invisible(make: Make, execute: Any) -> None:
    other = await make.organization()
    b = await survey(
        make,
        component=await surveys_component(make, space=await make.process(organization=other)),
        questions=(Q("matrix_single", options=("Oui",), rows=("Matin",)),),
        fresh=False,
    )
    here = await make.org(None)
    admin_here = await make.user(admin=True)

    assert await _seen(execute, here, b) == NOTHING
    assert await _seen(execute, here, b, viewer=Viewer(user_id=admin_here.id, organization_admin=True)) == NOTHING
    assert await _seen(execute, other, b) == everything(b)


async def test_nobody_answers_a_survey_they_cannot_see(make: Make, gql: Any, bearer: Any) -> None:
    unpublished = await _built(make, published=False, step={"allow_answers": True, "allow_unregistered": True})
    other_org = await make.organization()
    foreign = await survey(
        make,
        component=await surveys_component(
            make,
            space=await make.process(organization=other_org),
            step={"allow_answers": True, "allow_unregistered": True},
        ),
        fresh=False,
    )
    admin = await bearer(await make.user(admin=True))

    for b in (unpublished, foreign):
        anonymous = await gql(ANSWER, answer_input(b, [], sessionToken=token()))
        as_admin = await gql(ANSWER, answer_input(b, []), headers=admin)
        assert error_codes(anonymous) == [("NOT_FOUND", None)]
        assert error_codes(as_admin) == [("NOT_FOUND", None)]


async def test_a_survey_component_is_a_surveys_node(make: Make, execute: Any, org: Any) -> None:
    component = await surveys_component(make)

    body = await execute(
        "query($id: ID!) { node(id: $id) { __typename id } }", {"id": str(component.id)}, organization=org
    )

    assert body == {"data": {"node": {"__typename": "Surveys", "id": str(component.id)}}}


async def test_questionnaire_of_an_unknown_owner_kind_has_no_entity(make: Make, execute: Any, org: Any) -> None:
    b = await _built(make)
    async with make.sessionmaker() as session:
        row = await session.get(models.Questionnaire, b.questionnaire.id)
        assert row is not None
        row.questionnaire_for_kind = "meeting"  # not registered yet: no owner loader, so not visible either
        await session.commit()

    body = await execute("query($id: ID!) { node(id: $id) { id } }", {"id": str(b.questionnaire.id)}, organization=org)

    assert body == {"data": {"node": None}}
