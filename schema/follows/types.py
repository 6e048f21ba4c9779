"""What a participant follows, as GraphQL objects."""

from __future__ import annotations

import asyncio

from strawberry.types import Info

from resolvers.errors import BadUserInput
from schema.interfaces import FollowableInterface
from schema.nodes.queries import resolve_node

MAX_FOLLOWS = 50


async def load_follows(info: Info, user_id: int, first: int) -> list[FollowableInterface]:
    """The first ``first`` followables ``user_id`` follows and the viewer may see, newest follow first.

    One statement for the follows, then the objects by id through the node loaders (one per kind).
    """
    if not 0 <= first <= MAX_FOLLOWS:
        msg = f"first must be between 0 and {MAX_FOLLOWS}."
        raise BadUserInput(msg, fields={"first": f"0 to {MAX_FOLLOWS}"})
    pairs = (await info.context.loaders.follows_by_user.load(user_id))[:first]
    found: list[object] = list(await asyncio.gather(*(resolve_node(info, pk) for _, pk in pairs)))
    return [node for node in found if isinstance(node, FollowableInterface)]
