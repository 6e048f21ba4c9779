"""Building blocks every accountability write shares: the transaction, who acts, target rows, history."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

import models
from models.kinds import ResourceKind
from resolvers.accountability import forms, policies
from resolvers.actors import require_participant
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.components.writable import writable_component
from resolvers.errors import Conflict, NotFound
from resolvers.visibility import proposal_visible

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterable, Mapping, Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

RESULT = ResourceKind.RESULT.value
# Milestones are traced (as Decidim traces timeline entries) but hang on nothing polymorphic.
MILESTONE = "timeline_entry"


@dataclass(frozen=True, slots=True)
class Written:
    """A result as the write left it, with the settings it is shown with (comment flags)."""

    result: models.Result
    settings: EffectiveSettings


@contextlib.asynccontextmanager
async def transaction(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction; a constraint violation from a concurrent write becomes a ``CONFLICT``."""
    try:
        async with sessionmaker() as session, session.begin():
            yield session
    except IntegrityError as exc:
        msg = "Someone changed this at the same moment; reload and try again."
        raise Conflict(msg, reason="CONCURRENT_CHANGE") from exc


def screen_viewer(scope: Scope) -> None:
    """Refuse at once a viewer who could never write here (the transaction checks their account again)."""
    reason = policies.may_try(
        signed_in=scope.viewer.user_id is not None, organization_admin=scope.viewer.organization_admin
    )
    if reason is not None:
        raise policies.denial(reason)


async def require_admin(session: AsyncSession, scope: Scope) -> models.User:
    """The acting administrator: signed in and able to act (else UNAUTHENTICATED/FORBIDDEN), and an admin."""
    user = await require_participant(session, scope)
    reason = policies.may_manage_results(organization_admin=scope.viewer.organization_admin)
    if reason is not None:
        raise policies.denial(reason)
    return user


async def component_and_settings(
    session: AsyncSession, *, scope: Scope, component_id: int
) -> tuple[models.Component, EffectiveSettings]:
    component = await writable_component(
        session, scope=scope, component_id=component_id, manifest_name="accountability"
    )
    return component, await settings_for(session, component)


async def lock_results(
    session: AsyncSession, *, component_id: int, ids: Iterable[int | None]
) -> dict[int, models.Result]:
    """Live results of the component, row-locked in id order (two writes never wait on each other in a loop).

    ``FOR NO KEY UPDATE`` still lets other transactions insert rows that point at them (comments, links).
    """
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    r = models.Result
    stmt = (
        select(r)
        .where(r.id.in_(wanted), r.component_id == component_id, r.deleted_at.is_(None))  # type: ignore[arg-type,union-attr]
        .order_by(r.id)  # type: ignore[arg-type]
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    return {row.id: row for row in (await session.scalars(stmt)).all()}  # type: ignore[misc]


async def target_result(session: AsyncSession, *, component_id: int, result_id: int) -> models.Result:
    found = await lock_results(session, component_id=component_id, ids=[result_id])
    if result_id not in found:
        msg = "No such result in this component."
        raise NotFound(msg)
    return found[result_id]


async def descendant_ids(session: AsyncSession, *, result_id: int) -> frozenset[int]:
    r = models.Result
    tree = select(r.id).where(r.parent_id == result_id).cte("descendants", recursive=True)  # type: ignore[arg-type,call-overload]
    child = aliased(r)
    tree = tree.union(select(child.id).where(child.parent_id == tree.c.id))  # type: ignore[arg-type,call-overload]
    return frozenset((await session.scalars(select(tree.c.id))).all())


async def _exists(session: AsyncSession, stmt: Any) -> bool:
    return await session.scalar(stmt) is not None


async def _status(session: AsyncSession, *, component: models.Component, status_id: int) -> models.ResultStatus | None:
    s = models.ResultStatus
    stmt = select(s).where(s.id == status_id, s.component_id == component.id)  # type: ignore[arg-type]
    return (await session.scalars(stmt)).first()


async def _parent_error(
    session: AsyncSession, *, component: models.Component, parent_id: int, result_id: int | None
) -> str | None:
    r = models.Result
    parent = select(r.id).where(r.id == parent_id, r.component_id == component.id, r.deleted_at.is_(None))  # type: ignore[arg-type,call-overload,union-attr]
    if not await _exists(session, parent):
        return "not a result of this component"
    if result_id is None:
        return None
    below = await descendant_ids(session, result_id=result_id)
    if not policies.parent_allowed(result_id=result_id, parent_id=parent_id, descendant_ids=below):
        return "cannot be the result itself or one of its descendants"
    return None


async def _classification_errors(
    session: AsyncSession, *, component: models.Component, values: Mapping[str, Any]
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values.get("category_id") is not None:
        c = models.Category
        category = select(c.id).where(  # type: ignore[call-overload]
            c.id == values["category_id"], c.space_kind == component.space_kind, c.space_id == component.space_id
        )
        if not await _exists(session, category):
            errors[forms.name("category_id")] = "not a category of this participatory space"
    if values.get("scope_id") is not None:
        sc = models.Scope
        territory = select(sc.id).where(sc.id == values["scope_id"], sc.organization_id == component.organization_id)  # type: ignore[call-overload]
        if not await _exists(session, territory):
            errors[forms.name("scope_id")] = "not a scope of this organization"
    return errors


async def _external_id_taken(
    session: AsyncSession, *, component: models.Component, external_id: str, result_id: int | None
) -> bool:
    r = models.Result
    taken = select(r.id).where(r.component_id == component.id, r.external_id == external_id)  # type: ignore[arg-type,call-overload]
    if result_id is not None:
        taken = taken.where(r.id != result_id)
    return await _exists(session, taken)


async def check_references(
    session: AsyncSession,
    *,
    scope: Scope,
    component: models.Component,
    values: Mapping[str, Any],
    proposal_ids: Sequence[int] | None,
    result_id: int | None = None,
) -> models.ResultStatus | None:
    """Every id the attributes name must be the component's (or its space's, or its organization's).

    Returns the status named, if any (its progress may stand for a progress left out). All problems are
    reported at once.
    """
    errors: dict[str, str] = {}
    status: models.ResultStatus | None = None
    if values.get("status_id") is not None:
        status = await _status(session, component=component, status_id=values["status_id"])
        if status is None:
            errors[forms.name("status_id")] = "not a status of this component"
    if values.get("parent_id") is not None:
        problem = await _parent_error(session, component=component, parent_id=values["parent_id"], result_id=result_id)
        if problem is not None:
            errors[forms.name("parent_id")] = problem
    errors |= await _classification_errors(session, component=component, values=values)
    external_id = values.get("external_id")
    if external_id is not None and await _external_id_taken(
        session, component=component, external_id=external_id, result_id=result_id
    ):
        errors[forms.name("external_id")] = "already used by another result of this component"
    if proposal_ids:
        found = await _space_proposals(session, scope=scope, component=component, ids=proposal_ids)
        if missing := sorted(set(proposal_ids) - found):
            listed = ", ".join(str(i) for i in missing)
            errors[forms.name("proposal_ids")] = f"not visible proposals of this participatory space: {listed}"
    forms.fail(errors, what="result")
    return status


async def _space_proposals(
    session: AsyncSession, *, scope: Scope, component: models.Component, ids: Sequence[int]
) -> set[int]:
    p = models.Proposal
    c = models.Component
    same_space = select(c.id).where(c.space_kind == component.space_kind, c.space_id == component.space_id)  # type: ignore[call-overload]
    stmt = select(p.id).where(p.id.in_(ids), p.component_id.in_(same_space), proposal_visible(scope))  # type: ignore[call-overload,union-attr,attr-defined]
    return set((await session.scalars(stmt)).all())


async def linked_proposal_ids(session: AsyncSession, *, result_id: int) -> list[int]:
    link = models.ResultProposalLink
    stmt = select(link.proposal_id).where(link.result_id == result_id).order_by(link.id)  # type: ignore[arg-type,call-overload]
    return list((await session.scalars(stmt)).all())


def check_merged_dates(row: models.Result, values: Mapping[str, Any]) -> None:
    """Dates must stay in order once the update is applied to what is stored."""
    errors: dict[str, str] = {}
    forms.check_dates(values.get("start_date", row.start_date), values.get("end_date", row.end_date), errors=errors)
    forms.fail(errors, what="result")


def reference(*, prefix: str, result_id: int, created_at: datetime, time_zone: str) -> str:
    """Decidim's reference, e.g. ``LA-RESU-2026-01-1234`` (month of creation in the organization's zone)."""
    local = created_at.astimezone(ZoneInfo(time_zone))
    return f"{prefix}-RESU-{local:%Y-%m}-{result_id}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def changeset(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that changed, in paper_trail's shape (Decidim's versions)."""
    return {
        key: [_jsonable(before.get(key)), _jsonable(value)] for key, value in after.items() if before.get(key) != value
    }


def record_version(
    session: AsyncSession,
    *,
    organization_id: int,
    item: tuple[str, int],
    event: str,
    changes: dict[str, Any],
    user_id: int,
) -> None:
    if not changes and event == "update":
        return
    session.add(
        models.Version(
            organization_id=organization_id,
            item_kind=item[0],
            item_id=item[1],
            event=event,
            changeset=changes,
            whodunnit_id=user_id,
        )
    )
