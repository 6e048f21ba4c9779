"""One survey per consultation: a questionnaire of several question types, and the answers it got.

Anonymous answers (where the component allows them) carry the SHA-256 of a made-up session token,
as the answering mutation stores it; every other answer belongs to one participant, once.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime

import models
from app.seed.plan import Plan, Ref
from app.seed.spaces import People, Space, moment
from app.seed.territory import Text
from app.seed.texts import QuestionSpec, fill
from models.kinds import ResourceKind
from models.surveys import QuestionType

SURVEY = ResourceKind.SURVEY.value
# Submissions per consultation (catalog slug); the others get a few dozen.
RESPONDENTS = {
    "route-de-demain": 140,
    "projet-educatif-departemental": 90,
    "aires-de-covoiturage": 70,
    "bien-manger-au-college": 60,
    "panel-citoyen-evaluation": 12,
}
_MATRIX_TYPES = {QuestionType.MATRIX_SINGLE, QuestionType.MATRIX_MULTIPLE}


def _tr(text: Text) -> dict[str, str]:
    return {"fr": text[0], "en": text[1]}


class _Question:
    def __init__(self, spec: QuestionSpec, ref: Ref, options: list[Ref], rows: list[Ref]) -> None:
        self.spec = spec
        self.ref = ref
        self.options = options
        self.rows = rows


class SurveyPlanner:
    def __init__(self, plan: Plan, people: People, space: Space, *, rng: random.Random) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng

    def plan_survey(self, *, respondents: list[Ref] | None = None) -> None:
        space = self.space
        info = space.components.get("surveys")
        if info is None or not space.theme.survey:
            return
        created = space.published_at or moment(self.rng, space.steps[0].start, space.steps[0].start)
        survey = self.plan.child(models.Survey, of=space.ref, component_id=info.ref, created_at=created)
        form = self.plan.child(
            models.Questionnaire,
            of=space.ref,
            questionnaire_for_kind=SURVEY,
            questionnaire_for_id=survey,
            title={"fr": f"Questionnaire : {space.title}", "en": f"Survey: {space.title}"},
            description={
                "fr": "<p>Dix minutes pour nous dire comment vous vivez le sujet au quotidien.</p>",
                "en": "<p>Ten minutes to tell us how this subject affects your daily life.</p>",
            },
            tos={
                "fr": "<p>Vos réponses sont anonymisées et servent uniquement à cette concertation.</p>",
                "en": "<p>Your answers are anonymised and used for this consultation only.</p>",
            },
            created_at=created,
        )
        questions = [self._question(form, position, q, created) for position, q in enumerate(space.theme.survey)]
        window = space.window("contribute")
        if window is None:
            return
        anonymous = bool(info.settings.get("allow_anonymous_answers"))
        count = RESPONDENTS.get(space.key, 35)
        people = respondents if respondents is not None else self.people.pick_many(self.rng, count)
        for index in range(min(count, len(people))):
            token = None
            user: Ref | None = people[index]
            if anonymous and self.rng.random() < 0.3:
                user = None
                token = hashlib.sha256(f"{space.slug}:session:{index}".encode()).hexdigest()
            self._submission(form, questions, user=user, token=token, when=moment(self.rng, *window))

    def _question(self, form: Ref, position: int, spec: QuestionSpec, created: datetime) -> _Question:
        plan = self.plan
        ref = plan.child(
            models.Question,
            of=self.space.ref,
            questionnaire_id=form,
            position=position,
            question_type=spec.type,
            mandatory=spec.mandatory,
            max_choices=spec.max_choices,
            body=_tr(spec.body),
            description=_tr(spec.description),
            created_at=created,
        )
        options = [
            plan.child(
                models.AnswerOption,
                of=self.space.ref,
                question_id=ref,
                position=i,
                body=_tr(option),
                free_text=spec.other and i == len(spec.options) - 1,
                created_at=created,
            )
            for i, option in enumerate(spec.options)
        ]
        rows = [
            plan.child(
                models.MatrixRow, of=self.space.ref, question_id=ref, position=i, body=_tr(row), created_at=created
            )
            for i, row in enumerate(spec.rows)
        ]
        return _Question(spec, ref, options, rows)

    def _submission(
        self, form: Ref, questions: list[_Question], *, user: Ref | None, token: str | None, when: datetime
    ) -> None:
        plan, rng, unit = self.plan, self.rng, self.space.ref
        submission = plan.child(
            models.QuestionnaireSubmission,
            of=unit,
            questionnaire_id=form,
            user_id=user,
            session_token_hash=token,
            created_at=when,
        )
        for question in questions:
            kind = QuestionType(question.spec.type)
            if kind is QuestionType.TITLE_AND_DESCRIPTION or (not question.spec.mandatory and rng.random() < 0.25):
                continue
            body = None
            if kind in {QuestionType.SHORT_ANSWER, QuestionType.LONG_ANSWER}:
                body = fill(rng.choice(question.spec.answers), rng, self.space.towns)
            answer = plan.child(
                models.QuestionnaireAnswer,
                of=unit,
                questionnaire_id=form,
                question_id=question.ref,
                submission_id=submission,
                user_id=user,
                session_token_hash=token,
                body=body,
                created_at=when,
            )
            for option, row, position in self._choices(kind, question):
                free = question.spec.other and option == question.options[-1]
                plan.child(
                    models.AnswerChoice,
                    of=unit,
                    answer_id=answer,
                    answer_option_id=option,
                    matrix_row_id=row,
                    position=position,
                    custom_body="Des trottoirs plus larges." if free else None,
                )

    def _choices(self, kind: QuestionType, question: _Question) -> list[tuple[Ref, Ref | None, int | None]]:
        rng, options = self.rng, question.options
        if kind is QuestionType.SINGLE_OPTION:
            return [(rng.choice(options), None, None)]
        if kind is QuestionType.MULTIPLE_OPTION:
            most = min(question.spec.max_choices or len(options), len(options))
            return [(o, None, None) for o in rng.sample(options, k=rng.randint(1, most))]
        if kind is QuestionType.SORTING:
            return [(o, None, i) for i, o in enumerate(rng.sample(options, k=len(options)))]
        if kind in _MATRIX_TYPES:
            return [(rng.choice(options), row, None) for row in question.rows]
        return []
