"""Admin mutations for participatory processes (and their steps) and assemblies.

Thin: each field parses its input and hands over to ``resolvers.admin``; ``write`` runs it in one
transaction and clears the request's loaders. ``api:write`` is checked once for every mutation by
``schema.admin.scopes.RequireWriteScope``; the space permissions by ``resolvers.permissions.require``.
"""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from models.kinds import SpaceKind
from resolvers.admin import spaces, steps
from resolvers.admin.common import Space
from schema.admin.common import attributes, id_of, write
from schema.admin.inputs import SPACE_IDS, AssemblyAttributes, ParticipatoryProcessAttributes, StepAttributes
from schema.assemblies.types import Assembly
from schema.processes.types import ParticipatoryProcess, ParticipatoryProcessStep

PROCESS, ASSEMBLY = SpaceKind.PARTICIPATORY_PROCESS, SpaceKind.ASSEMBLY


@strawberry.type
class AdminSpaceMutations:
    @strawberry.mutation(description="Admin: create an unpublished participatory process (organization admins).")
    async def create_participatory_process(
        self, info: Info, attributes: ParticipatoryProcessAttributes
    ) -> ParticipatoryProcess | None:
        attrs = _attrs(attributes)
        row = await write(info, lambda s, sc: spaces.create_space(s, sc, kind=PROCESS, attrs=attrs))
        return ParticipatoryProcess.from_model(row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change a participatory process's attributes.")
    async def update_participatory_process(
        self, info: Info, id: strawberry.ID, attributes: ParticipatoryProcessAttributes
    ) -> ParticipatoryProcess | None:
        return ParticipatoryProcess.from_model(await _update(info, id, attributes, kind=PROCESS))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: publish a participatory process.")
    async def publish_participatory_process(self, info: Info, id: strawberry.ID) -> ParticipatoryProcess | None:
        return ParticipatoryProcess.from_model(await _publish(info, id, kind=PROCESS, published=True))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: unpublish a participatory process.")
    async def unpublish_participatory_process(self, info: Info, id: strawberry.ID) -> ParticipatoryProcess | None:
        return ParticipatoryProcess.from_model(await _publish(info, id, kind=PROCESS, published=False))  # type: ignore[arg-type]

    @strawberry.mutation(
        description="Admin: delete a participatory process without published components (FORBIDDEN NOT_SAFE "
        "otherwise); answers its id."
    )
    async def delete_participatory_process(self, info: Info, id: strawberry.ID) -> strawberry.ID | None:
        space_id = id_of(id, "id")
        deleted = await write(info, lambda s, sc: spaces.delete_space(s, sc, kind=PROCESS, space_id=space_id))
        return strawberry.ID(str(deleted))

    @strawberry.mutation(description="Admin: add a step at the end of a process's calendar.")
    async def create_step(
        self, info: Info, process_id: strawberry.ID, attributes: StepAttributes
    ) -> ParticipatoryProcessStep | None:
        pid, attrs = id_of(process_id, "processId"), attributes_of(attributes)
        row = await write(info, lambda s, sc: steps.create_step(s, sc, process_id=pid, attrs=attrs))
        return ParticipatoryProcessStep.from_model(row)

    @strawberry.mutation(description="Admin: change a step.")
    async def update_step(
        self, info: Info, id: strawberry.ID, attributes: StepAttributes
    ) -> ParticipatoryProcessStep | None:
        step_id, attrs = id_of(id, "id"), attributes_of(attributes)
        row = await write(info, lambda s, sc: steps.update_step(s, sc, step_id=step_id, attrs=attrs))
        return ParticipatoryProcessStep.from_model(row)

    @strawberry.mutation(description="Admin: make this step the process's only active one.")
    async def activate_step(self, info: Info, id: strawberry.ID) -> ParticipatoryProcessStep | None:
        step_id = id_of(id, "id")
        row = await write(info, lambda s, sc: steps.activate_step(s, sc, step_id=step_id))
        return ParticipatoryProcessStep.from_model(row)

    @strawberry.mutation(description="Admin: put a process's steps in this order (list every step once).")
    async def reorder_steps(
        self, info: Info, process_id: strawberry.ID, step_ids: list[strawberry.ID]
    ) -> list[ParticipatoryProcessStep] | None:
        pid, ids = id_of(process_id, "processId"), [id_of(i, "stepIds") for i in step_ids]
        rows = await write(info, lambda s, sc: steps.reorder_steps(s, sc, process_id=pid, step_ids=ids))
        return [ParticipatoryProcessStep.from_model(row) for row in rows]

    @strawberry.mutation(description="Admin: create an unpublished assembly (organization admins).")
    async def create_assembly(self, info: Info, attributes: AssemblyAttributes) -> Assembly | None:
        attrs = _attrs(attributes)
        row = await write(info, lambda s, sc: spaces.create_space(s, sc, kind=ASSEMBLY, attrs=attrs))
        return Assembly.from_model(row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change an assembly's attributes.")
    async def update_assembly(self, info: Info, id: strawberry.ID, attributes: AssemblyAttributes) -> Assembly | None:
        return Assembly.from_model(await _update(info, id, attributes, kind=ASSEMBLY))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: publish an assembly.")
    async def publish_assembly(self, info: Info, id: strawberry.ID) -> Assembly | None:
        return Assembly.from_model(await _publish(info, id, kind=ASSEMBLY, published=True))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: unpublish an assembly.")
    async def unpublish_assembly(self, info: Info, id: strawberry.ID) -> Assembly | None:
        return Assembly.from_model(await _publish(info, id, kind=ASSEMBLY, published=False))  # type: ignore[arg-type]


def _attrs(value: object) -> dict[str, object]:
    return attributes(value, ids=SPACE_IDS)


def attributes_of(value: object) -> dict[str, object]:
    return attributes(value)


async def _update(info: Info, id: strawberry.ID, value: object, *, kind: SpaceKind) -> Space:
    space_id, attrs = id_of(id, "id"), _attrs(value)
    return await write(info, lambda s, sc: spaces.update_space(s, sc, kind=kind, space_id=space_id, attrs=attrs))


async def _publish(info: Info, id: strawberry.ID, *, kind: SpaceKind, published: bool) -> Space:
    space_id = id_of(id, "id")
    return await write(
        info, lambda s, sc: spaces.set_space_published(s, sc, kind=kind, space_id=space_id, published=published)
    )
