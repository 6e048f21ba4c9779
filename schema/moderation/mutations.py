"""Root fields for moderation: ``hideResource``/``unhideResource`` (moderators of the resource's space),
``blockUser``/``unblockUser`` (organization admins), ``moderations(spaceId)`` (the space's moderators)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.moderation import mutations as writes
from resolvers.moderation.queries import space_moderations
from schema.comments.inputs import ReportableType
from schema.moderation.types import BlockedState, Moderation


def _id(value: strawberry.ID, field: str) -> int:
    pk = parse_id(value, field=field)
    assert pk is not None  # noqa: S101 - required arguments are never null
    return pk


async def _visibility(
    info: Info, reportable_type: ReportableType, reportable_id: strawberry.ID, *, hidden: bool
) -> Moderation:
    ctx = info.context
    row = await writes.change_visibility(
        ctx.sessionmaker,
        scope=ctx.scope,
        kind=reportable_type.value,
        pk=_id(reportable_id, "reportableId"),
        hidden=hidden,
    )
    ctx.loaders.clear_all()
    return Moderation.from_model(row)


async def _blocked(info: Info, user_id: strawberry.ID, *, blocked: bool) -> BlockedState:
    ctx = info.context
    row = await writes.change_blocked(
        ctx.sessionmaker, scope=ctx.scope, user_id=_id(user_id, "userId"), blocked=blocked
    )
    ctx.loaders.clear_all()
    return BlockedState.from_model(row)


@strawberry.type
class ModerationMutations:
    @strawberry.mutation(
        description="Participa: hide a resource or comment from every public read (moderators of its space, "
        "organization admins)."
    )
    async def hide_resource(
        self, info: Info, reportable_type: ReportableType, reportable_id: strawberry.ID
    ) -> Moderation | None:
        return await _visibility(info, reportable_type, reportable_id, hidden=True)

    @strawberry.mutation(description="Participa: show a hidden resource or comment again, with its counts.")
    async def unhide_resource(
        self, info: Info, reportable_type: ReportableType, reportable_id: strawberry.ID
    ) -> Moderation | None:
        return await _visibility(info, reportable_type, reportable_id, hidden=False)

    @strawberry.mutation(
        description="Participa: block a participant (organization admins): they can no longer act, and their "
        "sessions are refused."
    )
    async def block_user(self, info: Info, user_id: strawberry.ID) -> BlockedState | None:
        return await _blocked(info, user_id, blocked=True)

    @strawberry.mutation(description="Participa: unblock a participant (organization admins).")
    async def unblock_user(self, info: Info, user_id: strawberry.ID) -> BlockedState | None:
        return await _blocked(info, user_id, blocked=False)


@strawberry.type
class ModerationQueries:
    @strawberry.field(
        description="Participa: the space's reported and hidden resources, with reporters and details. Only the "
        "space's admins and moderators and organization admins may read them (Decidim #17632)."
    )
    async def moderations(self, info: Info, space_id: strawberry.ID, hidden: bool | None = None) -> list[Moderation]:
        ctx = info.context
        views = await space_moderations(
            ctx.sessionmaker, scope=ctx.scope, space_id=_id(space_id, "spaceId"), hidden=hidden
        )
        return [Moderation.from_view(view) for view in views]
