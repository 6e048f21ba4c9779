"""What admin mutations and queries answer with, beyond the spaces and components themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from schema.admin.inputs import SpaceRoleKind

if TYPE_CHECKING:
    from resolvers.admin.roles import RoleAssignment


@strawberry.type(description="A participant's role in a participatory space.")
class SpaceRoleAssignment:
    space_id: strawberry.ID
    user_id: strawberry.ID
    role: SpaceRoleKind

    @classmethod
    def from_assignment(cls, row: RoleAssignment) -> SpaceRoleAssignment:
        return cls(
            space_id=strawberry.ID(str(row.space_id)),
            user_id=strawberry.ID(str(row.user_id)),
            role=SpaceRoleKind(row.role.value),
        )
