from __future__ import annotations

import strawberry


@strawberry.input(description="A new participant account. Errors name these fields in `extensions.fields`.")
class RegisterInput:
    email: str
    password: str = strawberry.field(description="At least 10 characters; not a common password.")
    nickname: str = strawberry.field(description="3 to 20 characters among a-z, 0-9, _ and -; shown as @nickname.")
    name: str
    locale: str | None = strawberry.field(default=None, description="Defaults to the organization's locale.")
    tos_agreement: bool = strawberry.field(description="Must be true: the terms of service are accepted.")


@strawberry.input(description="Changes to the signed-in participant's account; omitted fields stay as they are.")
class UpdateAccountInput:
    name: str | None = None
    nickname: str | None = None
    locale: str | None = None
    about: str | None = None
    direct_messages_enabled: bool | None = None
