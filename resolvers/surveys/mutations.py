"""Answering a survey: authorize -> claim the one submission -> validate -> store, in one transaction.

The submission row is inserted first with ``ON CONFLICT DO NOTHING``: its unique constraints (per
participant, per anonymous session token) make the loser of a race, or a second try, a ``CONFLICT``,
and a validation failure afterwards rolls everything back, the claim included (all-or-nothing).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

import models
from models.kinds import ResourceKind
from resolvers.actors import require_participant
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.errors import BadUserInput, Conflict, NotFound, Unauthenticated
from resolvers.surveys import forms, policies, validation
from resolvers.visibility import survey_visible

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

SURVEY = ResourceKind.SURVEY.value


@dataclass(frozen=True, slots=True)
class Answered:
    """The survey just answered, with the settings it was judged by (to render it)."""

    survey: models.Survey
    settings: EffectiveSettings


@dataclass(frozen=True, slots=True)
class Respondent:
    user_id: int | None = None
    session_token: str | None = None


@contextlib.asynccontextmanager
async def _transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    try:
        async with sessionmaker() as session, session.begin():
            yield session
    except IntegrityError as exc:  # e.g. a question removed by an admin at the same moment
        msg = "The survey changed at the same moment; reload it and try again."
        raise Conflict(msg, reason="CONCURRENT_CHANGE") from exc


async def _target(
    session: AsyncSession, *, scope: Scope, survey_id: int, component_id: int | None
) -> tuple[models.Survey, models.Component]:
    """A survey of a published surveys component the viewer may see (even admins answer published ones only)."""
    s, c = models.Survey, models.Component
    stmt = (
        select(s, c)
        .join(c, c.id == s.component_id)  # type: ignore[arg-type]
        .where(
            s.id == survey_id,  # type: ignore[arg-type]
            survey_visible(scope),
            c.published_at.is_not(None),  # type: ignore[union-attr]
            c.manifest_name == "surveys",  # type: ignore[arg-type]
        )
    )
    if component_id is not None:
        stmt = stmt.where(s.component_id == component_id)  # type: ignore[arg-type]
    found = (await session.execute(stmt)).first()
    if found is None:
        msg = "No survey with this id accepts answers here."
        raise NotFound(msg)
    return found[0], found[1]


async def _respondent(
    session: AsyncSession, *, scope: Scope, settings: EffectiveSettings, data: forms.SubmissionInput
) -> Respondent:
    if scope.viewer.user_id is not None:
        user = await require_participant(session, scope)
        return Respondent(user_id=user.id)
    if not policies.answers_without_account(settings):
        msg = "Sign in to answer this survey."
        raise Unauthenticated(msg)
    if data.session_token is None:
        msg = "Answering without an account needs a `sessionToken`: a random secret the client keeps."
        raise BadUserInput(msg, fields={"sessionToken": "required to answer without an account"})
    return Respondent(session_token=data.session_token)


async def _questionnaire(session: AsyncSession, survey: models.Survey) -> models.Questionnaire:
    q = models.Questionnaire
    stmt = select(q).where(q.questionnaire_for_kind == SURVEY, q.questionnaire_for_id == survey.id)  # type: ignore[arg-type]
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "This survey has no questionnaire to answer."
        raise NotFound(msg)
    return row


async def _question_forms(session: AsyncSession, questionnaire_id: int) -> list[forms.QuestionForm]:
    q, o, r = models.Question, models.AnswerOption, models.MatrixRow
    questions = (
        await session.scalars(select(q).where(q.questionnaire_id == questionnaire_id).order_by(q.position, q.id))  # type: ignore[arg-type]
    ).all()
    ids = [question.id for question in questions]
    options = (await session.scalars(select(o).where(o.question_id.in_(ids)).order_by(o.position, o.id))).all()  # type: ignore[attr-defined,arg-type]
    rows = (await session.scalars(select(r).where(r.question_id.in_(ids)).order_by(r.position, r.id))).all()  # type: ignore[attr-defined,arg-type]
    return [
        forms.QuestionForm.of(
            question,
            options=[x for x in options if x.question_id == question.id],
            rows=[x for x in rows if x.question_id == question.id],
        )
        for question in questions
    ]


async def _claim(
    session: AsyncSession, *, questionnaire: models.Questionnaire, user_id: int | None, token_hash: str | None
) -> int:
    """The submission's id, or ``CONFLICT`` when this respondent already has one (or is writing it now)."""
    s = models.QuestionnaireSubmission
    stmt = (
        insert(s)
        .values(
            organization_id=questionnaire.organization_id,
            questionnaire_id=questionnaire.id,
            user_id=user_id,
            session_token_hash=token_hash,
        )
        .on_conflict_do_nothing()
        .returning(s.id)  # type: ignore[call-overload]
    )
    submission_id = await session.scalar(stmt)
    if submission_id is None:
        raise policies.denial("ALREADY_ANSWERED")
    return int(submission_id)


async def _store(
    session: AsyncSession,
    *,
    questionnaire: models.Questionnaire,
    submission_id: int,
    respondent: Respondent,
    token_hash: str | None,
    answers: Sequence[forms.ValidAnswer],
) -> None:
    """Two statements whatever the number of answers: the answers, then all their choices."""
    if not answers:
        return
    a = models.QuestionnaireAnswer
    values = [
        {
            "organization_id": questionnaire.organization_id,
            "questionnaire_id": questionnaire.id,
            "question_id": answer.question_id,
            "submission_id": submission_id,
            "user_id": respondent.user_id,
            "session_token_hash": token_hash,
            "body": answer.body,
        }
        for answer in answers
    ]
    inserted = await session.execute(insert(a).values(values).returning(a.question_id, a.id))  # type: ignore[call-overload]
    answer_ids = {int(question_id): int(pk) for question_id, pk in inserted.all()}
    choices = [
        {
            "organization_id": questionnaire.organization_id,
            "answer_id": answer_ids[answer.question_id],
            "answer_option_id": choice.option_id,
            "matrix_row_id": choice.row_id,
            "position": choice.position,
            "custom_body": choice.custom_body,
        }
        for answer in answers
        for choice in answer.choices
    ]
    if choices:
        await session.execute(insert(models.AnswerChoice).values(choices))


def _has_text(values: dict[str, object]) -> bool:
    return any(isinstance(v, str) and v.strip() for k, v in values.items() if k != "machine_translations")


async def answer_survey(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    survey_id: int,
    data: forms.SubmissionInput,
    component_id: int | None = None,
    now: datetime | None = None,
) -> Answered:
    """One submission with all its answers, or nothing at all."""
    forms.check_shape(data, signed_in=scope.viewer.user_id is not None)
    now = now or datetime.now(UTC)
    async with _transaction(sessionmaker) as session:
        survey, component = await _target(session, scope=scope, survey_id=survey_id, component_id=component_id)
        settings = await settings_for(session, component)
        respondent = await _respondent(session, scope=scope, settings=settings, data=data)
        reason = policies.answers_open(settings, now=now)
        if reason is not None:
            raise policies.denial(reason)
        questionnaire = await _questionnaire(session, survey)
        token_hash = None
        if respondent.session_token is not None:
            token_hash = forms.session_token_hash(questionnaire_id=questionnaire.id, token=respondent.session_token)  # type: ignore[arg-type]
        submission_id = await _claim(
            session, questionnaire=questionnaire, user_id=respondent.user_id, token_hash=token_hash
        )
        questions = await _question_forms(session, questionnaire.id)  # type: ignore[arg-type]
        answers = validation.validate(questions, data, tos_required=_has_text(questionnaire.tos))
        await _store(
            session,
            questionnaire=questionnaire,
            submission_id=submission_id,
            respondent=respondent,
            token_hash=token_hash,
            answers=answers,
        )
    return Answered(survey, settings)
