"""Blogs: the ``Post`` type, as Decidim's."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.policies import resource_flags
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.interfaces import (
    AttachableInterface,
    Author,
    AuthorableInterface,
    CommentableInterface,
    EndorsableInterface,
    FollowableInterface,
    Node,
    TimestampsInterface,
    TraceableInterface,
)
from schema.translated import TranslatedField, translated
from schema.users.types import author_from_model

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings

POST = ResourceKind.POST.value


@strawberry.type(description="A news post of a blog component.")
class Post(
    CommentableInterface,
    AttachableInterface,
    AuthorableInterface,
    TraceableInterface,
    EndorsableInterface,
    TimestampsInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = POST
    title: TranslatedField | None
    body: TranslatedField | None
    published_at: datetime = strawberry.field(
        description="When the post goes public; a future time (scheduled post) is seen by admins only."
    )
    official: bool = strawberry.field(
        description="Participa: written in the organization's name (then `author` is null, as in Decidim)."
    )
    author_id: strawberry.Private[int | None]
    user_group_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Post, settings: EffectiveSettings | None) -> Post:
        """``settings`` are the component's, in force now: they decide the comment flags."""
        flags = resource_flags(settings)
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[POST],
            commentable_kind=POST,
            attachable_kind=POST,
            traceable_kind=POST,
            endorsable_kind=POST,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            endorsements_count=row.endorsements_count,
            created_at=row.created_at,
            updated_at=row.updated_at,
            title=translated(row.title),
            body=translated(row.body),
            published_at=row.published_at,  # type: ignore[arg-type]
            official=row.official,
            author_id=row.author_id,
            user_group_id=row.user_group_id,
        )

    @strawberry.field(
        description="The participant, or the group they wrote for; null for the organization's own posts "
        "(Decidim exposes only participants and groups as authors) and for authors no longer visible."
    )
    async def author(self, info: Info) -> Author | None:
        author_id = self.user_group_id or self.author_id
        if self.official or author_id is None:
            return None
        row = await info.context.loaders.author_by_id.load(author_id)
        return author_from_model(row, info) if row else None


async def post_node(row: models.Post, info: Info) -> Post:
    """A visible post row as its GraphQL type (``node(id:)``, ``commentable``)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Post.from_model(row, settings)


# `commentable(type: "Decidim::Blogs::Post", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[POST] = post_node
