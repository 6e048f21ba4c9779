"""Who may answer, and when: participants while the step allows answers and within the survey's window;
visitors without an account only where the survey allows it, once per session token."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

import models
from tests.builders import Make
from tests.surveys.conftest import (
    ANSWER,
    EVERY_TYPE,
    answer_input,
    count,
    error_codes,
    fields_of,
    full_answers,
    survey,
    surveys_component,
    token,
)

NOW = datetime.now(UTC)


def ok(b: Any) -> dict[str, Any]:
    return {"data": {"answerSurvey": {"id": str(b.survey.id), "viewerHasAnswered": True}}}


@pytest.mark.parametrize(
    "case",
    [
        ({"allow_answers": False}, {}, "ANSWERS_CLOSED"),
        ({}, {}, "ANSWERS_CLOSED"),
        ({"allow_answers": True}, {"starts_at": (NOW + timedelta(days=1)).isoformat()}, "NOT_STARTED"),
        ({"allow_answers": True}, {"ends_at": (NOW - timedelta(minutes=1)).isoformat()}, "ENDED"),
    ],
    ids=["step closes answers", "step says nothing", "before starts_at", "after ends_at"],
)
async def test_participant_cannot_answer_when_answers_are_closed(
    make: Make, gql: Any, bearer: Any, case: tuple[dict[str, Any], dict[str, Any], str]
) -> None:
    step, global_settings, reason = case
    component = await surveys_component(make, step=step, **global_settings)
    b = await survey(make, component=component, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(await make.user()))

    assert body["data"] == {"answerSurvey": None}
    assert error_codes(body) == [("FORBIDDEN", reason)]
    assert await count(make, models.QuestionnaireSubmission) == 0


async def test_participant_answers_within_the_window(make: Make, gql: Any, bearer: Any) -> None:
    component = await surveys_component(
        make,
        starts_at=(NOW - timedelta(days=1)).isoformat(),
        ends_at=(NOW + timedelta(days=1)).isoformat(),
    )
    b = await survey(make, component=component, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(await make.user()))

    assert body == ok(b)


async def test_the_active_step_decides_whether_answers_are_open(make: Make, gql: Any, bearer: Any) -> None:
    process = await make.process()
    closed = await make.step(process=process, active=True)
    component = await make.component(
        space=process,
        manifest_name="surveys",
        default_step_settings={"allow_answers": True},
        step_settings={str(closed.id): {"allow_answers": False}},
    )
    b = await survey(make, component=component, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(await make.user()))

    assert error_codes(body) == [("FORBIDDEN", "ANSWERS_CLOSED")]


async def test_visitor_without_account_cannot_answer_unless_allowed(make: Make, gql: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=token()))

    assert body["data"] == {"answerSurvey": None}
    assert error_codes(body) == [("UNAUTHENTICATED", None)]
    assert await count(make, models.QuestionnaireSubmission) == 0


@pytest.mark.parametrize(
    ("step", "global_settings"),
    [
        ({"allow_answers": True, "allow_unregistered": True}, {}),
        ({"allow_answers": True}, {"allow_anonymous_answers": True}),
    ],
    ids=["step allows unregistered", "survey allows anonymous answers"],
)
async def test_visitor_without_account_answers_once_per_session_token(
    make: Make, gql: Any, step: dict[str, Any], global_settings: dict[str, Any]
) -> None:
    component = await surveys_component(make, step=step, **global_settings)
    b = await survey(make, component=component, questions=EVERY_TYPE)
    mine, theirs = token(), token()

    first = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=mine))
    again = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=mine))
    other = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=theirs))

    assert first == ok(b)
    assert error_codes(again) == [("CONFLICT", "ALREADY_ANSWERED")]
    assert other == ok(b)
    async with make.sessionmaker() as session:
        rows = (
            await session.scalars(select(models.QuestionnaireSubmission).order_by(models.QuestionnaireSubmission.id))
        ).all()
        hashes = set((await session.scalars(select(models.QuestionnaireAnswer.session_token_hash))).all())
    # Only a hash, salted with the questionnaire, is kept: never the token itself.
    expected = [hashlib.sha256(f"{b.questionnaire.id}:{t}".encode()).hexdigest() for t in (mine, theirs)]
    assert [(r.user_id, r.session_token_hash) for r in rows] == [(None, h) for h in expected]
    assert hashes == set(expected)


@pytest.mark.parametrize(
    ("session_token", "fields"),
    [
        (None, {"sessionToken": "required to answer without an account"}),
        ("short", {"sessionToken": "32 to 256 printable ASCII characters, random, kept by the client"}),
        ("x" * 40 + " y", {"sessionToken": "32 to 256 printable ASCII characters, random, kept by the client"}),
    ],
    ids=["missing", "too short", "with a space"],
)
async def test_visitor_without_account_needs_a_proper_session_token(
    make: Make, gql: Any, session_token: str | None, fields: dict[str, str]
) -> None:
    component = await surveys_component(make, step={"allow_answers": True, "allow_unregistered": True})
    b = await survey(make, component=component, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=session_token))

    assert fields_of(body) == fields


async def test_signed_in_participant_answers_as_themselves_even_with_a_token(make: Make, gql: Any, bearer: Any) -> None:
    component = await surveys_component(make, step={"allow_answers": True, "allow_unregistered": True})
    b = await survey(make, component=component, questions=EVERY_TYPE)
    me = await make.user()
    headers = await bearer(me)

    first = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=token()), headers=headers)
    second = await gql(ANSWER, answer_input(b, full_answers(b), sessionToken=token()), headers=headers)

    assert first == ok(b)
    assert error_codes(second) == [("CONFLICT", "ALREADY_ANSWERED")]
    async with make.sessionmaker() as session:
        row = (await session.scalars(select(models.QuestionnaireSubmission))).one()
    assert (row.user_id, row.session_token_hash) == (me.id, None)


async def test_unconfirmed_participant_cannot_answer(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)

    body = await gql(ANSWER, answer_input(b, full_answers(b)), headers=await bearer(await make.user(confirmed_at=None)))

    assert error_codes(body) == [("FORBIDDEN", "UNCONFIRMED")]
    assert await count(make, models.QuestionnaireSubmission) == 0


async def test_blocked_participant_cannot_answer(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)

    # A blocked account's token no longer signs anything in: the request is refused before it runs.
    await gql(
        ANSWER, answer_input(b, full_answers(b)), headers=await bearer(await make.user(blocked=True)), expect_status=401
    )

    assert await count(make, models.QuestionnaireSubmission) == 0
