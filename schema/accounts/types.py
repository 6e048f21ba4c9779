"""Payloads of account mutations. None carries an email address or a stored hash."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.users.types import User


@strawberry.type(description="The account just created; it must be confirmed from the emailed link.")
class RegisterPayload:
    user: User


@strawberry.type(description="The account whose address is now confirmed.")
class ConfirmEmailPayload:
    user: User


@strawberry.type(description="A bearer token for `Authorization: Bearer <token>`. It is shown only once.")
class SignInPayload:
    token: str
    expires_at: datetime
    user: User
    confirmed: bool = strawberry.field(
        description="False until the emailed link is used; until then the participant cannot take part."
    )


@strawberry.type(description="The account after the change.")
class UpdateAccountPayload:
    user: User
