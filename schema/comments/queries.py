"""Decidim's root ``commentable(id, type, locale, toggleTranslations)``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from models.kinds import ResourceKind
from resolvers.comments.commentables import kind_for_type
from resolvers.errors import NotFound
from resolvers.filters import parse_id, parse_locale
from schema.comments.commentables import commentable_from_row
from schema.comments.types import load_comment
from schema.interfaces import CommentableInterface


def use_request_options(info: Info, locale: str | None, toggle_translations: bool | None) -> None:
    """Decidim's ``locale`` and ``toggleTranslations`` arguments set how texts read for the whole request."""
    ctx = info.context
    org = ctx.organization
    if locale is not None:
        ctx.locale = parse_locale(locale, available=list(org.available_locales), default=org.default_locale)
    if toggle_translations is not None:
        ctx.extra["toggle_translations"] = toggle_translations


async def find_commentable(info: Info, *, kind: str, pk: int) -> CommentableInterface | None:
    if kind == ResourceKind.COMMENT:
        return await load_comment(info, pk)
    row = await info.context.loaders.commentable_by_key.load((kind, pk))
    return None if row is None else await commentable_from_row(info, kind, row)


@strawberry.type
class CommentQueries:
    @strawberry.field(
        description='A commentable by id and Decidim class name, e.g. type: "Decidim::Proposals::Proposal". '
        "`locale` (one of the organization's) sets the language of texts for the request; "
        "`toggleTranslations` shows machine translations first. Unknown types, non-commentable types and bad "
        "locales give BAD_USER_INPUT; missing or invisible commentables give NOT_FOUND."
    )
    async def commentable(
        self, info: Info, id: str, type: str, locale: str, toggle_translations: bool
    ) -> CommentableInterface | None:
        kind = kind_for_type(type)
        pk = parse_id(id)
        use_request_options(info, locale, toggle_translations)
        found = await find_commentable(info, kind=kind, pk=pk)  # type: ignore[arg-type]
        if found is None:
            msg = f"No {type} with id {id}."
            raise NotFound(msg)
        return found
