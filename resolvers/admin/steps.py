"""A process's calendar: steps created, edited, put in order, and the one active step chosen."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlmodel import col

import models
from models.kinds import SpaceKind
from resolvers.admin.common import apply, check_translations, find_in_org, guard_space, log, raise_if, signed_in
from resolvers.errors import BadUserInput
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

STEP_TRANSLATED = ("title", "description", "cta_text")
STEP_FIELDS = frozenset({*STEP_TRANSLATED, "start_date", "end_date", "cta_path"})
PROCESS = SpaceKind.PARTICIPATORY_PROCESS


def _validate(attrs: dict[str, Any], *, creating: bool) -> None:
    errors: dict[str, str] = {}
    for name in STEP_TRANSLATED:
        if name in attrs or (creating and name == "title"):
            field = "ctaText" if name == "cta_text" else name
            check_translations(attrs.get(name), field=field, errors=errors, required=name == "title")
    for name, field in (("start_date", "startDate"), ("end_date", "endDate")):
        if attrs.get(name) is not None and not isinstance(attrs[name], datetime):
            errors[field] = "a date and time"
    path = attrs.get("cta_path")
    if path is not None and (not isinstance(path, str) or len(path) > 255):
        errors["ctaPath"] = "255 characters at most"
    start, end = attrs.get("start_date"), attrs.get("end_date")
    if isinstance(start, datetime) and isinstance(end, datetime) and end < start:
        errors["endDate"] = "before startDate"
    raise_if(errors)


async def create_step(session: AsyncSession, scope: Scope, *, process_id: int, attrs: dict[str, Any]) -> Any:
    _validate(attrs, creating=True)
    _, process = await guard_space(session, scope, process_id, action=Action.UPDATE_SPACE, lock=True, kind=PROCESS)
    s = models.ParticipatoryProcessStep
    last = await session.scalar(select(func.max(col(s.position))).where(col(s.process_id) == process.id))
    row = s(organization_id=scope.organization_id, process_id=process.id, position=(last or 0) + 1, **attrs)  # type: ignore[arg-type]
    session.add(row)
    await session.flush()
    await log(session, scope, action="step.create", resource=("step", row.id), space=(PROCESS, process.id))
    return row


async def _guarded_step(session: AsyncSession, scope: Scope, step_id: int) -> models.ParticipatoryProcessStep:
    signed_in(scope)
    step: models.ParticipatoryProcessStep = await find_in_org(
        session, scope, models.ParticipatoryProcessStep, step_id, field="stepId"
    )
    await require(session, scope, action=Action.UPDATE_SPACE, space_kind=PROCESS, space_id=step.process_id)
    return step


async def update_step(session: AsyncSession, scope: Scope, *, step_id: int, attrs: dict[str, Any]) -> Any:
    _validate(attrs, creating=False)
    step = await _guarded_step(session, scope, step_id)
    changes = apply(step, attrs)
    await session.flush()
    await log(
        session,
        scope,
        action="step.update",
        resource=("step", step.id),
        space=(PROCESS, step.process_id),
        changes=changes,
    )  # type: ignore[arg-type]
    return step


async def activate_step(session: AsyncSession, scope: Scope, *, step_id: int) -> Any:
    """Exactly one active step: the others are switched off first (a partial unique index holds it)."""
    step = await _guarded_step(session, scope, step_id)
    s = models.ParticipatoryProcessStep
    # Lock the process's steps so two activations in the same process queue up instead of colliding.
    await session.execute(select(col(s.id)).where(col(s.process_id) == step.process_id).with_for_update())
    await session.execute(
        update(s).where(col(s.process_id) == step.process_id, col(s.id) != step.id).values(active=False)
    )
    await session.execute(update(s).where(col(s.id) == step.id).values(active=True))
    await session.refresh(step)
    await log(session, scope, action="step.activate", resource=("step", step.id), space=(PROCESS, step.process_id))
    return step


async def reorder_steps(
    session: AsyncSession, scope: Scope, *, process_id: int, step_ids: Sequence[int]
) -> list[models.ParticipatoryProcessStep]:
    """``step_ids`` lists every step of the process, in the new order; positions become 1, 2, 3..."""
    _, process = await guard_space(session, scope, process_id, action=Action.UPDATE_SPACE, lock=True, kind=PROCESS)
    s = models.ParticipatoryProcessStep
    steps: dict[int, models.ParticipatoryProcessStep] = {
        row.id: row  # type: ignore[misc]  # flushed rows have ids
        for row in await session.scalars(select(s).where(col(s.process_id) == process.id))
    }
    if sorted(step_ids) != sorted(steps) or len(set(step_ids)) != len(step_ids):
        msg = "List every step of the process exactly once."
        raise BadUserInput(msg, fields={"stepIds": "must list each step of the process once"})
    for position, step_id in enumerate(step_ids, start=1):
        steps[step_id].position = position
    await session.flush()
    await log(
        session,
        scope,
        action="step.reorder",
        resource=(PROCESS, process.id),
        space=(PROCESS, process.id),
        changes={"order": list(step_ids)},
    )  # type: ignore[arg-type]
    return [steps[i] for i in step_ids]
