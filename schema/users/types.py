"""Participants and groups as the public sees them: pseudonym, name, avatar. Never an email."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from models.users import UserKind
from schema.interfaces import Author, FollowableInterface, Node

if TYPE_CHECKING:
    import models

DEFAULT_AVATAR = "/static/default-avatar.svg"


def _author_fields(row: models.User) -> dict[str, object]:
    if row.deleted_at is not None:
        # As Decidim's API: a deleted author keeps its id and `deleted: true`, with nothing that names them.
        return {
            "id": strawberry.ID(str(row.id)),
            "name": "",
            "nickname": "",
            "avatar_url": DEFAULT_AVATAR,
            "profile_path": "",
            "badge": "",
            "deleted": True,
            "pk": row.id,
        }
    return {
        "id": strawberry.ID(str(row.id)),
        "name": row.name,
        "nickname": f"@{row.nickname}",
        "avatar_url": row.avatar_url or DEFAULT_AVATAR,
        "profile_path": f"/profiles/{row.nickname}",
        "badge": "verified" if row.verified_at is not None else "",
        "deleted": row.deleted_at is not None,
        "pk": row.id,
    }


@strawberry.type(description="A participant, known by their pseudonym. No private attribute is exposed.")
class User(Author, Node):
    direct_messages_enabled: str = strawberry.field(
        description='"true" when the participant accepts conversations from the viewer ("false" for anonymous viewers).'
    )
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.User, *, viewer_signed_in: bool = False) -> User:
        allowed = viewer_signed_in and row.direct_messages_enabled and row.deleted_at is None
        return cls(**_author_fields(row), direct_messages_enabled="true" if allowed else "false")  # type: ignore[arg-type]

    @strawberry.field(description="The groups the participant belongs to.")
    async def groups(self, info: Info) -> list[UserGroup | None]:
        if self.deleted:
            return []
        rows = await info.context.loaders.groups_by_member.load(self.pk)
        return [UserGroup.from_model(r) for r in rows]


@strawberry.type(description="A group of participants acting together (an association, a collective).")
class UserGroup(Author, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.User) -> UserGroup:
        return cls(**_author_fields(row))  # type: ignore[arg-type]

    @strawberry.field(description="Members of the group.")
    async def members(self, info: Info) -> list[User | None]:
        signed_in = not info.context.viewer.is_anonymous
        rows = await info.context.loaders.members_by_group.load(self.pk)
        return [User.from_model(r, viewer_signed_in=signed_in) for r in rows]

    @strawberry.field(description="How many members the group has.")
    async def members_count(self, info: Info) -> int:
        return len(await info.context.loaders.members_by_group.load(self.pk))


def author_from_model(row: models.User, info: Info) -> Author:
    if row.kind == UserKind.GROUP:
        return UserGroup.from_model(row)
    return User.from_model(row, viewer_signed_in=not info.context.viewer.is_anonymous)


@strawberry.type(description="The signed-in participant.")
class Session:
    user: User | None
    pk: strawberry.Private[int]

    @strawberry.field(description="Verified groups the participant belongs to.")
    async def verified_user_groups(self, info: Info) -> list[UserGroup | None]:
        rows = await info.context.loaders.groups_by_member.load(self.pk)
        return [UserGroup.from_model(r) for r in rows if r.verified_at is not None]

    @strawberry.field(
        description="Participa: what the participant follows and can still see, most recently followed first "
        "(`first` up to 50)."
    )
    async def follows(self, info: Info, first: int = 50) -> list[FollowableInterface]:
        from schema.follows.types import load_follows

        return await load_follows(info, self.pk, first)
