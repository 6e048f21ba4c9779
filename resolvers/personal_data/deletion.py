"""Deleting one's own account: personal fields blanked, access cut, contributions kept.

As in Decidim, what the participant wrote stays (proposals, comments, answers keep their counts
and threads) and shows a deleted author. Everything that identifies or reaches the person goes in
one transaction: email, name, nickname (a stable ``deleted-<id>`` placeholder, so unique
constraints and profile paths stay well defined), avatar, about, locale, password, tokens, group
and private-space memberships, space roles, queued emails and throttling records keyed by email.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import case, delete, func, update

import models
from resolvers.accounts import throttle
from resolvers.accounts.sessions import sign_in_wait
from resolvers.errors import BadUserInput
from resolvers.personal_data.export import own_account
from resolvers.traceability.log import log_action

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.accounts.rules import AccountsEnv
    from resolvers.visibility import Scope

MAX_REASON = 1000


def placeholder_nickname(user_id: int) -> str:
    return f"deleted-{user_id}"


async def _check_password(
    sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope, env: AccountsEnv, password: str
) -> None:
    """Throttled like sign-in: a stolen bearer token must not become a way to guess the password."""
    async with sessionmaker() as session:
        user = await own_account(session, scope)
        key = throttle.account_key(user.email or f"#{user.id}")
        wait = await sign_in_wait(session, organization_id=scope.organization_id, env=env, key=key)
    throttle.raise_if_waiting(wait, "Too many failed attempts. Try again later.")
    verdict = await env.rules.passwords.verify(user.encrypted_password, password)
    if not verdict.ok:
        await throttle.record_now(
            sessionmaker,
            organization_id=scope.organization_id,
            action=throttle.Action.SIGN_IN,
            key=key,
            address=env.client_address,
        )
        msg = "The password is not correct."
        raise BadUserInput(msg, fields={"password": "is not correct"}, reason="INVALID_PASSWORD")


async def _forget(session: AsyncSession, *, user: models.User, moment: datetime) -> None:
    uid, org = user.id, user.organization_id
    t = models.AccessToken
    await session.execute(
        update(t).where(t.user_id == uid, t.revoked_at.is_(None)).values(revoked_at=moment)  # type: ignore[arg-type,union-attr]
    )
    # Follows go too (as Decidim): a deleted participant hears of nothing and counts as no follower.
    for model in (
        models.UserToken,
        models.UserGroupMembership,
        models.SpacePrivateUser,
        models.SpaceRole,
        models.Follow,
    ):
        await session.execute(delete(model).where(model.user_id == uid))  # type: ignore[attr-defined,arg-type]
    if user.email:
        key = throttle.account_key(user.email)
        sa = models.SignInAttempt
        await session.execute(delete(sa).where(sa.organization_id == org, sa.account_key == key))  # type: ignore[arg-type]
        o = models.OutboxEmail
        # Sent emails stay as a record that something was sent, but no longer say to whom or what.
        await session.execute(
            update(o)
            .where(o.organization_id == org, func.lower(o.to_address) == user.email.lower())  # type: ignore[arg-type]
            .values(
                to_address="",
                body="",
                status=case((o.status == "pending", "failed"), else_=o.status),  # type: ignore[arg-type]
                last_error=case((o.status == "pending", "account deleted"), else_=o.last_error),  # type: ignore[arg-type]
            )
        )


async def delete_account(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    env: AccountsEnv,
    password: str,
    reason: str | None = None,
) -> None:
    """Anonymise the viewer's account after checking their password; contributions stay."""
    if reason is not None and len(reason) > MAX_REASON:
        msg = f"The reason is too long (at most {MAX_REASON} characters)."
        raise BadUserInput(msg, fields={"reason": f"at most {MAX_REASON} characters"})
    await _check_password(sessionmaker, scope=scope, env=env, password=password)
    moment = datetime.now(UTC)
    async with sessionmaker() as session, session.begin():
        # Locked and checked again: a concurrent deletion or change must not interleave.
        user = await own_account(session, scope, lock=True)
        await _forget(session, user=user, moment=moment)
        user.email = None
        user.encrypted_password = None
        user.name = ""
        user.nickname = placeholder_nickname(user.id)  # type: ignore[arg-type]
        user.avatar_url = None
        user.about = None
        user.locale = None
        user.admin = False
        user.direct_messages_enabled = False
        user.deleted_at = moment
        await log_action(
            session,
            scope,
            action="user.delete",
            resource=("user", user.id),  # type: ignore[arg-type]
            # The reason helps the organization; it is the participant's words, not their identity.
            changes={"deleted_at": [None, moment], "reason": [None, (reason or "").strip() or None]},
        )
