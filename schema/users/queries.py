from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import Direction, parse_direction, parse_id
from resolvers.users import queries
from schema.interfaces import Author
from schema.users.inputs import UserEntityFilter, UserEntitySort
from schema.users.types import Session, User, author_from_model


def _filter(f: UserEntityFilter | None) -> queries.UserFilter:
    if f is None:
        return queries.UserFilter()
    return queries.UserFilter(
        kind=queries.parse_kind(f.type),
        name=f.name,
        nickname=f.nickname,
        wildcard=f.wildcard,
        exclude_ids=tuple(parse_id(i, field="filter.excludeIds") for i in f.exclude_ids or ()),  # type: ignore[misc]
    )


def _sort(order: UserEntitySort | None) -> queries.UserSort:
    keys: list[tuple[str, Direction]] = []
    for key in ("id", "type", "name", "nickname"):
        direction = parse_direction(getattr(order, key), field=f"order.{key}") if order else None
        if direction is not None:
            keys.append((key, direction))
    return queries.UserSort(keys=tuple(keys))


@strawberry.type
class UserQueries:
    @strawberry.field(description="Participants and groups (confirmed, not blocked, not deleted).")
    async def users(
        self, info: Info, filter: UserEntityFilter | None = None, order: UserEntitySort | None = None
    ) -> list[Author | None] | None:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_users(session, scope=ctx.scope, filter=_filter(filter), sort=_sort(order))
        return [author_from_model(r, info) for r in rows]

    @strawberry.field(description="One participant or group, by id or nickname (with or without @).")
    async def user(self, info: Info, id: strawberry.ID | None = None, nickname: str | None = None) -> Author | None:
        ctx = info.context
        pk = parse_id(id)
        if pk is not None and nickname is None:
            row = await ctx.loaders.user_by_id.load(pk)
        else:
            async with ctx.sessionmaker() as session:
                row = await queries.find_user(session, scope=ctx.scope, id=pk, nickname=nickname)
        return author_from_model(row, info) if row else None

    @strawberry.field(description="The signed-in participant, or null for anonymous requests.")
    async def session(self, info: Info) -> Session | None:
        viewer = info.context.viewer
        if viewer.user_id is None:
            return None
        row = await info.context.loaders.viewer_account.load(viewer.user_id)
        if row is None:
            return None
        return Session(user=User.from_model(row, viewer_signed_in=True), pk=row.id)
