"""Commentable resources as GraphQL objects: their own type when a domain registers one, else ``Commentable``."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers.comments.commentables import COMMENTABLES
from resolvers.comments.policies import resource_flags
from schema.interfaces import CommentableInterface, Node


@strawberry.type(description="A commentable with no type of its own.")
class Commentable(CommentableInterface, Node):
    pass


Converter = Callable[[Any, Info], "CommentableInterface | Awaitable[CommentableInterface]"]

# resource kind -> converter to that resource's own GraphQL type (e.g. "proposal" -> Proposal).
# A domain registers its type here so `commentable(...)` answers with it, as Decidim does.
COMMENTABLE_TYPES: dict[str, Converter] = {}


async def generic_commentable(info: Info, kind: str, row: Any) -> Commentable:
    spec = COMMENTABLES[kind]
    settings = await info.context.loaders.settings_by_component.load(spec.component_id(row))
    flags = resource_flags(
        settings,
        closed=spec.closed(row) is not None,
        have_alignment=spec.have_alignment,
        have_votes=spec.have_votes,
    )
    count = int(getattr(row, spec.counter))
    return Commentable(
        id=strawberry.ID(str(row.id)),
        type=spec.decidim_type,
        accepts_new_comments=flags.accepts_new_comments,
        comments_have_alignment=flags.comments_have_alignment,
        comments_have_votes=flags.comments_have_votes,
        total_comments_count=count,
        has_comments=count > 0,
        commentable_kind=kind,
        pk=row.id,
    )


async def commentable_from_row(info: Info, kind: str, row: Any) -> CommentableInterface:
    convert = COMMENTABLE_TYPES.get(kind)
    if convert is None:
        return await generic_commentable(info, kind, row)
    result = convert(row, info)
    return await result if inspect.isawaitable(result) else result
