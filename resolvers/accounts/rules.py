"""What the account mutations are configured with, and what the transport tells them about the caller.

The application layer builds both from its settings and the HTTP request; in-process callers
(tests, scripts) get the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from resolvers.accounts.passwords import Passwords

if TYPE_CHECKING:
    from resolvers.accounts.outbox import Mailer


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``attempts`` in any ``window``."""

    attempts: int
    window: timedelta


def _minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


@dataclass(frozen=True, slots=True)
class AccountRules:
    session_ttl: timedelta = timedelta(days=30)
    confirmation_ttl: timedelta = timedelta(hours=72)
    password_reset_ttl: timedelta = timedelta(hours=6)
    failed_sign_ins_per_account: Limit = Limit(5, _minutes(15))
    failed_sign_ins_per_address: Limit = Limit(20, _minutes(15))
    registrations_per_address: Limit = Limit(10, _minutes(60))
    email_requests_per_account: Limit = Limit(3, _minutes(60))
    email_requests_per_address: Limit = Limit(10, _minutes(60))
    # Writing last_used_at on every request would turn each read into a write.
    token_touch_interval: timedelta = timedelta(minutes=1)
    link_scheme: str = "https"
    passwords: Passwords = field(default_factory=Passwords)


@dataclass(frozen=True, slots=True)
class AccountsEnv:
    """Per request: the rules, who is calling from where, and how emails leave after commit."""

    rules: AccountRules
    client_address: str = "unknown"
    # The SHA-256 of the bearer token this request came with (sign out revokes exactly that one).
    token_hash: str | None = None
    # None leaves recorded emails pending in the outbox for a later delivery run.
    mailer: Mailer | None = None


DEFAULT_ENV = AccountsEnv(rules=AccountRules())
