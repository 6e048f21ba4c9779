"""Settings, read from the environment (prefix ``PARTICIPA_``) and ``.env``.

This module is the only place that reads the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DatabaseSettings(BaseModel):
    """Where PostgreSQL is; with no URL an embedded server is started under ``var/``."""

    url: str | None = None
    embedded_dir: Path = PROJECT_ROOT / "var" / "pgdata"
    pool_size: int = 10
    max_overflow: int = 10
    echo: bool = False


class LimitSettings(BaseModel):
    """Protections applied to every GraphQL request (what each measures: schema/limits/analysis.py)."""

    # Fields on the longest path, leaves included (Decidim's 15, counted as graphql-ruby does).
    max_depth: int = 15
    # Multilingual pages alias `translation(locale:)` once per locale; far below GraphQL Cop's 101.
    max_aliases: int = 30
    # The biggest real documents (full introspection, a process page) are about 200 tokens; the
    # parser's work and graphql-core's quadratic field-merging check grow with this figure.
    max_tokens: int = 2000
    max_page_size: int = 50
    # Cost ~ fields resolved at worst (lists priced at 10 items, pages at their size). GraphiQL's
    # full introspection costs 51 863, the process-list page about 2 400; 60 000 fields is about
    # 0.2 s of executor time.
    max_cost: int = 60_000
    # graphql-armor's default; real documents use a handful of @include/@skip.
    max_directives: int = 50
    # The same field nested more than this in one branch (Decidim: 2) is refused; 4 lets a page
    # read a whole comment thread (first level plus Decidim's three levels of replies) or walk a
    # scope tree.
    max_recursion: int = 4
    # One response key selected more often in one selection set is refused (field duplication).
    max_duplicate_fields: int = 20
    max_body_bytes: int = 1_000_000
    # Multipart uploads (GraphQL multipart request spec) are capped separately from JSON bodies.
    max_upload_bytes: int = 10_000_000
    max_upload_files: int = 5
    parser_cache_size: int = 512


class ApiSettings(BaseModel):
    """What the API discloses."""

    application_name: str = "Participa"
    disclose_version: bool = False
    default_host: str | None = Field(
        default=None,
        description="Host of the organization used when the request host matches none "
        "and exactly one organization does not exist; see app.auth.",
    )


class AuthSettings(BaseModel):
    """Sign-in: token lifetimes, password hashing cost, throttling, and which client address to trust."""

    session_ttl_days: int = 30
    confirmation_ttl_hours: int = 72
    password_reset_ttl_hours: int = 6
    # argon2id cost (RFC 9106 "low memory" profile by default); raising it rehashes at next sign-in.
    password_time_cost: int = 3
    password_memory_kib: int = 65_536
    password_parallelism: int = 4
    sign_in_window_seconds: int = 900
    max_failed_sign_ins_per_account: int = 5
    max_failed_sign_ins_per_address: int = 20
    registration_window_seconds: int = 3600
    max_registrations_per_address: int = 10
    email_request_window_seconds: int = 3600
    max_email_requests_per_account: int = 3
    max_email_requests_per_address: int = 10
    # How many reverse proxies append to X-Forwarded-For; 0 ignores the header (it is client-controlled).
    trusted_proxy_hops: int = 0


class MailSettings(BaseModel):
    """Outgoing email. With no SMTP host, emails are written to the log (development, tests)."""

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    smtp_ssl: bool = False
    smtp_timeout_seconds: float = 10.0
    from_address: str = "Participa <no-reply@localhost>"
    # The participation site's address; links in emails point there, on the organization's host.
    link_scheme: Literal["https", "http"] = "https"


class StorageSettings(BaseModel):
    """Where uploaded files go and the URL prefix they are served under."""

    upload_dir: str = "var/uploads"
    base_url: str = "/uploads"


class OpenDataSettings(BaseModel):
    """The open-data export (``participa open-data export``, ``/open-data``); see app.open_data."""

    # Files go to ``<directory>/<organization id>/``; relative paths are from the working directory.
    directory: str = "var/open-data"
    # Decidim regenerates once a day; a request finding older files generates them again.
    max_age_seconds: int = Field(default=86_400, ge=0)
    # Decidim's ``default_csv_col_sep``; one character.
    separator: str = Field(default=",", min_length=1, max_length=1)
    database_licence: str = "Open Database License (ODbL) 1.0"
    database_licence_url: str = "https://opendatacommons.org/licenses/odbl/1-0/"
    contents_licence: str = "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"
    contents_licence_url: str = "https://creativecommons.org/licenses/by-sa/4.0/"
    # Rows fetched per round trip of the server-side cursor (and so held in memory at once).
    batch_rows: int = Field(default=1000, ge=1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PARTICIPA_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    environment: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"
    database: DatabaseSettings = DatabaseSettings()
    limits: LimitSettings = LimitSettings()
    api: ApiSettings = ApiSettings()
    auth: AuthSettings = AuthSettings()
    mail: MailSettings = MailSettings()
    storage: StorageSettings = StorageSettings()
    open_data: OpenDataSettings = OpenDataSettings()


class _PlainEnv(BaseSettings):
    """Conventional unprefixed variables that operators expect to work."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")
    database_url: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    settings = Settings()
    if settings.database.url is None:
        settings.database.url = _PlainEnv().database_url
    return settings
