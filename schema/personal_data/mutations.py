"""``downloadMyData`` and ``deleteMyAccount``.

The download is a mutation although it writes nothing: mutations are POST-only, so an archive full
of personal data is never fetched by a GET that proxies, browser histories or access logs keep.
"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from resolvers.accounts.rules import DEFAULT_ENV, AccountsEnv
from resolvers.personal_data import deletion, export


def _env(info: Info) -> AccountsEnv:
    env = info.context.extra.get("accounts")
    return env if isinstance(env, AccountsEnv) else DEFAULT_ENV


@strawberry.input(description="Confirm the deletion of your account.")
class DeleteMyAccountInput:
    password: str = strawberry.field(description="Your current password.")
    reason: str | None = strawberry.field(default=None, description="Why you leave (optional, for the organization).")


@strawberry.type
class PersonalDataMutations:
    @strawberry.mutation(
        description=(
            "Participa: everything the platform keeps about you (account fields and every contribution, "
            "support, registration, answer and order) as one JSON document. Only your own data."
        )
    )
    async def download_my_data(self, info: Info) -> JSON | None:
        ctx = info.context
        archive: JSON = await export.build_archive(ctx.sessionmaker, scope=ctx.scope)  # type: ignore[assignment]
        return archive

    @strawberry.mutation(
        description=(
            "Delete your account: email, name, nickname, avatar and sessions are erased; what you wrote "
            "stays, shown as by a deleted participant. True once done."
        )
    )
    async def delete_my_account(self, info: Info, input: DeleteMyAccountInput) -> bool | None:
        ctx = info.context
        await deletion.delete_account(
            ctx.sessionmaker, scope=ctx.scope, env=_env(info), password=input.password, reason=input.reason
        )
        ctx.loaders.clear_all()
        return True
