"""Who is calling: the request's host gives the organization, a bearer token gives the viewer.

``Authorization: Bearer <token>`` names a participant of the request's organization. A request
with a token that is unknown, expired or revoked is refused with HTTP 401 (``InvalidToken``,
turned into the response by the GraphQL view) rather than run as anonymous, so a client never
mistakes a lost session for an empty result. Other schemes (a staging proxy's ``Basic``) are
not ours and are ignored.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

from app.mail import AfterResponseMailer, delivery_for
from resolvers.accounts.passwords import Passwords
from resolvers.accounts.rules import AccountRules, AccountsEnv, Limit
from resolvers.accounts.tokens import token_hash, viewer_for_token
from resolvers.errors import InvalidToken
from resolvers.organization.queries import normalise_host, organization_for_host
from resolvers.viewer import ANONYMOUS, Viewer

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
    from starlette.requests import HTTPConnection

    import models
    from app.settings import Settings

# The WWW-Authenticate challenge of a 401 caused by a bad token (RFC 6750, section 3).
INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"'  # noqa: S105 - a header value, not a secret


class OrganizationCache:
    """Host -> organization, kept a few seconds so each request does not pay a lookup."""

    def __init__(self, ttl_seconds: float = 5.0) -> None:
        self.ttl = ttl_seconds
        self._entries: dict[str, tuple[float, models.Organization]] = {}

    async def get(self, host: str, sessionmaker: async_sessionmaker[AsyncSession]) -> models.Organization:
        key = normalise_host(host)
        now = time.monotonic()
        hit = self._entries.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        async with sessionmaker() as session:
            org = await organization_for_host(session, key)
        self._entries[key] = (now, org)
        return org

    def clear(self) -> None:
        self._entries.clear()


def request_host(conn: HTTPConnection) -> str:
    return conn.headers.get("host") or (conn.url.hostname or "")


def bearer_token(conn: HTTPConnection) -> str | None:
    """The request's bearer token; ``None`` without one; ``InvalidToken`` for an empty one."""
    header = conn.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    if not value.strip():
        msg = "The Authorization header has no token."
        raise InvalidToken(msg)
    return value.strip()


async def viewer_for(conn: HTTPConnection) -> Viewer:
    """The caller of a request whose organization is resolved (``conn.state.organization``)."""
    token = bearer_token(conn)
    if token is None:
        return ANONYMOUS
    return await viewer_for_token(
        conn.app.state.sessionmaker,
        organization_id=conn.state.organization.id,
        token=token,
        touch_interval=account_rules(conn).token_touch_interval,
    )


def client_address(conn: HTTPConnection, *, trusted_proxy_hops: int) -> str:
    """The caller's IP address, for throttling.

    X-Forwarded-For is written by the client as much as by proxies; only the entries the
    configured number of our own proxies appended (counted from the right) are believed.
    """
    if trusted_proxy_hops > 0:
        forwarded = [part.strip() for part in ",".join(conn.headers.getlist("x-forwarded-for")).split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= trusted_proxy_hops:
            return forwarded[-trusted_proxy_hops]
    return conn.client.host if conn.client else "unknown"


def rules_from_settings(settings: Settings) -> AccountRules:
    a = settings.auth
    return AccountRules(
        session_ttl=timedelta(days=a.session_ttl_days),
        confirmation_ttl=timedelta(hours=a.confirmation_ttl_hours),
        password_reset_ttl=timedelta(hours=a.password_reset_ttl_hours),
        failed_sign_ins_per_account=Limit(
            a.max_failed_sign_ins_per_account, timedelta(seconds=a.sign_in_window_seconds)
        ),
        failed_sign_ins_per_address=Limit(
            a.max_failed_sign_ins_per_address, timedelta(seconds=a.sign_in_window_seconds)
        ),
        registrations_per_address=Limit(
            a.max_registrations_per_address, timedelta(seconds=a.registration_window_seconds)
        ),
        email_requests_per_account=Limit(
            a.max_email_requests_per_account, timedelta(seconds=a.email_request_window_seconds)
        ),
        email_requests_per_address=Limit(
            a.max_email_requests_per_address, timedelta(seconds=a.email_request_window_seconds)
        ),
        link_scheme=settings.mail.link_scheme,
        passwords=Passwords(
            time_cost=a.password_time_cost, memory_kib=a.password_memory_kib, parallelism=a.password_parallelism
        ),
    )


def account_rules(conn: HTTPConnection) -> AccountRules:
    """The application's account rules, built once (tests may set ``app.state.account_rules``)."""
    state = conn.app.state
    rules = getattr(state, "account_rules", None)
    if rules is None:
        rules = rules_from_settings(state.settings)
        state.account_rules = rules
    return rules  # type: ignore[no-any-return]


def accounts_env(conn: HTTPConnection, response: object) -> AccountsEnv:
    """What account mutations need to know about this request (after ``viewer_for`` accepted it)."""
    rules = account_rules(conn)
    try:
        token = bearer_token(conn)
    except InvalidToken:
        token = None
    return AccountsEnv(
        rules=rules,
        client_address=client_address(conn, trusted_proxy_hops=conn.app.state.settings.auth.trusted_proxy_hops),
        token_hash=token_hash(token) if token else None,
        mailer=AfterResponseMailer(delivery_for(conn), response),
    )
