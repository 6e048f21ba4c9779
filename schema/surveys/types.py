"""The ``Survey`` type, as Decidim's, plus whether it takes answers now and its results when they are public."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from models.kinds import ResourceKind
from resolvers.surveys import policies
from schema.interfaces import Node, TimestampsInterface
from schema.surveys.forms import QUESTIONNAIRE_OWNERS, Questionnaire, QuestionnaireEntityInterface
from schema.surveys.results import SurveyResults, load_results

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings

SURVEY = ResourceKind.SURVEY.value


@strawberry.type(description="A survey: one questionnaire that participants answer once each.")
class Survey(QuestionnaireEntityInterface, TimestampsInterface, Node):
    accepts_answers: bool = strawberry.field(
        description="Participa: whether answers are accepted now (the step allows them, within startsAt/endsAt)."
    )
    allows_answers_without_account: bool = strawberry.field(
        description="Participa: whether visitors without an account may answer, once per session token they keep."
    )
    starts_at: datetime | None = strawberry.field(description="Participa: answers are accepted from then on.")
    ends_at: datetime | None = strawberry.field(description="Participa: answers are accepted until then.")
    pk: strawberry.Private[int]
    settings: strawberry.Private[Any]
    answered: strawberry.Private[bool]

    @classmethod
    def from_model(cls, row: models.Survey, settings: EffectiveSettings, *, answered: bool = False) -> Survey:
        """``settings`` are the component's, in force now; ``answered`` when the request just answered it."""
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            created_at=row.created_at,
            updated_at=row.updated_at,
            accepts_answers=policies.accepts_answers(settings, now=datetime.now(UTC)),
            allows_answers_without_account=policies.answers_without_account(settings),
            starts_at=settings.get("starts_at"),
            ends_at=settings.get("ends_at"),
            settings=settings,
            answered=answered,
        )

    @strawberry.field(description="The questionnaire to answer.")
    async def questionnaire(self, info: Info) -> Questionnaire | None:
        row = await info.context.loaders.questionnaire_by_owner.load((SURVEY, self.pk))
        return Questionnaire.from_model(row) if row is not None else None

    @strawberry.field(
        description="Participa: whether the signed-in viewer has answered it (false for visitors without an "
        "account, except in the answer they just gave)."
    )
    async def viewer_has_answered(self, info: Info) -> bool:
        if self.answered:
            return True
        if info.context.viewer.user_id is None:
            return False
        row = await info.context.loaders.questionnaire_by_owner.load((SURVEY, self.pk))
        if row is None:
            return False
        return bool(await info.context.loaders.viewer_answered_questionnaire.load(row.id))

    @strawberry.field(
        description="Participa: aggregated answers (counts per question, option, row and rank; never who answered "
        "what). Organization admins always see them; everyone else once the step publishes them; null otherwise."
    )
    async def results(self, info: Info) -> SurveyResults | None:
        if not policies.results_visible(self.settings, organization_admin=info.context.viewer.organization_admin):
            return None
        row = await info.context.loaders.questionnaire_by_owner.load((SURVEY, self.pk))
        if row is None:
            return None
        return await load_results(info, row.id)


async def survey_node(row: models.Survey, info: Info) -> Survey:
    """A visible survey row as its GraphQL type (``node(id:)``, ``forEntity``)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Survey.from_model(row, settings)


async def _survey_entity(info: Info, pk: int) -> Survey | None:
    row = await info.context.loaders.survey_by_id.load(pk)
    return await survey_node(row, info) if row is not None else None


QUESTIONNAIRE_OWNERS[SURVEY] = _survey_entity
