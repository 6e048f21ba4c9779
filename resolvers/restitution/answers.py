"""Answering proposals (Decidim's ``ProposalMutation.answer``) and publishing answers in bulk.

An answer is private until published: at once when the step's ``publish_answers_immediately`` is on,
otherwise by ``publish_answers``. Publishing is what the public sees (``state_published_at``) and what
notifies the proposal's authors and supporters, in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

import models
from resolvers.errors import BadUserInput, NotFound
from resolvers.permissions import Action, require
from resolvers.proposals import content
from resolvers.proposals.writing import Written, component_and_settings, record_version, target_proposal, transaction
from resolvers.restitution.notifications import notify_answer

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.components.settings import EffectiveSettings
    from resolvers.visibility import Scope

STANDARD_STATES = frozenset({"accepted", "rejected", "evaluating"})
# Custom states are tokens an admin defined (Decidim 0.28+): lowercase words joined by underscores.
CUSTOM_STATE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_ANSWER = 10_000
MAX_COST = Decimal("999999999999.99")
ANSWER_FIELDS = ("state", "answer", "cost", "cost_report", "execution_period", "state_published_at")


@dataclass(frozen=True, slots=True)
class AnswerData:
    state: str
    answer: dict[str, str] = field(default_factory=dict)
    cost: str | float | None = None
    cost_report: dict[str, str] | None = None
    execution_period: dict[str, str] | None = None


def _translations(
    value: dict[str, Any] | None, *, name: str, locales: list[str], errors: dict[str, str]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for locale, text in (value or {}).items():
        if locale not in locales:
            errors[f"attributes.{name}"] = f"unknown locale {locale!r}"
        elif not isinstance(text, str):
            errors[f"attributes.{name}"] = "texts must be strings"
        elif len(text) > MAX_ANSWER:
            errors[f"attributes.{name}"] = f"at most {MAX_ANSWER} characters"
        elif text.strip():
            out[locale] = text.strip()
    return out


def _cost(value: str | float | None, errors: dict[str, str]) -> Decimal | None:
    if value is None:
        return None
    try:
        cost = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        errors["attributes.cost"] = "not a number"
        return None
    if not Decimal(0) <= cost <= MAX_COST:
        errors["attributes.cost"] = "must be between 0 and 999999999999.99"
    return cost


def clean(data: AnswerData, *, settings: EffectiveSettings, locales: list[str]) -> dict[str, Any]:
    """The answer's columns, or BAD_USER_INPUT naming every wrong field at once."""
    errors: dict[str, str] = {}
    state = data.state.strip()
    if state not in STANDARD_STATES and not CUSTOM_STATE.match(state):
        errors["attributes.state"] = "accepted, rejected, evaluating or a custom state token"
    values: dict[str, Any] = {
        "state": state,
        "answer": _translations(data.answer, name="answer", locales=locales, errors=errors),
        "cost": _cost(data.cost, errors),
        "cost_report": _translations(data.cost_report, name="costReport", locales=locales, errors=errors),
        "execution_period": _translations(
            data.execution_period, name="executionPeriod", locales=locales, errors=errors
        ),
    }
    if state == "rejected" and not values["answer"] and "attributes.answer" not in errors:
        errors["attributes.answer"] = "a rejection must say why"  # as Decidim's answer form
    if state == "accepted" and settings.get("answers_with_costs"):
        required = {"cost": "attributes.cost", "cost_report": "attributes.costReport"}
        required["execution_period"] = "attributes.executionPeriod"
        for column, name in required.items():
            if values[column] in (None, {}) and name not in errors:
                errors[name] = "required for an accepted proposal when answers include costs"
    if errors:
        msg = "Invalid answer: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)
    return values


async def _space_permission(session: AsyncSession, scope: Scope, component: models.Component) -> int:
    """Who answers, once allowed (``require`` refuses anonymous viewers)."""
    await require(
        session,
        scope,
        action=Action.ANSWER_PROPOSALS,
        space_kind=component.space_kind,
        space_id=component.space_id,
    )
    return int(scope.viewer.user_id or 0)


async def answer_proposal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    proposal_id: int,
    data: AnswerData,
    now: datetime | None = None,
) -> Written:
    """Answer (org admins, space admins, the space's evaluators); published now or later per the step."""
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        component, settings = await component_and_settings(session, scope=scope, component_id=component_id)
        actor = await _space_permission(session, scope, component)
        values = clean(data, settings=settings, locales=list(organization.available_locales))
        proposal = await target_proposal(session, scope=scope, component_id=component_id, proposal_id=proposal_id)
        if proposal.published_at is None:
            msg = "No such proposal in this component."  # drafts are their authors' business
            raise NotFound(msg)
        publish = bool(settings.get("publish_answers_immediately", True))
        values["state_published_at"] = now if publish else None
        before = {name: getattr(proposal, name) for name in ANSWER_FIELDS}
        for name, value in values.items():
            setattr(proposal, name, value)
        proposal.answered_at = now
        changes = content.changeset(before, values)
        record_version(session, proposal=proposal, event="answer", changes=changes, user_id=actor)
        await session.flush()
        if publish:
            await notify_answer(session, proposal)
        await session.refresh(proposal)
    return Written(proposal, settings)


async def publish_answers(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    proposal_ids: list[int] | None,
    now: datetime | None = None,
) -> list[int]:
    """Publish the component's answered-but-unpublished answers (all, or those of ``proposal_ids``).

    Returns the ids published; already published or unanswered proposals are left as they are.
    """
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        component, _ = await component_and_settings(session, scope=scope, component_id=component_id)
        actor = await _space_permission(session, scope, component)
        p = models.Proposal
        stmt = select(p).where(
            p.component_id == component_id,  # type: ignore[arg-type]
            p.published_at.is_not(None),  # type: ignore[union-attr]
            p.answered_at.is_not(None),  # type: ignore[union-attr]
            p.state_published_at.is_(None),  # type: ignore[union-attr]
            p.state.is_not(None),  # type: ignore[union-attr]
        )
        if proposal_ids is not None:
            stmt = stmt.where(p.id.in_(proposal_ids))  # type: ignore[union-attr]
        rows = list((await session.scalars(stmt.order_by(p.id).with_for_update(key_share=True, of=p))).all())  # type: ignore[arg-type, union-attr]
        for proposal in rows:
            proposal.state_published_at = now
            changes = content.changeset({}, {"state_published_at": now})
            record_version(session, proposal=proposal, event="publish_answer", changes=changes, user_id=actor)
            await notify_answer(session, proposal)
        await session.flush()
    return [int(row.id) for row in rows]  # type: ignore[arg-type]
