"""Small shared types: classification, attachments, links, statistics, manifests."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

import models
from models.kinds import DECIDIM_CLASS_NAMES, SpaceKind
from resolvers.filters import parse_id
from resolvers.taxonomy.loaders import ALL_CATEGORIES, TOP_LEVEL
from schema.interfaces import Node
from schema.translated import QuantifiableTranslatedField, TranslatedField, translated

if TYPE_CHECKING:
    from schema.common.inputs import CategoryFilter
    from schema.interfaces import ParticipatorySpaceInterface


@strawberry.type(description="A named figure.")
class Statistic:
    name: str
    value: int


@strawberry.type(description="What kind of participatory space an object is.")
class ParticipatorySpaceManifest:
    name: str
    human_name: QuantifiableTranslatedField


_SPACE_NAMES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    SpaceKind.PARTICIPATORY_PROCESS: (
        {"fr": "Concertation", "en": "Participatory process"},
        {"fr": "Concertations", "en": "Participatory processes"},
    ),
    SpaceKind.ASSEMBLY: ({"fr": "Assemblée", "en": "Assembly"}, {"fr": "Assemblées", "en": "Assemblies"}),
}

_SPACE_MANIFEST_NAMES = {SpaceKind.PARTICIPATORY_PROCESS: "participatory_processes", SpaceKind.ASSEMBLY: "assemblies"}


def space_manifest(kind: str) -> ParticipatorySpaceManifest:
    single, plural = _SPACE_NAMES[kind]
    return ParticipatorySpaceManifest(
        name=_SPACE_MANIFEST_NAMES[kind],  # type: ignore[index]
        human_name=QuantifiableTranslatedField(single=translated(single), plural=translated(plural)),
    )


@strawberry.type(description="A category of a participatory space.")
class Category(Node):
    id: strawberry.ID
    name: TranslatedField
    description: TranslatedField
    weight: int
    pk: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Category) -> Category:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=translated(row.name),
            description=translated(row.description),
            weight=row.weight,
            pk=row.id,  # type: ignore[arg-type]
            parent_id=row.parent_id,
        )

    @strawberry.field(description="Categories under this one.")
    async def subcategories(self, info: Info) -> list[Category | None]:
        rows = await info.context.loaders.subcategories_by_parent.load(self.pk)
        return [Category.from_model(r) for r in rows]

    @strawberry.field(description="The category above this one, if any.")
    async def parent(self, info: Info) -> Category | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self.parent_id)
        return Category.from_model(row) if row else None


async def load_categories(
    info: Info, space_kind: str, space_id: int, filter: CategoryFilter | None
) -> list[Category | None]:
    parents: object = ALL_CATEGORIES
    if filter is not None and filter.parent_id is not strawberry.UNSET:
        ids = filter.parent_id
        if ids is None or all(i is None for i in ids):
            parents = TOP_LEVEL
        else:
            parsed = sorted(parse_id(i, field="filter.parentId") for i in ids if i is not None)  # type: ignore[type-var]
            # [null, id] lists top-level categories and that parent's subcategories (Decidim's parent_id IN).
            parents = (*parsed, None) if None in ids else tuple(parsed)
    rows = await info.context.loaders.categories_by_space.load((space_kind, space_id, parents))
    return [Category.from_model(r) for r in rows]


@strawberry.type(description="A territory (the département, a commune...). Scopes form a tree.")
class Scope(Node):
    id: strawberry.ID
    name: TranslatedField
    code: str | None
    pk: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Scope) -> Scope:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=translated(row.name),
            code=row.code,
            pk=row.id,  # type: ignore[arg-type]
            parent_id=row.parent_id,
        )

    @strawberry.field(description="Scopes inside this one.")
    async def children(self, info: Info) -> list[Scope | None]:
        rows = await info.context.loaders.scopes_by_parent.load(self.pk)
        return [Scope.from_model(r) for r in rows]

    @strawberry.field(description="The scope containing this one.")
    async def parent(self, info: Info) -> Scope | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.parent_id)
        return Scope.from_model(row) if row else None


@strawberry.type(description="A kind of area (e.g. territorial, thematic).")
class AreaType(Node):
    id: strawberry.ID
    name: TranslatedField
    plural: TranslatedField

    @classmethod
    def from_model(cls, row: models.AreaType) -> AreaType:
        return cls(id=strawberry.ID(str(row.id)), name=translated(row.name), plural=translated(row.plural))


@strawberry.type(description="An area of action of the organization.")
class Area(Node):
    id: strawberry.ID
    name: TranslatedField
    created_at: datetime
    updated_at: datetime
    area_type_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Area) -> Area:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=translated(row.name),
            created_at=row.created_at,  # type: ignore[arg-type]
            updated_at=row.updated_at,  # type: ignore[arg-type]
            area_type_id=row.area_type_id,
        )

    @strawberry.field(description="The kind of area.")
    async def area_type(self, info: Info) -> AreaType | None:
        if self.area_type_id is None:
            return None
        row = await info.context.loaders.area_type_by_id.load(self.area_type_id)
        return AreaType.from_model(row) if row else None


def _file_kind(content_type: str) -> str:
    return "image" if content_type.startswith("image/") else "document"


@strawberry.type(description="A document or an image attached to an object.")
class Attachment(Node):
    id: strawberry.ID
    title: TranslatedField
    description: TranslatedField
    url: str
    type: str = strawberry.field(description='"image" or "document".')
    thumbnail: str | None = strawberry.field(description="A small version, for images.")
    content_type: str = strawberry.field(description="Participa: the file's media type.")
    file_size: int = strawberry.field(description="Participa: size in bytes.")
    weight: int
    created_at: datetime
    collection_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Attachment) -> Attachment:
        kind = _file_kind(row.content_type)
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            description=translated(row.description),
            url=row.url,
            type=kind,
            thumbnail=row.url if kind == "image" else None,
            content_type=row.content_type,
            file_size=row.file_size,
            weight=row.weight,
            created_at=row.created_at,  # type: ignore[arg-type]
            collection_id=row.collection_id,
        )

    @strawberry.field(description="Participa: the folder this attachment is filed in, if any.")
    async def attachment_collection(self, info: Info) -> AttachmentCollection | None:
        if self.collection_id is None:
            return None
        row = await info.context.loaders.collection_by_id.load(self.collection_id)
        return AttachmentCollection.from_model(row) if row else None


@strawberry.type(description="Participa: a folder of attachments (e.g. minutes and summaries).")
class AttachmentCollection(Node):
    id: strawberry.ID
    name: TranslatedField
    description: TranslatedField
    weight: int
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AttachmentCollection) -> AttachmentCollection:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=translated(row.name),
            description=translated(row.description),
            weight=row.weight,
            pk=row.id,  # type: ignore[arg-type]
        )

    @strawberry.field(description="The attachments in this folder.")
    async def attachments(self, info: Info) -> list[Attachment]:
        rows = await info.context.loaders.attachments_by_collection.load(self.pk)
        return [Attachment.from_model(r) for r in rows]

    @strawberry.field(description="How many attachments the folder holds.")
    async def attachments_count(self, info: Info) -> int:
        return len(await info.context.loaders.attachments_by_collection.load(self.pk))


@strawberry.type(description="A link between two participatory spaces.")
class ParticipatorySpaceLink(Node):
    id: strawberry.ID
    from_type: str
    to_type: str
    name: str = strawberry.field(description="What the link means, e.g. included_participatory_processes.")
    other_kind: strawberry.Private[str]
    other_id: strawberry.Private[int]

    @strawberry.field(description="The space at the other end of the link.")
    async def participatory_space(
        self, info: Info
    ) -> Annotated[ParticipatorySpaceInterface, strawberry.lazy("schema.interfaces")]:
        from schema.processes.types import load_space_object

        space = await load_space_object(info, self.other_kind, self.other_id)
        if space is None:
            msg = "linked space not visible"
            raise LookupError(msg)
        return space


def link_from_model(row: models.SpaceLink, *, seen_from: tuple[str, int]) -> ParticipatorySpaceLink:
    outgoing = (row.from_kind, row.from_id) == seen_from
    other = (row.to_kind, row.to_id) if outgoing else (row.from_kind, row.from_id)
    return ParticipatorySpaceLink(
        id=strawberry.ID(str(row.id)),
        from_type=DECIDIM_CLASS_NAMES.get(row.from_kind, row.from_kind),
        to_type=DECIDIM_CLASS_NAMES.get(row.to_kind, row.to_kind),
        name=row.name,
        other_kind=other[0],
        other_id=other[1],
    )


async def load_space_links(info: Info, kind: str, pk: int) -> list[ParticipatorySpaceLink]:
    loaders = info.context.loaders
    outgoing = await loaders.links_from_space.load((kind, pk))
    incoming = await loaders.links_to_space.load((kind, pk))
    return [link_from_model(r, seen_from=(kind, pk)) for r in [*outgoing, *incoming]]
