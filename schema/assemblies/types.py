"""Assemblies: the assembly page, its tree of sub-assemblies, and assembly types."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES, SpaceKind
from schema.common.types import Area, Scope
from schema.interfaces import (
    AttachableInterface,
    CategoriesContainerInterface,
    FollowableInterface,
    Node,
    ParticipatorySpaceInterface,
    ParticipatorySpaceResourceableInterface,
)
from schema.processes.types import ParticipatorySpace
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models

ASSEMBLY = SpaceKind.ASSEMBLY.value

# Columns exposed as they are, and translated columns exposed as ``TranslatedField``; same names both sides.
_PLAIN = (
    "slug",
    "hashtag",
    "created_at",
    "updated_at",
    "published_at",
    "reference",
    "hero_image",
    "banner_image",
    "promoted",
    "scopes_enabled",
    "private_space",
    "parents_path",
    "creation_date",
    "created_by",
    "duration",
    "included_at",
    "closing_date",
    "is_transparent",
    "twitter_handler",
    "instagram_handler",
    "facebook_handler",
    "youtube_handler",
    "github_handler",
)
_TRANSLATED = (
    "subtitle",
    "short_description",
    "description",
    "developer_group",
    "meta_scope",
    "local_area",
    "target",
    "participatory_scope",
    "participatory_structure",
    "purpose_of_action",
    "composition",
    "created_by_other",
    "closing_date_reason",
    "internal_organisation",
    "special_features",
    "announcement",
)


@strawberry.type(description="An assembly: a standing participatory body (council, commission...), possibly nested.")
class Assembly(
    ParticipatorySpaceInterface,
    ParticipatorySpaceResourceableInterface,
    AttachableInterface,
    CategoriesContainerInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = ASSEMBLY
    subtitle: TranslatedField | None
    short_description: TranslatedField | None
    description: TranslatedField | None
    slug: str
    hashtag: str | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = strawberry.field(description="Null only for unpublished assemblies (admins).")
    reference: str | None
    hero_image: str | None
    banner_image: str | None
    promoted: bool | None
    developer_group: TranslatedField | None
    meta_scope: TranslatedField | None
    local_area: TranslatedField | None
    target: TranslatedField | None
    participatory_scope: TranslatedField | None
    participatory_structure: TranslatedField | None
    scopes_enabled: bool | None
    private_space: bool | None = strawberry.field(
        description="Only members and admins see a private assembly, unless it is transparent."
    )
    parents_path: str | None = strawberry.field(description='Ids from the root assembly down to this one, "1.2.3".')
    purpose_of_action: TranslatedField | None
    composition: TranslatedField | None
    creation_date: date | None
    created_by: str | None = strawberry.field(description='"city_council", "public" or "others".')
    created_by_other: TranslatedField | None
    duration: date | None
    included_at: date | None
    closing_date: date | None
    closing_date_reason: TranslatedField | None
    internal_organisation: TranslatedField | None
    is_transparent: bool | None = strawberry.field(
        description="A transparent private assembly is readable by everyone, not only by its members."
    )
    special_features: TranslatedField | None
    twitter_handler: str | None
    instagram_handler: str | None
    facebook_handler: str | None
    youtube_handler: str | None
    github_handler: str | None
    announcement: TranslatedField | None
    parent_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    area_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Assembly) -> Assembly:
        values: dict[str, Any] = {name: getattr(row, name) for name in _PLAIN}
        values |= {name: translated(getattr(row, name)) for name in _TRANSLATED}
        return cls(
            id=strawberry.ID(str(row.id)),
            pk=row.id,  # type: ignore[arg-type]
            space_kind=ASSEMBLY,
            attachable_kind=ASSEMBLY,
            show_statistics=row.show_statistics,
            type=DECIDIM_CLASS_NAMES[ASSEMBLY],
            title=translated(row.title),
            parent_id=row.parent_id,
            type_id=row.assembly_type_id,
            scope_id=row.scope_id,
            area_id=row.area_id,
            **values,
        )

    @strawberry.field(description="The area of action.")
    async def area(self, info: Info) -> Area | None:
        if self.area_id is None:
            return None
        row = await info.context.loaders.area_by_id.load(self.area_id)
        return Area.from_model(row) if row else None

    @strawberry.field(description="Participa: the territory the assembly concerns.")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="The assembly this one belongs to.")
    async def parent(self, info: Info) -> Assembly | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.assembly_by_id.load(self.parent_id)
        return Assembly.from_model(row) if row else None

    @strawberry.field(description="How many sub-assemblies the viewer may see.")
    async def children_count(self, info: Info) -> int | None:
        return len(await info.context.loaders.assemblies_by_parent.load(self.pk))

    @strawberry.field(description="The type of assembly.")
    async def assembly_type(self, info: Info) -> AssembliesType | None:
        if self.type_id is None:
            return None
        row = await info.context.loaders.assemblies_type_by_id.load(self.type_id)
        return AssembliesType.from_model(row) if row else None

    @strawberry.field(description="Sub-assemblies the viewer may see, by weight.")
    async def children(self, info: Info) -> list[Assembly | None]:
        rows = await info.context.loaders.assemblies_by_parent.load(self.pk)
        return [Assembly.from_model(r) for r in rows]


@strawberry.type(description="A type of assembly (e.g. government body, consultative council).")
class AssembliesType(Node):
    id: strawberry.ID
    title: TranslatedField
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.AssembliesType) -> AssembliesType:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            created_at=row.created_at,  # type: ignore[arg-type]
            updated_at=row.updated_at,  # type: ignore[arg-type]
            pk=row.id,  # type: ignore[arg-type]
        )

    @strawberry.field(description="The visible assemblies of this type.")
    async def assemblies(self, info: Info) -> list[Assembly | None]:
        rows = await info.context.loaders.assemblies_by_type.load(self.pk)
        return [Assembly.from_model(r) for r in rows]


def generic_assembly(row: models.Assembly) -> ParticipatorySpace:
    return ParticipatorySpace(
        id=strawberry.ID(str(row.id)),
        pk=row.id,  # type: ignore[arg-type]
        space_kind=ASSEMBLY,
        show_statistics=row.show_statistics,
        type=DECIDIM_CLASS_NAMES[ASSEMBLY],
        title=translated(row.title),
    )


async def load_assembly_space(info: Info, pk: int) -> ParticipatorySpace | None:
    """The generic view of a visible assembly (``Component.participatorySpace``)."""
    row = await info.context.loaders.assembly_by_id.load(pk)
    return generic_assembly(row) if row else None


async def load_assembly(info: Info, pk: int) -> Assembly | None:
    """The ``Assembly`` view of a visible assembly (links between spaces)."""
    row = await info.context.loaders.assembly_by_id.load(pk)
    return Assembly.from_model(row) if row else None
