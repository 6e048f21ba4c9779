"""Cross-cutting GraphQL vocabulary: the interfaces Decidim's types implement, plus ``Node``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    from schema.comments.types import Comment
    from schema.common.inputs import CategoryFilter
    from schema.common.resources import Amendment, Coordinates, Fingerprint, TraceVersion
    from schema.common.types import (
        Attachment,
        AttachmentCollection,
        Category,
        ParticipatorySpaceLink,
        ParticipatorySpaceManifest,
        Statistic,
    )
    from schema.components.inputs import ComponentFilter, ComponentSort
    from schema.processes.types import ParticipatorySpace

_common = "schema.common.types"


@strawberry.interface(description="An object with an id unique across the whole API; fetch it with `node(id:)`.")
class Node:
    id: strawberry.ID


@strawberry.interface(description="Someone who writes: a participant or a user group.")
class Author:
    id: strawberry.ID
    name: str = strawberry.field(description='The public name; "" for a deleted participant.')
    nickname: str = strawberry.field(
        description='The public pseudonym, prefixed with @; "" for a deleted participant '
        '(as Decidim\'s API: the "Deleted participant" label is left to the client).'
    )
    avatar_url: str
    profile_path: str = strawberry.field(description='The public profile\'s path; "" for a deleted participant.')
    badge: str
    deleted: bool = strawberry.field(
        description="The participant deleted their account; what they wrote stays, attributed to a deleted author."
    )

    @strawberry.field(description="The name of the organization the author belongs to.")
    def organization_name(self, info: Info) -> TranslatedField:
        return translated(info.context.organization.name)


@strawberry.interface(description="A component: one tab of a participatory space.")
class ComponentInterface:
    id: strawberry.ID
    name: TranslatedField
    weight: int
    space_kind: strawberry.Private[str]
    space_id: strawberry.Private[int]

    @strawberry.field(description="The space this component belongs to.")
    async def participatory_space(
        self, info: Info
    ) -> Annotated[ParticipatorySpace, strawberry.lazy("schema.processes.types")]:
        from schema.processes.types import load_space

        space = await load_space(info, self.space_kind, self.space_id)
        if space is None:  # the component is only reachable through a visible space
            msg = "space not visible"
            raise LookupError(msg)
        return space


@strawberry.interface(description="A participatory space (a process, an assembly...).")
class ParticipatorySpaceInterface:
    id: strawberry.ID
    title: TranslatedField
    type: str = strawberry.field(description='Decidim class name, e.g. "Decidim::ParticipatoryProcess".')
    space_kind: strawberry.Private[str]
    pk: strawberry.Private[int]
    show_statistics: strawberry.Private[bool]

    @strawberry.field(description="What kind of space this is.")
    def manifest(self) -> Annotated[ParticipatorySpaceManifest, strawberry.lazy(_common)]:
        from schema.common.types import space_manifest

        return space_manifest(self.space_kind)

    @strawberry.field(description="Published components of the space.")
    async def components(
        self,
        info: Info,
        filter: Annotated[ComponentFilter, strawberry.lazy("schema.components.inputs")] | None = None,
        order: Annotated[ComponentSort, strawberry.lazy("schema.components.inputs")] | None = None,
    ) -> list[ComponentInterface | None] | None:
        from schema.components.types import load_components

        return await load_components(info, self.space_kind, self.pk, filter, order)

    @strawberry.field(description="Figures about the space; null when the space hides its statistics.")
    async def stats(self, info: Info) -> list[Annotated[Statistic, strawberry.lazy(_common)] | None] | None:
        from schema.common.types import Statistic

        if not self.show_statistics:
            return None
        rows = await info.context.loaders.stats_by_space.load((self.space_kind, self.pk))
        return [Statistic(name=name, value=value) for name, value in rows]


@strawberry.interface(description="A space that links to other spaces.")
class ParticipatorySpaceResourceableInterface:
    space_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Spaces linked with this one, in either direction.")
    async def linked_participatory_spaces(
        self, info: Info
    ) -> list[Annotated[ParticipatorySpaceLink, strawberry.lazy(_common)]]:
        from schema.common.types import load_space_links

        return await load_space_links(info, self.space_kind, self.pk)


@strawberry.interface(description="An object that holds categories.")
class CategoriesContainerInterface:
    space_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Categories; filter by parent to walk the tree.")
    async def categories(
        self,
        info: Info,
        filter: Annotated[CategoryFilter, strawberry.lazy("schema.common.inputs")] | None = None,
    ) -> list[Annotated[Category, strawberry.lazy(_common)] | None]:
        from schema.common.types import load_categories

        return await load_categories(info, self.space_kind, self.pk, filter)


@strawberry.interface(description="An object with attached documents and images.")
class AttachableInterface:
    attachable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Attachments, in their display order.")
    async def attachments(self, info: Info) -> list[Annotated[Attachment, strawberry.lazy(_common)] | None]:
        from schema.common.types import Attachment

        rows = await info.context.loaders.attachments_by_owner.load((self.attachable_kind, self.pk))
        return [Attachment.from_model(r) for r in rows]

    @strawberry.field(description="Participa: folders grouping the attachments.")
    async def attachment_collections(
        self, info: Info
    ) -> list[Annotated[AttachmentCollection, strawberry.lazy(_common)]]:
        from schema.common.types import AttachmentCollection

        rows = await info.context.loaders.collections_by_owner.load((self.attachable_kind, self.pk))
        return [AttachmentCollection.from_model(r) for r in rows]


_resources = "schema.common.resources"


@strawberry.interface(description="An object with a creator and co-authors.")
class CoauthorableInterface:
    authors_count: int | None = strawberry.field(
        description="How many authors, counting those that are not participants (the organization, a meeting)."
    )

    @strawberry.field(description="The creator, if a visible participant or group (null for official proposals).")
    async def author(self, info: Info) -> Author | None:
        raise NotImplementedError

    @strawberry.field(description="Co-authors that are visible participants or groups.")
    async def authors(self, info: Info) -> list[Author | None]:
        raise NotImplementedError


@strawberry.interface(description="An object with one author.")
class AuthorableInterface:
    @strawberry.field(
        description="The author; null when it is not a visible participant or group (e.g. the organization's own)."
    )
    async def author(self, info: Info) -> Author | None:
        raise NotImplementedError


@strawberry.interface(description="An object participants can endorse, in their own name or for a group.")
class EndorsableInterface:
    endorsements_count: int | None
    endorsable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Who endorsed it (the group, when endorsed for a group), oldest first.")
    async def endorsements(self, info: Info) -> list[Author | None]:
        from schema.users.types import author_from_model

        rows = await info.context.loaders.endorsers_by_resource.load((self.endorsable_kind, self.pk))
        return [author_from_model(r, info) for r in rows]


@strawberry.interface(description="An object participants can follow, to hear about what happens to it.")
class FollowableInterface:
    followable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="How many participants follow it (blocked and deleted accounts not counted).")
    async def follows_count(self, info: Info) -> int | None:
        return int(await info.context.loaders.follows_count_by_followable.load((self.followable_kind, self.pk)))

    @strawberry.field(description="Participa: whether the viewer follows it (false for anonymous viewers).")
    async def viewer_is_following(self, info: Info) -> bool:
        if info.context.viewer.user_id is None:
            return False
        return bool(await info.context.loaders.viewer_follows.load((self.followable_kind, self.pk)))


@strawberry.interface(description="An object whose changes are recorded.")
class TraceableInterface:
    traceable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="How many versions were recorded.")
    async def versions_count(self, info: Info) -> int:
        return int(await info.context.loaders.version_counts_by_item.load((self.traceable_kind, self.pk)))

    @strawberry.field(description="The recorded versions, oldest first.")
    async def versions(self, info: Info) -> list[Annotated[TraceVersion, strawberry.lazy(_resources)] | None]:
        from schema.common.resources import TraceVersion

        rows = await info.context.loaders.versions_by_item.load((self.traceable_kind, self.pk))
        return [TraceVersion.from_model(r) for r in rows]


@strawberry.interface(description="An object with creation and update times.")
class TimestampsInterface:
    created_at: datetime | None
    updated_at: datetime | None


@strawberry.interface(description="An object whose content has a fingerprint, to prove what it said.")
class FingerprintInterface:
    @strawberry.field(description="SHA-256 of a canonical JSON of the content, with that JSON.")
    def fingerprint(self) -> Annotated[Fingerprint, strawberry.lazy(_resources)]:
        raise NotImplementedError


@strawberry.interface(description="An object that can be the target or the result of an amendment.")
class AmendableEntityInterface:
    id: strawberry.ID


@strawberry.interface(description="An object participants can amend.")
class AmendableInterface:
    amendable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Amendments visible to the viewer (drafts and hidden emendations excluded).")
    async def amendments(self, info: Info) -> list[Annotated[Amendment, strawberry.lazy(_resources)] | None]:
        from schema.common.resources import Amendment

        rows = await info.context.loaders.amendments_by_amendable.load((self.amendable_kind, self.pk))
        return [Amendment.from_model(r) for r in rows]


@strawberry.interface(description="An object with a place.")
class LocalizableInterface:
    address: str | None
    coordinates: Annotated[Coordinates, strawberry.lazy(_resources)] | None


@strawberry.interface(description="An object with a human reference, e.g. LA-PROP-2019-05-1234.")
class ReferableInterface:
    reference: str | None


@strawberry.interface(
    description="Something participants can comment on, with an alignment (in favour, neutral, against)."
)
class CommentableInterface:
    """Implementations fill the flags and counts when they convert their row; comments load lazily.

    ``commentable_kind`` is a ``models.kinds.ResourceKind`` value and ``pk`` the row id.
    """

    id: strawberry.ID
    type: str = strawberry.field(description='Decidim class name, e.g. "Decidim::Proposals::Proposal".')
    accepts_new_comments: bool
    comments_have_alignment: bool
    comments_have_votes: bool
    total_comments_count: int
    has_comments: bool
    commentable_kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(description="Visible comments (hidden ones excluded), first level with their replies.")
    async def comments(
        self, info: Info, order_by: str | None = None, single_comment_id: str | None = None
    ) -> list[Annotated[Comment, strawberry.lazy("schema.comments.types")]]:
        from schema.comments.types import load_comments

        return await load_comments(info, self, order_by=order_by, single_comment_id=single_comment_id)

    @strawberry.field(description="Whether the viewer may comment here now.")
    async def user_allowed_to_comment(self, info: Info) -> bool:
        from schema.comments.types import viewer_may_comment

        return await viewer_may_comment(info, self)
