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
    """Protections applied to every GraphQL request."""

    max_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 4000
    max_page_size: int = 50
    max_cost: int = 50_000
    max_body_bytes: int = 1_000_000
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
