"""Decidim's (admin) write API for budgets: create, update and delete budgets and their projects.

Organization admins only. Each write: one transaction (who acts, the component and its settings, the
target row locked) -> the fresh row with the settings (to render it). Deleting what final votes include
is refused: a budget with checked-out orders, a project with confirmed votes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, select

import models
from models.kinds import ResourceKind
from resolvers.actors import require_participant
from resolvers.budgets import forms, policies
from resolvers.debates.writing import (
    changeset,
    check_classification,
    component_and_settings,
    record_version,
    reference,
    transaction,
)
from resolvers.errors import BadUserInput, NotFound
from resolvers.visibility import budget_visible, project_visible, proposal_visible, visible_component_ids

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.components.settings import EffectiveSettings
    from resolvers.visibility import Scope

MANIFEST = "budgets"
BUDGET = ResourceKind.BUDGET.value
PROJECT = ResourceKind.PROJECT.value

BUDGET_DEFAULTS: dict[str, Any] = {"title": {}, "description": {}, "weight": 0, "total_budget": None}
PROJECT_DEFAULTS: dict[str, Any] = dict.fromkeys(forms.PROJECT_FIELDS) | {"title": {}, "description": {}}


@dataclass(frozen=True, slots=True)
class Written:
    """A budget or a project as the write left it, with the settings in force (to render it)."""

    row: Any
    settings: EffectiveSettings


def _deny(reason: str | None) -> None:
    if reason is not None:
        raise policies.denial(reason)


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    for name in forms.TRANSLATED:
        values[name] = values.get(name) or {}
    return values


async def _admin(
    session: AsyncSession, *, scope: Scope, component_id: int
) -> tuple[models.User, Any, EffectiveSettings]:
    user = await require_participant(session, scope)
    _deny(policies.may_administer(admin=scope.viewer.organization_admin))
    component, settings = await component_and_settings(
        session, scope=scope, component_id=component_id, manifest_name=MANIFEST
    )
    return user, component, settings


async def _budget(session: AsyncSession, *, scope: Scope, component_id: int, budget_id: int) -> models.Budget:
    """The budget, row-locked until commit (``FOR UPDATE``: a delete must wait for, and see, checkouts)."""
    b = models.Budget
    stmt = (
        select(b)
        .where(b.id == budget_id, b.component_id == component_id, budget_visible(scope))  # type: ignore[arg-type]
        .with_for_update(of=b)  # type: ignore[arg-type]
        .execution_options(populate_existing=True)
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such budget in this component."
        raise NotFound(msg)
    return row


async def _project(session: AsyncSession, *, scope: Scope, budget_id: int, project_id: int) -> models.Project:
    p = models.Project
    stmt = (
        select(p)
        .where(p.id == project_id, p.budget_id == budget_id, project_visible(scope))  # type: ignore[arg-type]
        .with_for_update(of=p)  # type: ignore[arg-type]
        .execution_options(populate_existing=True)
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such project in this budget."
        raise NotFound(msg)
    return row


async def create_budget(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, data: forms.BudgetInput
) -> Written:
    values = _normalised(BUDGET_DEFAULTS | dict(data.values))
    async with transaction(sessionmaker) as session:
        user, component, settings = await _admin(session, scope=scope, component_id=component_id)
        forms.check_budget(values)
        budget = models.Budget(organization_id=component.organization_id, component_id=component_id, **values)
        session.add(budget)
        await session.flush()
        record_version(session, row=budget, kind=BUDGET, event="create", changes=changeset({}, values), user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(budget)
    return Written(budget, settings)


async def update_budget(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    budget_id: int,
    data: forms.BudgetInput,
) -> Written:
    async with transaction(sessionmaker) as session:
        user, _, settings = await _admin(session, scope=scope, component_id=component_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        current = {name: getattr(budget, name) for name in forms.BUDGET_FIELDS}
        values = _normalised(current | dict(data.values))
        forms.check_budget(values)
        changes = changeset(current, values)
        for name in changes:
            setattr(budget, name, values[name])
        record_version(session, row=budget, kind=BUDGET, event="update", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(budget)
    return Written(budget, settings)


async def delete_budget(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, component_id: int, budget_id: int
) -> Written:
    """Delete a budget with its projects and unfinished orders; refused once someone has voted in it."""
    async with transaction(sessionmaker) as session:
        _, _, settings = await _admin(session, scope=scope, component_id=component_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        o = models.Order
        voted = await session.scalar(
            select(exists().where(o.budget_id == budget_id, o.checked_out_at.is_not(None)))  # type: ignore[arg-type,union-attr]
        )
        _deny(policies.may_delete_budget(has_final_votes=bool(voted)))
        await session.execute(delete(models.Budget).where(models.Budget.id == budget_id))  # type: ignore[arg-type]
    return Written(budget, settings)


async def _link_proposals(
    session: AsyncSession, *, scope: Scope, project: models.Project, component: models.Component, ids: Sequence[int]
) -> None:
    """Replace the proposals the project comes from: visible proposals of the component's own space only."""
    p, c = models.Proposal, models.Component
    wanted = list(dict.fromkeys(ids))
    same_space = select(c.id).where(  # type: ignore[call-overload]
        c.space_kind == component.space_kind,  # type: ignore[arg-type]
        c.space_id == component.space_id,  # type: ignore[arg-type]
        c.id.in_(visible_component_ids(scope)),  # type: ignore[union-attr]
    )
    stmt = select(p.id).where(p.id.in_(wanted), proposal_visible(scope), p.component_id.in_(same_space))  # type: ignore[union-attr,attr-defined,call-overload]
    found = set((await session.scalars(stmt)).all())
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        msg = f"Proposal {missing[0]} is not a visible proposal of this participatory space."
        raise BadUserInput(msg, fields={"attributes.proposalIds": "visible proposals of the same space only"})
    link = models.ProjectProposalLink
    await session.execute(delete(link).where(link.project_id == project.id))  # type: ignore[arg-type]
    session.add_all(
        link(organization_id=project.organization_id, project_id=project.id, proposal_id=pk)  # type: ignore[arg-type]
        for pk in wanted
    )


async def _write_project(
    session: AsyncSession,
    *,
    component: models.Component,
    project: models.Project,
    data: forms.ProjectInput,
    now: datetime,
) -> dict[str, Any]:
    """Apply the input to the (new or existing) project; return what changed, for its history."""
    current = {name: getattr(project, name) for name in forms.PROJECT_FIELDS} | {"selected_at": project.selected_at}
    values = _normalised({k: v for k, v in current.items() if k != "selected_at"} | dict(data.values))
    forms.check_project(values)
    await check_classification(
        session,
        component=component,
        category_id=values["category_id"] if "category_id" in data.provided else None,
        scope_id=values["scope_id"] if "scope_id" in data.provided else None,
        what="project",
    )
    if data.selected is not None:
        values["selected_at"] = (project.selected_at or now) if data.selected else None
    changes = changeset(current, values)
    for name in changes:
        setattr(project, name, values[name])
    return changes


async def create_project(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    budget_id: int,
    data: forms.ProjectInput,
    now: datetime | None = None,
) -> Written:
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user, component, settings = await _admin(session, scope=scope, component_id=component_id)
        budget = await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        project = models.Project(
            organization_id=budget.organization_id,
            budget_id=budget_id,
            component_id=component_id,
            created_at=now,
            updated_at=now,
            **PROJECT_DEFAULTS,
        )
        changes = await _write_project(session, component=component, project=project, data=data, now=now)
        session.add(project)
        await session.flush()
        if data.proposal_ids is not None:
            await _link_proposals(session, scope=scope, project=project, component=component, ids=data.proposal_ids)
        project.reference = reference(
            prefix=organization.reference_prefix,
            code="PROJ",
            pk=project.id,  # type: ignore[arg-type]
            created_at=now,
            time_zone=organization.time_zone,
        )
        record_version(session, row=project, kind=PROJECT, event="create", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(project)
    return Written(project, settings)


async def update_project(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    budget_id: int,
    project_id: int,
    data: forms.ProjectInput,
    now: datetime | None = None,
) -> Written:
    now = now or datetime.now(UTC)
    async with transaction(sessionmaker) as session:
        user, component, settings = await _admin(session, scope=scope, component_id=component_id)
        await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        project = await _project(session, scope=scope, budget_id=budget_id, project_id=project_id)
        changes = await _write_project(session, component=component, project=project, data=data, now=now)
        if data.proposal_ids is not None:
            await _link_proposals(session, scope=scope, project=project, component=component, ids=data.proposal_ids)
        record_version(session, row=project, kind=PROJECT, event="update", changes=changes, user_id=user.id)  # type: ignore[arg-type]
        await session.flush()
        await session.refresh(project)
    return Written(project, settings)


async def delete_project(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    component_id: int,
    budget_id: int,
    project_id: int,
) -> Written:
    """Delete a project (and its place in unfinished orders); refused once a final vote includes it."""
    async with transaction(sessionmaker) as session:
        _, _, settings = await _admin(session, scope=scope, component_id=component_id)
        await _budget(session, scope=scope, component_id=component_id, budget_id=budget_id)
        project = await _project(session, scope=scope, budget_id=budget_id, project_id=project_id)
        _deny(policies.may_delete_project(confirmed_orders=project.confirmed_orders_count))
        await session.execute(delete(models.Project).where(models.Project.id == project_id))  # type: ignore[arg-type]
    return Written(project, settings)
