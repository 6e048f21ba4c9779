"""Follow counts and the viewer's own follows, batched by ``(kind, id)``."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, or_, select, tuple_
from sqlmodel import col

import models
from resolvers.follows.followables import FOLLOWABLES
from resolvers.loading import make_loader
from resolvers.visibility import user_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

Followable = tuple[str, int]


def follows_count_by_followable(env: LoaderEnv) -> Loader:
    """``(kind, id) -> int``: followers that are visible participants (not blocked, deleted or unconfirmed)."""
    f = models.Follow
    u = models.User

    async def fn(session: AsyncSession, keys: Sequence[Followable]) -> dict[Followable, int]:
        stmt = (
            select(f.followable_kind, f.followable_id, func.count())  # type: ignore[call-overload]
            .join(u, u.id == f.user_id)
            .where(
                tuple_(f.followable_kind, f.followable_id).in_(list(keys)),
                f.organization_id == env.scope.organization_id,
                user_visible(env.scope),
            )
            .group_by(f.followable_kind, f.followable_id)
        )
        return {(kind, pk): int(n) for kind, pk, n in (await session.execute(stmt)).all()}

    return make_loader(env, fn, default=lambda: 0)


def viewer_follows(env: LoaderEnv) -> Loader:
    """``(kind, id) -> bool``: the viewer follows it (False for anonymous viewers)."""
    f = models.Follow
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[Followable]) -> dict[Followable, bool]:
        if user_id is None:
            return {}
        stmt = select(f.followable_kind, f.followable_id).where(  # type: ignore[call-overload]
            tuple_(f.followable_kind, f.followable_id).in_(list(keys)),
            f.user_id == user_id,
        )
        return dict.fromkeys((await session.execute(stmt)).all(), True)

    return make_loader(env, fn, default=lambda: False)


def follows_by_user(env: LoaderEnv) -> Loader:
    """``user id -> [(kind, id)]``: what they follow that the viewer may see, newest first."""
    f = models.Follow

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, list[Followable]]:
        # Built when a batch runs, not with the loader: every request builds every loader.
        visible = [
            and_(
                col(f.followable_kind) == kind,
                col(f.followable_id).in_(select(spec.model.id).where(spec.visible(env.scope))),
            )
            for kind, spec in FOLLOWABLES.items()
        ]
        stmt = (
            select(col(f.user_id), col(f.followable_kind), col(f.followable_id))
            .where(col(f.user_id).in_(keys), col(f.organization_id) == env.scope.organization_id, or_(*visible))
            .order_by(col(f.user_id), col(f.created_at).desc(), col(f.id).desc())
        )
        grouped: dict[int, list[Followable]] = defaultdict(list)
        for user_id, kind, pk in (await session.execute(stmt)).all():
            grouped[user_id].append((kind, pk))
        return grouped

    return make_loader(env, fn, default=list)
