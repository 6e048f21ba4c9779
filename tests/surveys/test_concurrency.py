"""One submission per participant holds when requests race: real concurrent HTTP requests with bearer tokens.

Each request runs in its own transaction on its own connection, so these really race in PostgreSQL;
the unique constraints on submissions decide, not a check made beforehand.
"""

from __future__ import annotations

import asyncio
from typing import Any

import models
from tests.builders import Make
from tests.surveys.conftest import (
    ANSWER,
    EVERY_TYPE,
    Built,
    answer_input,
    count,
    full_answers,
    survey,
    surveys_component,
    token,
)


async def fire(gql: Any, b: Built, calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Send every call at once: ``{"headers": ...}`` or ``{"sessionToken": ...}``."""

    async def one(call: dict[str, Any]) -> dict[str, Any]:
        extra = {"sessionToken": call["sessionToken"]} if "sessionToken" in call else {}
        variables = answer_input(b, full_answers(b), **extra)
        return await gql(ANSWER, variables, headers=call.get("headers"))  # type: ignore[no-any-return]

    return list(await asyncio.gather(*(one(c) for c in calls)))


def outcomes(bodies: list[dict[str, Any]]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for body in bodies:
        errors = body.get("errors")
        key = "ok" if not errors else f"{errors[0]['extensions']['code']}:{errors[0]['extensions'].get('reason')}"
        counted[key] = counted.get(key, 0) + 1
    return counted


async def test_two_simultaneous_submissions_by_one_participant_store_exactly_one(
    make: Make, gql: Any, bearer: Any
) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    headers = await bearer(await make.user())

    bodies = await fire(gql, b, [{"headers": headers}] * 2)

    assert outcomes(bodies) == {"ok": 1, "CONFLICT:ALREADY_ANSWERED": 1}
    assert await count(make, models.QuestionnaireSubmission) == 1
    assert await count(make, models.QuestionnaireAnswer) == 7


async def test_twenty_simultaneous_submissions_by_one_participant_store_exactly_one(
    make: Make, gql: Any, bearer: Any
) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    headers = await bearer(await make.user())

    bodies = await fire(gql, b, [{"headers": headers}] * 20)

    assert outcomes(bodies) == {"ok": 1, "CONFLICT:ALREADY_ANSWERED": 19}
    assert await count(make, models.QuestionnaireSubmission) == 1
    assert await count(make, models.QuestionnaireAnswer) == 7
    assert await count(make, models.AnswerChoice) == 11


async def test_simultaneous_anonymous_submissions_with_one_session_token_store_exactly_one(
    make: Make, gql: Any
) -> None:
    component = await surveys_component(make, step={"allow_answers": True, "allow_unregistered": True})
    b = await survey(make, component=component, questions=EVERY_TYPE)
    same = token()

    bodies = await fire(gql, b, [{"sessionToken": same}] * 10)

    assert outcomes(bodies) == {"ok": 1, "CONFLICT:ALREADY_ANSWERED": 9}
    assert await count(make, models.QuestionnaireSubmission) == 1


async def test_fifty_participants_answer_at_once(make: Make, gql: Any, bearer: Any) -> None:
    b = await survey(make, questions=EVERY_TYPE)
    calls = [{"headers": await bearer(await make.user())} for _ in range(50)]

    bodies = await fire(gql, b, calls)

    assert outcomes(bodies) == {"ok": 50}
    assert await count(make, models.QuestionnaireSubmission) == 50
    assert await count(make, models.QuestionnaireAnswer) == 50 * 7
