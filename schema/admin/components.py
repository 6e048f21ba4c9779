"""Admin mutations for components, space roles and private-space members, and the ``spaceRoles`` read."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.admin import components, roles
from resolvers.permissions import Role
from schema.admin.common import attributes, id_of, write
from schema.admin.inputs import ComponentAttributes, SpaceMemberInput, SpaceRoleInput
from schema.admin.types import SpaceRoleAssignment
from schema.components.types import component_from_model
from schema.interfaces import ComponentInterface


@strawberry.type
class AdminComponentMutations:
    @strawberry.mutation(
        description="Admin: add an unpublished component to a space; settings are validated against the "
        'manifest (errors name the setting, e.g. "settings.vote_limit").'
    )
    async def add_component(
        self, info: Info, space_id: strawberry.ID, manifest_name: str, attributes: ComponentAttributes
    ) -> ComponentInterface | None:
        sid, attrs = id_of(space_id, "spaceId"), _attrs(attributes)
        row = await write(
            info,
            lambda s, sc: components.add_component(s, sc, space_id=sid, manifest_name=manifest_name, attrs=attrs),
        )
        return component_from_model(row)

    @strawberry.mutation(description="Admin: change a component's name, weight or settings.")
    async def update_component(
        self, info: Info, id: strawberry.ID, attributes: ComponentAttributes
    ) -> ComponentInterface | None:
        cid, attrs = id_of(id, "id"), _attrs(attributes)
        row = await write(info, lambda s, sc: components.update_component(s, sc, component_id=cid, attrs=attrs))
        return component_from_model(row)

    @strawberry.mutation(description="Admin: publish a component.")
    async def publish_component(self, info: Info, id: strawberry.ID) -> ComponentInterface | None:
        return await _publish(info, id, published=True)

    @strawberry.mutation(description="Admin: unpublish a component.")
    async def unpublish_component(self, info: Info, id: strawberry.ID) -> ComponentInterface | None:
        return await _publish(info, id, published=False)

    @strawberry.mutation(description="Admin: put a space's components in this order (list every one once).")
    async def reorder_components(
        self, info: Info, space_id: strawberry.ID, component_ids: list[strawberry.ID]
    ) -> list[ComponentInterface] | None:
        sid, ids = id_of(space_id, "spaceId"), [id_of(i, "componentIds") for i in component_ids]
        rows = await write(info, lambda s, sc: components.reorder_components(s, sc, space_id=sid, component_ids=ids))
        return [component_from_model(row) for row in rows]

    @strawberry.mutation(description="Admin: give a participant a role in a space (idempotent).")
    async def assign_space_role(self, info: Info, input: SpaceRoleInput) -> SpaceRoleAssignment | None:
        sid, uid, role = id_of(input.space_id, "spaceId"), id_of(input.user_id, "userId"), Role(input.role.value)
        out = await write(info, lambda s, sc: roles.assign_role(s, sc, space_id=sid, user_id=uid, role=role))
        return SpaceRoleAssignment.from_assignment(out)

    @strawberry.mutation(description="Admin: take a role away; true when there was one.")
    async def remove_space_role(self, info: Info, input: SpaceRoleInput) -> bool | None:
        sid, uid, role = id_of(input.space_id, "spaceId"), id_of(input.user_id, "userId"), Role(input.role.value)
        return await write(info, lambda s, sc: roles.remove_role(s, sc, space_id=sid, user_id=uid, role=role))

    @strawberry.mutation(description="Admin: make a participant a member of a private space; true when new.")
    async def invite_space_member(self, info: Info, input: SpaceMemberInput) -> bool | None:
        sid, uid = id_of(input.space_id, "spaceId"), id_of(input.user_id, "userId")
        return await write(info, lambda s, sc: roles.invite_member(s, sc, space_id=sid, user_id=uid))

    @strawberry.mutation(description="Admin: remove a private space's member; true when there was one.")
    async def remove_space_member(self, info: Info, input: SpaceMemberInput) -> bool | None:
        sid, uid = id_of(input.space_id, "spaceId"), id_of(input.user_id, "userId")
        return await write(info, lambda s, sc: roles.remove_member(s, sc, space_id=sid, user_id=uid))


@strawberry.type
class AdminQueries:
    @strawberry.field(description="Admin: the roles given in a space (needs the permission to manage them).")
    async def space_roles(self, info: Info, space_id: strawberry.ID) -> list[SpaceRoleAssignment]:
        sid = id_of(space_id, "spaceId")
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await roles.space_roles(session, ctx.scope, space_id=sid)
        return [SpaceRoleAssignment.from_assignment(row) for row in rows]


def _attrs(value: object) -> dict[str, object]:
    return attributes(value)


async def _publish(info: Info, id: strawberry.ID, *, published: bool) -> ComponentInterface:
    cid = id_of(id, "id")
    row = await write(
        info, lambda s, sc: components.set_component_published(s, sc, component_id=cid, published=published)
    )
    return component_from_model(row)
