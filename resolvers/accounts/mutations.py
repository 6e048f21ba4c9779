"""Registration, email confirmation and profile changes.

Sign-in and sign-out live in ``sessions``, password changes and recovery in ``recovery``. Each
write validates, authorizes, then runs in one transaction; emails it causes are recorded in the
outbox in that transaction and handed to the mailer after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

import models
from models.users import UserKind
from resolvers import actors
from resolvers.accounts import throttle, validation
from resolvers.accounts.emails import compose
from resolvers.accounts.outbox import record_email, schedule
from resolvers.accounts.passwords import password_problem
from resolvers.accounts.queries import conflict_fields, taken_fields, user_by_email
from resolvers.accounts.tokens import Purpose, find_user_token, issue_user_token, now
from resolvers.errors import BadUserInput, Conflict

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.accounts.rules import AccountsEnv
    from resolvers.visibility import Scope

INVALID_INPUT = "Some fields are not valid."


@dataclass(frozen=True, slots=True)
class Registration:
    email: str
    password: str
    nickname: str
    name: str
    locale: str | None
    tos_agreement: bool


@dataclass(frozen=True, slots=True)
class AccountChanges:
    """``None`` leaves a value as it is."""

    name: str | None = None
    nickname: str | None = None
    locale: str | None = None
    about: str | None = None
    direct_messages_enabled: bool | None = None


def _registration_problems(data: Registration, *, email: str, nickname: str, locales: list[str]) -> dict[str, str]:
    checks = {
        "email": validation.email_problem(email),
        "nickname": validation.nickname_problem(nickname),
        "name": validation.name_problem(data.name),
        "locale": validation.locale_problem(data.locale, locales) if data.locale else None,
        "password": password_problem(data.password, email=email, nickname=nickname),
        "tosAgreement": None if data.tos_agreement else "must be accepted",
    }
    return {name: problem for name, problem in checks.items() if problem}


async def register(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    organization: models.Organization,
    env: AccountsEnv,
    data: Registration,
) -> models.User:
    """A new, unconfirmed participant, and a confirmation email to their address.

    As in Decidim a taken address is reported as taken; registrations are throttled per client
    address so that this cannot be used to test addresses in bulk.
    """
    org_id: int = organization.id  # type: ignore[assignment]
    email = validation.normalise_email(data.email)
    nickname = validation.normalise_nickname(data.nickname)
    problems = _registration_problems(data, email=email, nickname=nickname, locales=organization.available_locales)
    if problems:
        raise BadUserInput(INVALID_INPUT, fields=problems)
    limit = env.rules.registrations_per_address
    async with sessionmaker() as session:
        wait = await throttle.seconds_until_allowed(
            session,
            organization_id=org_id,
            action=throttle.Action.REGISTER,
            limit=limit,
            where=throttle.address_is(env.client_address),
        )
    throttle.raise_if_waiting(wait, "Too many registrations from your network. Try again later.")
    await throttle.record_now(
        sessionmaker,
        organization_id=org_id,
        action=throttle.Action.REGISTER,
        key=throttle.account_key(email),
        address=env.client_address,
    )
    encrypted = await env.rules.passwords.hash(data.password)
    try:
        async with sessionmaker() as session, session.begin():
            taken = await taken_fields(session, organization_id=org_id, email=email, nickname=nickname)
            if taken:
                raise Conflict("This account cannot be created.", fields=taken)
            user = models.User(
                organization_id=org_id,
                kind=UserKind.USER.value,
                email=email,
                encrypted_password=encrypted,
                nickname=nickname,
                name=data.name.strip(),
                locale=data.locale or organization.default_locale,
            )
            session.add(user)
            await session.flush()
            email_id = await _send_token(
                session, user=user, organization=organization, env=env, purpose=Purpose.CONFIRMATION
            )
    except IntegrityError as exc:
        # Another registration took the address or the nickname between the check and the insert.
        raise Conflict("This account cannot be created.", fields=conflict_fields(str(exc.orig))) from None
    schedule(env.mailer, [email_id])
    return user


async def _send_token(
    session: AsyncSession, *, user: models.User, organization: models.Organization, env: AccountsEnv, purpose: Purpose
) -> int:
    """Issue a one-time token and record the email that carries it."""
    ttl = env.rules.confirmation_ttl if purpose is Purpose.CONFIRMATION else env.rules.password_reset_ttl
    token = await issue_user_token(session, user=user, purpose=purpose, ttl=ttl)
    subject, body = compose(
        purpose.value, user=user, organization=organization, token=token, scheme=env.rules.link_scheme
    )
    return await record_email(
        session,
        organization_id=user.organization_id,
        to_address=user.email or "",
        kind=purpose.value,
        subject=subject,
        body=body,
        meta={"user_id": user.id},
    )


async def confirm_email(
    sessionmaker: async_sessionmaker[AsyncSession], *, organization_id: int, token: str
) -> models.User:
    async with sessionmaker() as session, session.begin():
        row, user = await find_user_token(
            session, organization_id=organization_id, token=token, purpose=Purpose.CONFIRMATION, lock=True
        )
        moment = now()
        row.used_at = moment
        if user.confirmed_at is None:
            user.confirmed_at = moment
    return user


async def request_email(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    organization: models.Organization,
    env: AccountsEnv,
    email: str,
    purpose: Purpose,
) -> None:
    """Send a confirmation or password-reset token to ``email`` if an account there needs one.

    The caller learns nothing: the answer is the same whether or not the address has an account,
    and the throttle counts every request alike.
    """
    org_id: int = organization.id  # type: ignore[assignment]
    key = throttle.account_key(email)
    rules = env.rules
    async with sessionmaker() as session:
        wait = max(
            await throttle.seconds_until_allowed(
                session,
                organization_id=org_id,
                action=throttle.Action.EMAIL_REQUEST,
                limit=rules.email_requests_per_account,
                where=throttle.key_is(key),
            ),
            await throttle.seconds_until_allowed(
                session,
                organization_id=org_id,
                action=throttle.Action.EMAIL_REQUEST,
                limit=rules.email_requests_per_address,
                where=throttle.address_is(env.client_address),
            ),
        )
    throttle.raise_if_waiting(wait, "Too many email requests. Try again later.")
    email_ids: list[int] = []
    async with sessionmaker() as session, session.begin():
        throttle.add_attempt(
            session,
            organization_id=org_id,
            action=throttle.Action.EMAIL_REQUEST,
            key=key,
            address=env.client_address,
            succeeded=True,
        )
        user = await user_by_email(session, organization_id=org_id, email=email, lock=True)
        wanted = user is not None and not user.blocked
        if purpose is Purpose.CONFIRMATION:
            wanted = wanted and user is not None and user.confirmed_at is None
        if wanted and user is not None:
            email_ids.append(await _send_token(session, user=user, organization=organization, env=env, purpose=purpose))
    schedule(env.mailer, email_ids)


def _change_problems(changes: AccountChanges, *, nickname: str | None, locales: list[str]) -> dict[str, str]:
    checks = {
        "name": validation.name_problem(changes.name) if changes.name is not None else None,
        "nickname": validation.nickname_problem(nickname) if nickname is not None else None,
        "locale": validation.locale_problem(changes.locale, locales) if changes.locale is not None else None,
        "about": "must be at most 2000 characters" if changes.about and len(changes.about) > 2000 else None,
    }
    return {name: problem for name, problem in checks.items() if problem}


async def update_account(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    changes: AccountChanges,
) -> models.User:
    """Change the viewer's public profile and preferences. Confirmed participants only."""
    nickname = validation.normalise_nickname(changes.nickname) if changes.nickname is not None else None
    problems = _change_problems(changes, nickname=nickname, locales=organization.available_locales)
    if problems:
        raise BadUserInput(INVALID_INPUT, fields=problems)
    try:
        async with sessionmaker() as session, session.begin():
            user = await actors.require_participant(session, scope, lock=True)
            if nickname is not None and nickname != user.nickname:
                taken = await taken_fields(
                    session, organization_id=scope.organization_id, nickname=nickname, except_user_id=user.id
                )
                if taken:
                    raise Conflict("This nickname is taken.", fields=taken)
                user.nickname = nickname
            if changes.name is not None:
                user.name = changes.name.strip()
            if changes.locale is not None:
                user.locale = changes.locale
            if changes.about is not None:
                user.about = changes.about
            if changes.direct_messages_enabled is not None:
                user.direct_messages_enabled = changes.direct_messages_enabled
    except IntegrityError:
        raise Conflict("This nickname is taken.", fields={"nickname": "has already been taken"}) from None
    return user
