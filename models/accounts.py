"""Sign-in and account life cycle: access tokens, one-time tokens, outgoing emails, sign-in attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from models.base import Tenanted, Timestamped, created_at_field, fk, json_field, timestamp


class AccessToken(Tenanted, Timestamped, table=True):
    """A bearer token. Only its SHA-256 is stored; the token itself is shown once.

    ``kind`` is ``session`` (a participant signed in) or ``api`` (a named token for scripts).
    """

    __tablename__ = "access_tokens"

    user_id: int = fk("users.id", ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True)
    kind: str = Field(default="session", max_length=16)
    name: str | None = Field(default=None, max_length=255)
    scopes: list[str] = Field(default_factory=lambda: ["api:read", "api:write"], sa_type=ARRAY(String))
    expires_at: datetime = timestamp(nullable=False)
    revoked_at: datetime | None = timestamp()
    last_used_at: datetime | None = timestamp()


class UserToken(Tenanted, Timestamped, table=True):
    """A one-time token sent by email: confirm the address, reset the password. Stored hashed."""

    __tablename__ = "user_tokens"

    user_id: int = fk("users.id", ondelete="CASCADE")
    purpose: str = Field(max_length=32)  # confirmation | password_reset
    token_hash: str = Field(max_length=64, unique=True)
    expires_at: datetime = timestamp(nullable=False)
    used_at: datetime | None = timestamp()


class OutboxEmail(Tenanted, Timestamped, table=True):
    """Every email the platform sends, recorded before delivery so none is lost when SMTP is down."""

    __tablename__ = "outbox_emails"
    __table_args__ = (Index("ix_outbox_emails_pending", "status", postgresql_where=text("status = 'pending'")),)

    to_address: str = Field(max_length=255)
    subject: str = Field(max_length=255)
    body: str
    kind: str = Field(max_length=32)
    status: str = Field(default="pending", max_length=16)  # pending | sent | logged | failed
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = timestamp()
    meta: dict[str, object] = json_field()


class SignInAttempt(Tenanted, table=True):
    """Failed (and successful) sign-ins, for throttling per account and per client address.

    ``action`` tells sign-ins from other throttled requests that reveal or send something
    (``register``, ``email_request``), so each limit counts only its own kind.
    """

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_account", "organization_id", "account_key", "created_at"),
        Index("ix_sign_in_attempts_address", "organization_id", "client_address", "created_at"),
    )

    action: str = Field(default="sign_in", max_length=16, sa_column_kwargs={"server_default": "sign_in"})
    account_key: str = Field(max_length=255)
    client_address: str = Field(max_length=64)
    succeeded: bool = False
    created_at: datetime | None = created_at_field()
