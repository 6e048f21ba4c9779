"""``follow`` and ``unfollow`` a space or a resource by its global id.

Each hands the write to ``resolvers.follows.mutations`` (one transaction), forgets what the request's
loaders had read, and answers with the followable as it now stands (``followsCount``, ``viewerIsFollowing``).
"""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.follows import mutations as writes
from schema.interfaces import FollowableInterface
from schema.nodes.queries import resolve_node


@strawberry.input(description="Participa: what to follow or stop following.")
class FollowInput:
    followable_id: strawberry.ID = strawberry.field(
        description="Global id of a process, an assembly, a proposal, a meeting, a debate, a post, a result "
        "or a budget project."
    )


def _id(input: FollowInput) -> int:
    pk = parse_id(input.followable_id, field="followableId")
    assert pk is not None  # noqa: S101 - a required argument is never null
    return pk


async def _answer(info: Info, pk: int) -> FollowableInterface | None:
    info.context.loaders.clear_all()
    found = await resolve_node(info, pk)
    return found if isinstance(found, FollowableInterface) else None


@strawberry.type
class FollowMutations:
    @strawberry.mutation(
        description="Participa: follow something the viewer can see (signed-in participants); following it "
        "again changes nothing."
    )
    async def follow(self, info: Info, input: FollowInput) -> FollowableInterface | None:
        ctx = info.context
        pk = _id(input)
        await writes.follow(ctx.sessionmaker, ctx.scope, followable_id=pk)
        return await _answer(info, pk)

    @strawberry.mutation(
        description="Participa: stop following; a no-op when the viewer does not follow it. Answers null when "
        "the viewer can no longer see it."
    )
    async def unfollow(self, info: Info, input: FollowInput) -> FollowableInterface | None:
        ctx = info.context
        pk = _id(input)
        await writes.unfollow(ctx.sessionmaker, ctx.scope, followable_id=pk)
        return await _answer(info, pk)
