"""Space roles (admin, collaborator, moderator, evaluator) and private-space members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

import models
from resolvers.admin.common import find_in_org, find_space, guard_space, log, signed_in
from resolvers.errors import Forbidden
from resolvers.permissions import Action, Role, allowed, roles_in_space

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope


@dataclass(frozen=True, slots=True)
class RoleAssignment:
    space_id: int
    user_id: int
    role: Role


async def _user(session: AsyncSession, scope: Scope, user_id: int) -> models.User:
    user: models.User = await find_in_org(session, scope, models.User, user_id, field="userId")
    return user


async def assign_role(
    session: AsyncSession, scope: Scope, *, space_id: int, user_id: int, role: Role
) -> RoleAssignment:
    """Idempotent: assigning a role the participant already has changes nothing."""
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_ROLES)
    await _user(session, scope, user_id)
    r = models.SpaceRole
    inserted = await session.scalar(
        insert(r)
        .values(
            organization_id=scope.organization_id, space_kind=kind, space_id=space.id, user_id=user_id, role=role.value
        )
        .on_conflict_do_nothing()
        .returning(col(r.id))
    )
    if inserted is not None:
        await log(
            session, scope, action="space_role.create", resource=("space_role", inserted), space=(kind, space.id),
            changes={"user_id": [None, user_id], "role": [None, role.value]},
        )  # fmt: skip
    return RoleAssignment(space_id=space.id, user_id=user_id, role=role)  # type: ignore[arg-type]


async def remove_role(session: AsyncSession, scope: Scope, *, space_id: int, user_id: int, role: Role) -> bool:
    """True when a role was removed."""
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_ROLES)
    r = models.SpaceRole
    removed = await session.scalar(
        delete(r)
        .where(
            col(r.space_kind) == kind, col(r.space_id) == space.id, col(r.user_id) == user_id, col(r.role) == role.value
        )
        .returning(col(r.id))
    )
    if removed is not None:
        await log(
            session, scope, action="space_role.delete", resource=("space_role", removed), space=(kind, space.id),
            changes={"user_id": [user_id, None], "role": [role.value, None]},
        )  # fmt: skip
    return removed is not None


async def space_roles(session: AsyncSession, scope: Scope, *, space_id: int) -> Sequence[RoleAssignment]:
    """A read: a read-only token may list roles, so this checks the permission without the write scope."""
    signed_in(scope)
    kind, space = await find_space(session, scope, space_id)
    roles: frozenset[Role] = frozenset()
    if not scope.viewer.organization_admin:
        roles = await roles_in_space(session, scope, space_kind=kind, space_id=space.id)  # type: ignore[arg-type]
    if not allowed(Action.MANAGE_ROLES, organization_admin=scope.viewer.organization_admin, roles=roles):
        msg = "You are not allowed to do this."
        raise Forbidden(msg, reason="MISSING_PERMISSION")
    r = models.SpaceRole
    rows = await session.execute(
        select(col(r.user_id), col(r.role))
        .where(col(r.space_kind) == kind, col(r.space_id) == space.id)
        .order_by(col(r.user_id), col(r.role))
    )
    return [RoleAssignment(space_id=space.id, user_id=u, role=Role(role)) for u, role in rows.all()]  # type: ignore[arg-type]


async def invite_member(session: AsyncSession, scope: Scope, *, space_id: int, user_id: int) -> bool:
    """Make a participant a member of a (private) space; True when they were not one already."""
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_MEMBERS)
    await _user(session, scope, user_id)
    m = models.SpacePrivateUser
    inserted = await session.scalar(
        insert(m)
        .values(organization_id=scope.organization_id, space_kind=kind, space_id=space.id, user_id=user_id)
        .on_conflict_do_nothing()
        .returning(col(m.id))
    )
    if inserted is not None:
        await log(
            session, scope, action="space_member.create", resource=("space_member", inserted), space=(kind, space.id)
        )  # type: ignore[arg-type]
    return inserted is not None


async def remove_member(session: AsyncSession, scope: Scope, *, space_id: int, user_id: int) -> bool:
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_MEMBERS)
    m = models.SpacePrivateUser
    removed = await session.scalar(
        delete(m)
        .where(col(m.space_kind) == kind, col(m.space_id) == space.id, col(m.user_id) == user_id)
        .returning(col(m.id))
    )
    if removed is not None:
        await log(
            session, scope, action="space_member.delete", resource=("space_member", removed), space=(kind, space.id)
        )  # type: ignore[arg-type]
    return removed is not None
