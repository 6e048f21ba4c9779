"""Building blocks every proposal write shares: the transaction, the target rows, authorship, history."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError

import models
from models.kinds import ResourceKind
from models.users import UserKind
from resolvers.components.settings import EffectiveSettings, settings_for
from resolvers.components.writable import writable_component
from resolvers.errors import BadUserInput, Conflict, NotFound
from resolvers.proposals import policies
from resolvers.proposals.queries import reachable_for_writes
from resolvers.users.loaders import ACTIVE_ROLES

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

PROPOSAL = ResourceKind.PROPOSAL.value


@dataclass(frozen=True, slots=True)
class Written:
    """A proposal as the write left it, with the settings it was judged by (to render it)."""

    proposal: models.Proposal
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


async def component_and_settings(
    session: AsyncSession, *, scope: Scope, component_id: int
) -> tuple[models.Component, EffectiveSettings]:
    component = await writable_component(session, scope=scope, component_id=component_id, manifest_name="proposals")
    return component, await settings_for(session, component)


async def target_proposal(
    session: AsyncSession, *, scope: Scope, component_id: int, proposal_id: int
) -> models.Proposal:
    """The proposal, row-locked until commit so concurrent writes to it apply one after the other.

    ``FOR NO KEY UPDATE`` still lets other transactions insert supports pointing at it.
    """
    p = models.Proposal
    stmt = (
        select(p)
        .where(p.id == proposal_id, p.component_id == component_id, reachable_for_writes(scope))  # type: ignore[arg-type]
        .with_for_update(key_share=True, of=p)  # type: ignore[arg-type]
    )
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No such proposal in this component."
        raise NotFound(msg)
    return row


async def is_author(session: AsyncSession, *, proposal_id: int, user_id: int) -> bool:
    a = models.ProposalCoauthorship
    stmt = select(exists().where(a.proposal_id == proposal_id, a.author_id == user_id))  # type: ignore[arg-type]
    return bool(await session.scalar(stmt))


async def check_group_member(session: AsyncSession, *, scope: Scope, user_id: int, group_id: int) -> None:
    """Acting for a group needs an accepted membership of an active group of the organization."""
    m = models.UserGroupMembership
    g = models.User
    stmt = (
        select(m.id)  # type: ignore[call-overload]
        .join(g, g.id == m.user_group_id)  # type: ignore[arg-type]
        .where(
            m.user_id == user_id,
            m.user_group_id == group_id,
            m.role.in_(ACTIVE_ROLES),  # type: ignore[attr-defined]
            g.organization_id == scope.organization_id,
            g.kind == UserKind.GROUP.value,
            g.blocked.is_(False),  # type: ignore[attr-defined]
            g.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    )
    if await session.scalar(stmt) is None:
        raise policies.denial("NOT_GROUP_MEMBER")


async def check_classification(
    session: AsyncSession,
    *,
    component: models.Component,
    category_id: int | None,
    scope_id: int | None,
) -> None:
    """The category must be one of the component's space, the scope one of the organization."""
    errors: dict[str, str] = {}
    if category_id is not None:
        c = models.Category
        found = await session.scalar(
            select(c.id).where(  # type: ignore[call-overload]
                c.id == category_id, c.space_kind == component.space_kind, c.space_id == component.space_id
            )
        )
        if found is None:
            errors["attributes.categoryId"] = "not a category of this participatory space"
    if scope_id is not None:
        s = models.Scope
        found = await session.scalar(
            select(s.id).where(s.id == scope_id, s.organization_id == component.organization_id)  # type: ignore[call-overload]
        )
        if found is None:
            errors["attributes.scopeId"] = "not a scope of this organization"
    if errors:
        msg = "Invalid proposal: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def record_version(
    session: AsyncSession, *, proposal: models.Proposal, event: str, changes: dict[str, Any], user_id: int
) -> None:
    if not changes and event != "create":
        return
    session.add(
        models.Version(
            organization_id=proposal.organization_id,
            item_kind=PROPOSAL,
            item_id=proposal.id,  # type: ignore[arg-type]
            event=event,
            changeset=changes,
            whodunnit_id=user_id,
        )
    )


def snapshot(proposal: models.Proposal, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(proposal, name) for name in names}
