from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

import models
from resolvers.loading import make_loader, one_by_id
from resolvers.visibility import user_attributable, user_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

ACTIVE_ROLES = ("creator", "admin", "member")


def user_by_id(env: LoaderEnv) -> Loader:
    """Users and groups the public may see (confirmed, not blocked, not deleted)."""
    return one_by_id(env, models.User, visible=user_visible)


def author_by_id(env: LoaderEnv) -> Loader:
    """Authors of contributions: visible users and groups, and deleted accounts (shown as deleted)."""
    return one_by_id(env, models.User, visible=user_attributable)


def members_by_group(env: LoaderEnv) -> Loader:
    m = models.UserGroupMembership
    u = models.User

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.User]]:
        stmt = (
            select(m.user_group_id, u)  # type: ignore[call-overload]
            .join(u, u.id == m.user_id)  # type: ignore[arg-type]
            .where(m.user_group_id.in_(keys), m.role.in_(ACTIVE_ROLES), user_visible(env.scope))  # type: ignore[attr-defined]
            .order_by(m.user_group_id, u.id)
        )
        grouped: dict[int, list[models.User]] = defaultdict(list)
        for group_id, user in (await session.execute(stmt)).all():
            grouped[group_id].append(user)
        return grouped

    return make_loader(env, fn, default=list)


def groups_by_member(env: LoaderEnv) -> Loader:
    m = models.UserGroupMembership
    g = aliased(models.User)

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[models.User]]:
        stmt = (
            select(m.user_id, g)  # type: ignore[call-overload]
            .join(g, g.id == m.user_group_id)  # type: ignore[arg-type]
            .where(
                m.user_id.in_(keys),  # type: ignore[attr-defined]
                m.role.in_(ACTIVE_ROLES),  # type: ignore[attr-defined]
                g.organization_id == env.scope.organization_id,
                g.blocked.is_(False),  # type: ignore[attr-defined]
                g.deleted_at.is_(None),  # type: ignore[union-attr]
            )
            .order_by(m.user_id, g.id)
        )
        grouped: dict[int, list[models.User]] = defaultdict(list)
        for user_id, group in (await session.execute(stmt)).all():
            grouped[user_id].append(group)
        return grouped

    return make_loader(env, fn, default=list)
