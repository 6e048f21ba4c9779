"""Participatory processes: the process page, its calendar of steps, groups and types."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

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
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models

PROCESS = SpaceKind.PARTICIPATORY_PROCESS.value


@strawberry.type(description="A participatory space, seen through what all spaces share.")
class ParticipatorySpace(ParticipatorySpaceInterface, Node):
    pass


@strawberry.type(description="A participatory process: a consultation with a calendar of steps and components.")
class ParticipatoryProcess(
    ParticipatorySpaceInterface,
    ParticipatorySpaceResourceableInterface,
    AttachableInterface,
    CategoriesContainerInterface,
    FollowableInterface,
    Node,
):
    followable_kind: strawberry.Private[str] = PROCESS
    slug: str
    hashtag: str | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = strawberry.field(description="Null only for unpublished processes (admins).")
    subtitle: TranslatedField | None
    description: TranslatedField | None
    short_description: TranslatedField | None
    start_date: date | None
    end_date: date | None
    hero_image: str | None
    banner_image: str | None = strawberry.field(description="Participa: the banner image URL.")
    promoted: bool | None
    developer_group: TranslatedField | None
    meta_scope: TranslatedField | None
    local_area: TranslatedField | None
    target: TranslatedField | None
    participatory_scope: TranslatedField | None
    participatory_structure: TranslatedField | None
    scopes_enabled: bool | None
    announcement: TranslatedField | None
    reference: str | None
    private_space: bool = strawberry.field(description="Participa: only members and admins see a private process.")
    group_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]
    scope_id: strawberry.Private[int | None]
    area_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.ParticipatoryProcess) -> ParticipatoryProcess:
        return cls(
            id=strawberry.ID(str(row.id)),
            pk=row.id,  # type: ignore[arg-type]
            space_kind=PROCESS,
            attachable_kind=PROCESS,
            show_statistics=row.show_statistics,
            type=DECIDIM_CLASS_NAMES[PROCESS],
            title=translated(row.title),
            slug=row.slug,
            hashtag=row.hashtag,
            created_at=row.created_at,  # type: ignore[arg-type]
            updated_at=row.updated_at,  # type: ignore[arg-type]
            published_at=row.published_at,
            subtitle=translated(row.subtitle),
            description=translated(row.description),
            short_description=translated(row.short_description),
            start_date=row.start_date,
            end_date=row.end_date,
            hero_image=row.hero_image,
            banner_image=row.banner_image,
            promoted=row.promoted,
            developer_group=translated(row.developer_group),
            meta_scope=translated(row.meta_scope),
            local_area=translated(row.local_area),
            target=translated(row.target),
            participatory_scope=translated(row.participatory_scope),
            participatory_structure=translated(row.participatory_structure),
            scopes_enabled=row.scopes_enabled,
            announcement=translated(row.announcement),
            reference=row.reference,
            private_space=row.private_space,
            group_id=row.process_group_id,
            type_id=row.process_type_id,
            scope_id=row.scope_id,
            area_id=row.area_id,
        )

    @strawberry.field(description="The calendar of the process, in order.")
    async def steps(self, info: Info) -> list[ParticipatoryProcessStep | None]:
        rows = await info.context.loaders.steps_by_process.load(self.pk)
        return [ParticipatoryProcessStep.from_model(r) for r in rows]

    @strawberry.field(description="Participa: the step in progress, if any.")
    async def active_step(self, info: Info) -> ParticipatoryProcessStep | None:
        rows = await info.context.loaders.steps_by_process.load(self.pk)
        return next((ParticipatoryProcessStep.from_model(r) for r in rows if r.active), None)

    @strawberry.field(description="The group this process belongs to.")
    async def participatory_process_group(self, info: Info) -> ParticipatoryProcessGroup | None:
        if self.group_id is None:
            return None
        row = await info.context.loaders.process_group_by_id.load(self.group_id)
        return ParticipatoryProcessGroup.from_model(row) if row else None

    @strawberry.field(description="Participa: the type of process.")
    async def participatory_process_type(self, info: Info) -> ParticipatoryProcessType | None:
        if self.type_id is None:
            return None
        row = await info.context.loaders.process_type_by_id.load(self.type_id)
        return ParticipatoryProcessType.from_model(row) if row else None

    @strawberry.field(description="Participa: the territory the process concerns.")
    async def scope(self, info: Info) -> Scope | None:
        if self.scope_id is None:
            return None
        row = await info.context.loaders.scope_by_id.load(self.scope_id)
        return Scope.from_model(row) if row else None

    @strawberry.field(description="Participa: the area of action.")
    async def area(self, info: Info) -> Area | None:
        if self.area_id is None:
            return None
        row = await info.context.loaders.area_by_id.load(self.area_id)
        return Area.from_model(row) if row else None


@strawberry.type(description="A step of a process's calendar.")
class ParticipatoryProcessStep(Node):
    id: strawberry.ID
    title: TranslatedField
    description: TranslatedField | None
    start_date: datetime | None
    end_date: datetime | None
    call_to_action_path: str | None
    call_to_action_text: TranslatedField | None
    active: bool | None
    position: int | None
    process_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ParticipatoryProcessStep) -> ParticipatoryProcessStep:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            description=translated(row.description),
            start_date=row.start_date,
            end_date=row.end_date,
            call_to_action_path=row.cta_path,
            call_to_action_text=translated(row.cta_text),
            active=row.active,
            position=row.position,
            process_id=row.process_id,
        )

    @strawberry.field(description="The process this step belongs to.")
    async def participatory_process(self, info: Info) -> ParticipatoryProcess:
        row = await info.context.loaders.process_by_id.load(self.process_id)
        if row is None:
            msg = "process not visible"
            raise LookupError(msg)
        return ParticipatoryProcess.from_model(row)


@strawberry.type(description="A group of related processes.")
class ParticipatoryProcessGroup(Node):
    id: strawberry.ID
    title: TranslatedField | None
    description: TranslatedField | None
    hero_image: str | None
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ParticipatoryProcessGroup) -> ParticipatoryProcessGroup:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            description=translated(row.description),
            hero_image=row.hero_image,
            pk=row.id,  # type: ignore[arg-type]
        )

    @strawberry.field(description="The visible processes of the group.")
    async def participatory_processes(self, info: Info) -> list[ParticipatoryProcess | None]:
        rows = await info.context.loaders.processes_by_group.load(self.pk)
        return [ParticipatoryProcess.from_model(r) for r in rows]


@strawberry.type(description="A type of process (e.g. consultation, participatory budget).")
class ParticipatoryProcessType(Node):
    id: strawberry.ID
    title: TranslatedField | None
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.ParticipatoryProcessType) -> ParticipatoryProcessType:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            created_at=row.created_at,  # type: ignore[arg-type]
            updated_at=row.updated_at,  # type: ignore[arg-type]
            pk=row.id,  # type: ignore[arg-type]
        )

    @strawberry.field(description="The visible processes of this type.")
    async def processes(self, info: Info) -> list[ParticipatoryProcess | None]:
        rows = await info.context.loaders.processes_by_type.load(self.pk)
        return [ParticipatoryProcess.from_model(r) for r in rows]


def generic_space(row: models.ParticipatoryProcess) -> ParticipatorySpace:
    return ParticipatorySpace(
        id=strawberry.ID(str(row.id)),
        pk=row.id,  # type: ignore[arg-type]
        space_kind=PROCESS,
        show_statistics=row.show_statistics,
        type=DECIDIM_CLASS_NAMES[PROCESS],
        title=translated(row.title),
    )


async def load_space(info: Info, kind: str, pk: int) -> ParticipatorySpace | None:
    """The generic view of a visible space (``Component.participatorySpace``)."""
    if kind == PROCESS:
        row = await info.context.loaders.process_by_id.load(pk)
        return generic_space(row) if row else None
    if kind == SpaceKind.ASSEMBLY:
        from schema.assemblies.types import load_assembly_space  # assemblies build on this module

        return await load_assembly_space(info, pk)
    return None


async def load_space_object(info: Info, kind: str, pk: int) -> ParticipatorySpaceInterface | None:
    """The specific type of a visible space (``ParticipatoryProcess``, later ``Assembly``)."""
    if kind == PROCESS:
        row = await info.context.loaders.process_by_id.load(pk)
        return ParticipatoryProcess.from_model(row) if row else None
    if kind == SpaceKind.ASSEMBLY:
        from schema.assemblies.types import load_assembly  # assemblies build on this module

        return await load_assembly(info, pk)
    return None
