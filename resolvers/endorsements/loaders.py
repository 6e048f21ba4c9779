from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select, tuple_

import models
from resolvers.loading import make_loader
from resolvers.visibility import user_attributable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

Resource = tuple[str, int]


def endorsers_by_resource(env: LoaderEnv) -> Loader:
    """``(kind, id) -> [User]``: who endorsed, as Decidim shows it (the group when endorsed as a group).

    Blocked or unconfirmed endorsers are left out; deleted ones stay, shown as deleted authors.
    """
    e = models.Endorsement
    u = models.User

    async def fn(session: AsyncSession, keys: Sequence[Resource]) -> dict[Resource, list[models.User]]:
        stmt = (
            select(e.resource_kind, e.resource_id, u)  # type: ignore[call-overload]
            .join(u, u.id == func.coalesce(e.user_group_id, e.author_id))
            .where(
                tuple_(e.resource_kind, e.resource_id).in_(list(keys)),
                e.organization_id == env.scope.organization_id,
                user_attributable(env.scope),
            )
            .order_by(e.resource_kind, e.resource_id, e.id)
        )
        grouped: dict[Resource, list[models.User]] = defaultdict(list)
        for kind, resource_id, user in (await session.execute(stmt)).all():
            grouped[(kind, resource_id)].append(user)
        return grouped

    return make_loader(env, fn, default=list)


def viewer_endorsed(env: LoaderEnv) -> Loader:
    """``(kind, id) -> bool``: the viewer endorsed it in their own name (not only for a group)."""
    e = models.Endorsement
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[Resource]) -> dict[Resource, bool]:
        if user_id is None:
            return {}
        stmt = select(e.resource_kind, e.resource_id).where(  # type: ignore[call-overload]
            tuple_(e.resource_kind, e.resource_id).in_(list(keys)),
            e.author_id == user_id,
            e.user_group_id.is_(None),  # type: ignore[union-attr]
        )
        return dict.fromkeys((await session.execute(stmt)).all(), True)

    return make_loader(env, fn, default=lambda: False)
