"""Debates: the ``Debate`` type, as Decidim's, plus Participa's conclusions and the viewer's view of it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.policies import resource_flags
from resolvers.debates import policies
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.common.types import Category, Scope
from schema.interfaces import (
    Author,
    AuthorableInterface,
    CommentableInterface,
    EndorsableInterface,
    FollowableInterface,
    Node,
    ReferableInterface,
    TimestampsInterface,
    TraceableInterface,
)
from schema.translated import TranslatedField, translated
from schema.users.types import author_from_model

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings

DEBATE = ResourceKind.DEBATE.value


@strawberry.type(
    description="A debate: an open discussion (no dates) or a dated one, started by the organization or by a "
    "participant, and closed with conclusions."
)
class Debate(
    CommentableInterface,
    AuthorableInterface,
    EndorsableInterface,
    TraceableInterface,
    TimestampsInterface,
    ReferableInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = DEBATE
    title: TranslatedField | None
    description: TranslatedField | None
    instructions: TranslatedField | None = strawberry.field(description="How to take part (set by the organization).")
    information_updates: TranslatedField | None = strawberry.field(
        description="News the organization adds while the debate runs."
    )
    start_time: datetime | None = strawberry.field(description="Null for an open debate.")
    end_time: datetime | None = strawberry.field(description="Null for an open debate.")
    image: str | None = strawberry.field(description="Participa: debates have no image; always null.")
    conclusions: TranslatedField | None = strawberry.field(
        description="Participa: what the debate concluded; null until it is closed."
    )
    closed: bool = strawberry.field(description="Participa: closed by its author (or an admin) with conclusions.")
    closed_at: datetime | None = strawberry.field(description="Participa: when it was first closed.")
    official: bool = strawberry.field(description="Participa: the organization's own debate (no participant author).")
    author_id: strawberry.Private[int | None]
    user_group_id: strawberry.Private[int | None]
    category_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    component_id: strawberry.Private[int]
    facts: strawberry.Private[policies.DebateFacts]

    @classmethod
    def from_model(cls, row: models.Debate, settings: EffectiveSettings | None) -> Debate:
        """``settings`` are the component's, in force now: they decide the comment flags."""
        facts = policies.DebateFacts.of(row)
        flags = resource_flags(settings, closed=not policies.is_open(facts))
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[DEBATE],
            commentable_kind=DEBATE,
            endorsable_kind=DEBATE,
            traceable_kind=DEBATE,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            endorsements_count=row.endorsements_count,
            created_at=row.created_at,
            updated_at=row.updated_at,
            reference=row.reference,
            title=translated(row.title),
            description=translated(row.description),
            instructions=translated(row.instructions),
            information_updates=translated(row.information_updates),
            start_time=row.start_time,
            end_time=row.end_time,
            image=None,
            conclusions=translated(row.conclusions) if facts.closed else None,
            closed=facts.closed,
            closed_at=row.closed_at,
            official=row.author_id is None,
            author_id=row.author_id,
            user_group_id=row.user_group_id,
            category_id=row.category_id,
            scope_id=row.scope_id,
            component_id=row.component_id,
            facts=facts,
        )

    @strawberry.field(description="The author (the group, if started for one); null for official debates.")
    async def author(self, info: Info) -> Author | None:
        author_id = self.user_group_id or self.author_id
        if author_id is None:
            return None
        row = await info.context.loaders.author_by_id.load(author_id)
        return author_from_model(row, info) if row else None

    @strawberry.field(description="Participa: the category (Decidim 0.27's CategorizableInterface).")
    async def category(self, info: Info) -> Category | None:
        if self.category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(row) if row else None

    @strawberry.field(description="Participa: the territory concerned (Decidim 0.27's ScopableInterface).")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="Participa: whether the viewer endorses it in their own name.")
    async def viewer_has_endorsed(self, info: Info) -> bool:
        if info.context.viewer.user_id is None:
            return False
        return bool(await info.context.loaders.viewer_endorsed.load((DEBATE, self.pk)))

    @strawberry.field(description="Participa: whether the viewer may edit it now (its author while open, or an admin).")
    def viewer_can_edit(self, info: Info) -> bool:
        viewer = info.context.viewer
        if viewer.user_id is None:
            return False
        actor = policies.Actor(user_id=viewer.user_id, admin=viewer.organization_admin)
        return policies.may_update(self.facts, actor=actor) is None


async def debate_node(row: models.Debate, info: Info) -> Debate:
    """A visible debate row as its GraphQL type (``node(id:)``, ``commentable``)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Debate.from_model(row, settings)


# `commentable(type: "Decidim::Debates::Debate", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[DEBATE] = debate_node
