from __future__ import annotations

import strawberry


@strawberry.input(description="Which participants to list.")
class UserEntityFilter:
    type: str | None = strawberry.field(default=None, description='"User" or "UserGroup".')
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    nickname: str | None = strawberry.field(default=None, description="Part of the nickname.")
    wildcard: str | None = strawberry.field(default=None, description="Part of the name or of the nickname.")
    exclude_ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Ids to leave out.")


@strawberry.input(description='Participant order; each value is "ASC" or "DESC".')
class UserEntitySort:
    id: str | None = None
    type: str | None = None
    name: str | None = None
    nickname: str | None = None
