"""Who may do what: organization admins, per-space roles, and API token scopes.

``allowed`` is a pure function over (action, roles, organization admin) so the whole permission
matrix is tested as a table without a database; ``require`` loads the viewer's roles and raises.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.errors import Forbidden, Unauthenticated

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.viewer import Viewer
    from resolvers.visibility import Scope


class Role(StrEnum):
    ADMIN = "admin"
    COLLABORATOR = "collaborator"
    MODERATOR = "moderator"
    EVALUATOR = "evaluator"


class Action(StrEnum):
    # organization-wide: organization admins only
    MANAGE_ORGANIZATION = "organization.manage"  # spaces creation, scopes, areas, types, groups
    BLOCK_USER = "user.block"
    READ_ACTION_LOG = "action_log.read"
    # within a space
    PREVIEW_SPACE = "space.preview"  # see it unpublished
    UPDATE_SPACE = "space.update"  # fields, steps, categories, publish
    MANAGE_COMPONENTS = "space.components"  # add, configure, publish, reorder
    MANAGE_ROLES = "space.roles"
    MANAGE_MEMBERS = "space.members"  # private-space members
    MANAGE_ATTACHMENTS = "space.attachments"
    ANSWER_PROPOSALS = "proposals.answer"
    IMPORT_PROPOSALS = "proposals.import"
    READ_MODERATIONS = "moderation.read"
    MODERATE = "moderation.act"  # hide / unhide


ORGANIZATION_ONLY = frozenset({Action.MANAGE_ORGANIZATION, Action.BLOCK_USER, Action.READ_ACTION_LOG})

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action) - ORGANIZATION_ONLY,
    Role.COLLABORATOR: frozenset({Action.PREVIEW_SPACE}),
    Role.MODERATOR: frozenset({Action.PREVIEW_SPACE, Action.READ_MODERATIONS, Action.MODERATE}),
    Role.EVALUATOR: frozenset({Action.PREVIEW_SPACE, Action.ANSWER_PROPOSALS}),
}

WRITE_SCOPE = "api:write"


def allowed(action: Action, *, organization_admin: bool, roles: frozenset[Role] = frozenset()) -> bool:
    """The permission matrix: organization admins may do everything; space roles what they grant."""
    if organization_admin:
        return True
    if action in ORGANIZATION_ONLY:
        return False
    return any(action in ROLE_ACTIONS[role] for role in roles)


def may_write(viewer: Viewer) -> bool:
    """Mutations need the ``api:write`` scope (a read-only API token has only ``api:read``)."""
    return WRITE_SCOPE in viewer.scopes


async def roles_in_space(session: AsyncSession, scope: Scope, *, space_kind: str, space_id: int) -> frozenset[Role]:
    if scope.viewer.user_id is None:
        return frozenset()
    r = models.SpaceRole
    rows = await session.scalars(
        select(r.role).where(  # type: ignore[call-overload]
            r.organization_id == scope.organization_id,
            r.user_id == scope.viewer.user_id,
            r.space_kind == space_kind,
            r.space_id == space_id,
        )
    )
    return frozenset(Role(value) for value in rows.all())


async def require(
    session: AsyncSession,
    scope: Scope,
    *,
    action: Action,
    space_kind: str | None = None,
    space_id: int | None = None,
) -> None:
    """Raise unless the viewer may perform ``action`` (in the given space, for space actions)."""
    viewer = scope.viewer
    if viewer.user_id is None:
        msg = "Sign in to do this."
        raise Unauthenticated(msg)
    if not may_write(viewer):
        msg = "This token may only read: it lacks the api:write scope."
        raise Forbidden(msg, reason="INSUFFICIENT_SCOPE")
    roles: frozenset[Role] = frozenset()
    if space_kind is not None and space_id is not None and not viewer.organization_admin:
        roles = await roles_in_space(session, scope, space_kind=space_kind, space_id=space_id)
    if not allowed(action, organization_admin=viewer.organization_admin, roles=roles):
        msg = "You are not allowed to do this."
        raise Forbidden(msg, reason="MISSING_PERMISSION")
