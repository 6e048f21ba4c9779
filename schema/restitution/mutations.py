"""Answering proposals (``ProposalMutation.answer``, as Decidim develop), publishing answers, importing.

Each hands the write to ``resolvers.restitution`` (one transaction), then forgets what the request's
loaders had read.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput
from resolvers.filters import parse_id
from resolvers.restitution import answers, imports
from resolvers.restitution.import_rows import ImportFormat as RowsFormat
from resolvers.restitution.notifications import viewer_notifications
from schema.proposals.types import Proposal
from schema.restitution.inputs import AnswerInput, ImportFormat
from schema.restitution.types import ImportResult, Notification


def _translations(value: Any, name: str) -> dict[str, str] | None:
    if value is None or value is strawberry.UNSET:
        return None
    if not isinstance(value, dict):
        msg = f'{name} is an object of texts by locale, e.g. {{"fr": "..."}}.'
        raise BadUserInput(msg, fields={f"attributes.{name}": "an object of texts by locale"})
    return value


def _id(value: strawberry.ID, field: str) -> int:
    pk = parse_id(value, field=field)
    assert pk is not None  # noqa: S101 - required arguments are never null
    return pk


async def answer_proposal(info: Info, *, component_id: int, proposal_id: int, input: AnswerInput) -> Proposal:
    """``ProposalMutation.answer``: org admins, space admins and the space's evaluators."""
    ctx = info.context
    attributes = input.attributes
    data = answers.AnswerData(
        state=attributes.state,
        answer=_translations(attributes.answer, "answer") or {},
        cost=attributes.cost,
        cost_report=_translations(attributes.cost_report, "costReport"),
        execution_period=_translations(attributes.execution_period, "executionPeriod"),
    )
    written = await answers.answer_proposal(
        ctx.sessionmaker,
        scope=ctx.scope,
        organization=ctx.organization,
        component_id=component_id,
        proposal_id=proposal_id,
        data=data,
    )
    ctx.loaders.clear_all()
    return Proposal.from_model(written.proposal, written.settings)


@strawberry.type
class RestitutionMutations:
    @strawberry.mutation(
        description="Participa: publish the component's unpublished answers (all, or those of `proposalIds`); "
        "notifies authors and supporters. Answers the ids of the proposals published."
    )
    async def publish_answers(
        self, info: Info, component_id: strawberry.ID, proposal_ids: list[strawberry.ID] | None = None
    ) -> list[strawberry.ID] | None:
        ctx = info.context
        ids = None if proposal_ids is None else [_id(pk, "proposalIds") for pk in proposal_ids]
        published = await answers.publish_answers(
            ctx.sessionmaker, scope=ctx.scope, component_id=_id(component_id, "componentId"), proposal_ids=ids
        )
        ctx.loaders.clear_all()
        return [strawberry.ID(str(pk)) for pk in published]

    @strawberry.mutation(
        description="Participa: import proposals from a CSV or JSON file's content. Every row is checked first; "
        "any error (BAD_USER_INPUT, `extensions.fields` keyed by line and column) imports nothing. Rows whose "
        "external_id was already imported into the component are left as they are."
    )
    async def import_proposals(
        self, info: Info, component_id: strawberry.ID, format: ImportFormat, content: str
    ) -> ImportResult | None:
        ctx = info.context
        outcome = await imports.import_proposals(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=_id(component_id, "componentId"),
            fmt=RowsFormat(format.value),
            text=content,
        )
        ctx.loaders.clear_all()
        return ImportResult.from_outcome(outcome)


@strawberry.type
class RestitutionQueries:
    @strawberry.field(description="Participa: the signed-in viewer's own notifications, newest first.")
    async def notifications(self, info: Info, first: int = 20) -> list[Notification]:
        ctx = info.context
        rows = await viewer_notifications(ctx.sessionmaker, scope=ctx.scope, first=first)
        return [Notification.from_model(row) for row in rows]
