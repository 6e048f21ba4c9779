"""Account mutations: thin wrappers over ``resolvers.accounts``; loaders are cleared after each write.

Every mutation field is nullable: a refused mutation is null with its error, and the other
mutations of the same document still run (a non-null field's error would null them all).
"""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.accounts import mutations, recovery, sessions
from resolvers.accounts.rules import DEFAULT_ENV, AccountsEnv
from resolvers.accounts.tokens import Purpose
from schema.accounts.inputs import RegisterInput, UpdateAccountInput
from schema.accounts.types import ConfirmEmailPayload, RegisterPayload, SignInPayload, UpdateAccountPayload
from schema.users.types import User


def _env(info: Info) -> AccountsEnv:
    """What the HTTP layer says about the caller; in-process callers get the defaults."""
    env = info.context.extra.get("accounts")
    return env if isinstance(env, AccountsEnv) else DEFAULT_ENV


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create an account; a confirmation link is emailed.")
    async def register(self, info: Info, input: RegisterInput) -> RegisterPayload | None:
        ctx = info.context
        data = mutations.Registration(
            email=input.email,
            password=input.password,
            nickname=input.nickname,
            name=input.name,
            locale=input.locale,
            tos_agreement=input.tos_agreement,
        )
        row = await mutations.register(ctx.sessionmaker, organization=ctx.organization, env=_env(info), data=data)
        ctx.loaders.clear_all()
        return RegisterPayload(user=User.from_model(row, viewer_signed_in=True))

    @strawberry.mutation(description="Confirm an email address with the token from the confirmation email.")
    async def confirm_email(self, info: Info, token: str) -> ConfirmEmailPayload | None:
        ctx = info.context
        row = await mutations.confirm_email(ctx.sessionmaker, organization_id=ctx.organization.id, token=token)
        ctx.loaders.clear_all()
        return ConfirmEmailPayload(user=User.from_model(row, viewer_signed_in=True))

    @strawberry.mutation(
        description="Email a new confirmation link. Always true: it never tells whether the address has an account."
    )
    async def resend_confirmation(self, info: Info, email: str) -> bool | None:
        ctx = info.context
        await mutations.request_email(
            ctx.sessionmaker, organization=ctx.organization, env=_env(info), email=email, purpose=Purpose.CONFIRMATION
        )
        return True

    @strawberry.mutation(description="Exchange an email and a password for a bearer token.")
    async def sign_in(self, info: Info, email: str, password: str) -> SignInPayload | None:
        ctx = info.context
        signed = await sessions.sign_in(
            ctx.sessionmaker, organization_id=ctx.organization.id, env=_env(info), email=email, password=password
        )
        ctx.loaders.clear_all()
        return SignInPayload(
            token=signed.token,
            expires_at=signed.expires_at,
            user=User.from_model(signed.user, viewer_signed_in=True),
            confirmed=signed.user.confirmed_at is not None,
        )

    @strawberry.mutation(description="Revoke the bearer token this request is made with.")
    async def sign_out(self, info: Info) -> bool | None:
        ctx = info.context
        await sessions.sign_out(ctx.sessionmaker, scope=ctx.scope, env=_env(info))
        ctx.loaders.clear_all()
        return True

    @strawberry.mutation(description="Change the signed-in participant's profile and preferences.")
    async def update_account(self, info: Info, input: UpdateAccountInput) -> UpdateAccountPayload | None:
        ctx = info.context
        changes = mutations.AccountChanges(
            name=input.name,
            nickname=input.nickname,
            locale=input.locale,
            about=input.about,
            direct_messages_enabled=input.direct_messages_enabled,
        )
        row = await mutations.update_account(
            ctx.sessionmaker, scope=ctx.scope, organization=ctx.organization, changes=changes
        )
        ctx.loaders.clear_all()
        return UpdateAccountPayload(user=User.from_model(row, viewer_signed_in=True))

    @strawberry.mutation(description="Change the password; every other session is signed out.")
    async def change_password(self, info: Info, current_password: str, new_password: str) -> bool | None:
        ctx = info.context
        await recovery.change_password(
            ctx.sessionmaker,
            scope=ctx.scope,
            env=_env(info),
            current_password=current_password,
            new_password=new_password,
        )
        ctx.loaders.clear_all()
        return True

    @strawberry.mutation(
        description="Email a password-reset link. Always true: it never tells whether the address has an account."
    )
    async def request_password_reset(self, info: Info, email: str) -> bool | None:
        ctx = info.context
        await mutations.request_email(
            ctx.sessionmaker, organization=ctx.organization, env=_env(info), email=email, purpose=Purpose.PASSWORD_RESET
        )
        return True

    @strawberry.mutation(
        description="Set a new password with the token from the reset email; every session is signed out."
    )
    async def reset_password(self, info: Info, token: str, new_password: str) -> bool | None:
        ctx = info.context
        await recovery.reset_password(
            ctx.sessionmaker,
            organization_id=ctx.organization.id,
            env=_env(info),
            token=token,
            new_password=new_password,
        )
        ctx.loaders.clear_all()
        return True
