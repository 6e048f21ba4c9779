"""Proposals: the ``Proposal`` type, as Decidim's, plus the viewer's own view of it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.policies import resource_flags
from resolvers.proposals import content, policies
from schema.comments.commentables import COMMENTABLE_TYPES
from schema.common.resources import Coordinates, Fingerprint
from schema.common.types import Category, Scope
from schema.interfaces import (
    AmendableEntityInterface,
    AmendableInterface,
    AttachableInterface,
    Author,
    CoauthorableInterface,
    CommentableInterface,
    EndorsableInterface,
    FingerprintInterface,
    FollowableInterface,
    LocalizableInterface,
    Node,
    ReferableInterface,
    TimestampsInterface,
    TraceableInterface,
)
from schema.translated import TranslatedField, maybe_translated, translated
from schema.users.types import author_from_model

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings
    from schema.meetings.types import Meeting

PROPOSAL = ResourceKind.PROPOSAL.value


@strawberry.type(description="A proposal: an idea put forward by participants (or by the organization, if official).")
class Proposal(
    CommentableInterface,
    CoauthorableInterface,
    AttachableInterface,
    FingerprintInterface,
    AmendableInterface,
    AmendableEntityInterface,
    TraceableInterface,
    EndorsableInterface,
    TimestampsInterface,
    LocalizableInterface,
    ReferableInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = PROPOSAL
    title: TranslatedField | None
    body: TranslatedField | None
    state: str | None = strawberry.field(
        description="Answer state (accepted, rejected, evaluating or a custom one); null until an answer is published."
    )
    answer: TranslatedField | None = strawberry.field(description="The published answer, if any.")
    answered_at: datetime | None = strawberry.field(description="When the published answer was given.")
    published_at: datetime | None = strawberry.field(description="Null only for drafts, which only their authors see.")
    participatory_text_level: str | None = strawberry.field(
        description="Participa: participatory texts are not supported; always null."
    )
    position: int | None = strawberry.field(
        description="Participa: participatory texts are not supported; always null."
    )
    official: bool | None = strawberry.field(description="Put forward by the organization (no participant author).")
    created_in_meeting: bool | None = strawberry.field(description="Participa: meetings are not linked yet; false.")
    withdrawn_at: datetime | None
    withdrawn: bool | None
    vote_count: int | None = strawberry.field(description="Supports; null while the current step hides them.")
    component_id: strawberry.Private[int]
    category_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    settings: strawberry.Private[Any]
    facts: strawberry.Private[policies.ProposalFacts]

    @classmethod
    def from_model(cls, row: models.Proposal, settings: EffectiveSettings) -> Proposal:
        """``settings`` are the component's, in force now: they decide voteCount and the comment flags."""
        withdrawn = row.withdrawn_at is not None
        flags = resource_flags(settings, closed=withdrawn)
        answer_state = policies.published_state(row)
        answered = answer_state is not None
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            type=DECIDIM_CLASS_NAMES[PROPOSAL],
            commentable_kind=PROPOSAL,
            attachable_kind=PROPOSAL,
            amendable_kind=PROPOSAL,
            traceable_kind=PROPOSAL,
            endorsable_kind=PROPOSAL,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.comments_count,
            has_comments=row.comments_count > 0,
            # Official proposals are the organization's: it counts as an author without being a participant.
            authors_count=row.coauthorships_count or (1 if row.official else 0),
            endorsements_count=row.endorsements_count,
            created_at=row.created_at,
            updated_at=row.updated_at,
            title=translated(row.title),
            body=translated(row.body),
            address=row.address,
            coordinates=Coordinates.maybe(row.latitude, row.longitude),
            reference=row.reference,
            state=answer_state,
            answer=maybe_translated(row.answer) if answered else None,
            answered_at=row.answered_at if answered else None,
            published_at=row.published_at,
            participatory_text_level=None,
            position=None,
            official=row.official,
            created_in_meeting=False,
            withdrawn_at=row.withdrawn_at,
            withdrawn=withdrawn,
            vote_count=row.votes_count if policies.votes_visible(settings) else None,
            component_id=row.component_id,
            category_id=row.category_id,
            scope_id=row.scope_id,
            settings=settings,
            facts=policies.ProposalFacts.of(row),
        )

    @strawberry.field(
        description="The creator, if a visible participant or group, or a deleted participant shown as deleted "
        "(null for official proposals)."
    )
    async def author(self, info: Info) -> Author | None:
        if self.official:
            return None
        coauthors = await info.context.loaders.coauthorships_by_proposal.load(self.pk)
        if not coauthors:
            return None
        creator = coauthors[0]
        row = await info.context.loaders.author_by_id.load(creator.user_group_id or creator.author_id)
        return author_from_model(row, info) if row else None

    @strawberry.field(
        description="Co-authors that are visible participants or groups, or deleted participants shown as deleted; "
        "the creator first."
    )
    async def authors(self, info: Info) -> list[Author | None]:
        coauthors = await info.context.loaders.coauthorships_by_proposal.load(self.pk)
        rows = await info.context.loaders.author_by_id.load_many([c.user_group_id or c.author_id for c in coauthors])
        return [author_from_model(r, info) for r in rows if r is not None]

    @strawberry.field(description="SHA-256 of a canonical JSON of the title and body, with that JSON.")
    def fingerprint(self) -> Fingerprint:
        found = content.fingerprint(
            title=self.title.values if self.title else None, body=self.body.values if self.body else None
        )
        return Fingerprint(value=found.value, source=found.source)

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

    @strawberry.field(
        description="The meeting the proposal was created in. Participa records proposals from meetings as "
        "links (see Meeting.proposals), not as meeting-authored proposals, so this is null."
    )
    def meeting(self) -> Annotated[Meeting, strawberry.lazy("schema.meetings.types")] | None:
        return None

    @strawberry.field(description="Participa: whether the viewer supports it (false for anonymous viewers).")
    async def viewer_has_supported(self, info: Info) -> bool:
        if info.context.viewer.user_id is None:
            return False
        return bool(await info.context.loaders.viewer_supported_proposal.load(self.pk))

    @strawberry.field(description="Participa: whether the viewer endorses it in their own name.")
    async def viewer_has_endorsed(self, info: Info) -> bool:
        if info.context.viewer.user_id is None:
            return False
        return bool(await info.context.loaders.viewer_endorsed.load((PROPOSAL, self.pk)))

    @strawberry.field(
        description="Participa: whether the viewer may edit it now (an author, within the edit window, "
        "before any support or answer)."
    )
    async def viewer_can_edit(self, info: Info) -> bool:
        user_id = info.context.viewer.user_id
        if user_id is None:
            return False
        coauthors = await info.context.loaders.coauthorships_by_proposal.load(self.pk)
        author = any(c.author_id == user_id for c in coauthors)
        return policies.may_edit(self.settings, self.facts, is_author=author, now=datetime.now(UTC)) is None


async def proposal_node(row: models.Proposal, info: Info) -> Proposal:
    """A visible proposal row as its GraphQL type (``node(id:)``, ``commentable``, amendments)."""
    settings = await info.context.loaders.settings_by_component.load(row.component_id)
    return Proposal.from_model(row, settings)


# `commentable(type: "Decidim::Proposals::Proposal", ...)` answers with this type, as in Decidim.
COMMENTABLE_TYPES[PROPOSAL] = proposal_node
