"""Passwords: change one (signed in) or reset a forgotten one (with an emailed token)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resolvers import actors
from resolvers.accounts import throttle
from resolvers.accounts.passwords import password_problem
from resolvers.accounts.sessions import TOO_MANY, sign_in_wait
from resolvers.accounts.tokens import Purpose, find_user_token, now, revoke_session_tokens
from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.accounts.rules import AccountsEnv
    from resolvers.visibility import Scope


def _check_policy(password: str, *, field: str, email: str | None, nickname: str) -> None:
    problem = password_problem(password, email=email, nickname=nickname)
    if problem:
        raise BadUserInput(f"The new password {problem}.", fields={field: problem})


async def change_password(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    env: AccountsEnv,
    current_password: str,
    new_password: str,
) -> None:
    """Replace the password, then sign the participant out everywhere but here.

    A wrong current password counts as a failed sign-in, so a stolen token cannot be used to
    guess the password faster than the sign-in form allows.
    """
    async with sessionmaker() as session:
        user = await actors.require_participant(session, scope)
        key = throttle.account_key(user.email or "")
        throttle.raise_if_waiting(
            await sign_in_wait(session, organization_id=scope.organization_id, env=env, key=key), TOO_MANY
        )
    verdict = await env.rules.passwords.verify(user.encrypted_password, current_password)
    if not verdict.ok:
        await throttle.record_now(
            sessionmaker,
            organization_id=scope.organization_id,
            action=throttle.Action.SIGN_IN,
            key=key,
            address=env.client_address,
        )
        msg = "The current password is not correct."
        raise BadUserInput(msg, fields={"currentPassword": "is not correct"})
    _check_policy(new_password, field="newPassword", email=user.email, nickname=user.nickname)
    encrypted = await env.rules.passwords.hash(new_password)
    async with sessionmaker() as session, session.begin():
        user = await actors.require_participant(session, scope, lock=True)
        user.encrypted_password = encrypted
        await revoke_session_tokens(session, user_id=user.id, except_hash=env.token_hash)  # type: ignore[arg-type]


async def reset_password(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    organization_id: int,
    env: AccountsEnv,
    token: str,
    new_password: str,
) -> None:
    """Set a new password with a one-time emailed token; every session is signed out.

    Using the token proves the participant reads that mailbox, so it confirms the address too.
    """
    async with sessionmaker() as session:
        _, user = await find_user_token(
            session, organization_id=organization_id, token=token, purpose=Purpose.PASSWORD_RESET
        )
    _check_policy(new_password, field="newPassword", email=user.email, nickname=user.nickname)
    encrypted = await env.rules.passwords.hash(new_password)
    async with sessionmaker() as session, session.begin():
        # Checked again under a row lock: of two concurrent uses, the second finds it used.
        row, user = await find_user_token(
            session, organization_id=organization_id, token=token, purpose=Purpose.PASSWORD_RESET, lock=True
        )
        moment = now()
        row.used_at = moment
        user.encrypted_password = encrypted
        if user.confirmed_at is None:
            user.confirmed_at = moment
        await revoke_session_tokens(session, user_id=user.id)  # type: ignore[arg-type]
