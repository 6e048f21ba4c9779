"""``participa token create|list|revoke``: the token is printed once and stored hashed."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from typer.testing import CliRunner

import models
from app.cli import main


def participa(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--database-url", url, *args])
    return result.exit_code, " ".join((result.stdout + " " + result.stderr).split())


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    async def go() -> list[tuple[Any, ...]]:
        engine = create_async_engine(url.replace("postgresql://", "postgresql+asyncpg://", 1))
        try:
            async with engine.connect() as conn:
                return [tuple(r) for r in (await conn.execute(text(sql))).all()]
        finally:
            await engine.dispose()

    return asyncio.run(go())


@pytest.fixture
async def owner(make: Any) -> models.User:
    org = await make.organization(host="localhost")
    return await make.user(organization=org, email="admin@example.org", admin=True)  # type: ignore[no-any-return]


@pytest.mark.usefixtures("owner")
def test_admin_creates_lists_and_revokes_a_token(database_url: str) -> None:
    code, out = participa(
        database_url, "token", "create", "--user", "admin@example.org", "--name", "import script",
        "--scopes", "api:read,api:write", "--expires-in", "30d",
    )  # fmt: skip
    assert code == 0, out
    token = out.split()[-1]
    ((token_id, kind, name, scopes, stored),) = rows(
        database_url, "SELECT id, kind, name, scopes, token_hash FROM access_tokens"
    )
    assert (kind, name, scopes) == ("api", "import script", ["api:read", "api:write"])
    assert stored == hashlib.sha256(token.encode()).hexdigest()

    code, listing = participa(database_url, "token", "list")
    assert code == 0, listing
    assert "import script" in listing
    assert "admin@example.org" in listing
    assert "never" in listing
    assert token not in listing

    code, out = participa(database_url, "token", "revoke", str(token_id))
    assert (code, out) == (0, f"Revoked API token {token_id}.")
    assert rows(database_url, "SELECT revoked_at IS NOT NULL FROM access_tokens") == [(True,)]


@pytest.mark.usefixtures("owner")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody@example.org"], "error: no participant with email 'nobody@example.org' in localhost"),
        (["--user", "admin@example.org", "--scopes", "api:admin"], "error: unknown scope api:admin"),
        (["--user", "admin@example.org", "--expires-in", "soon"], "error: bad duration 'soon'"),
    ],
)
def test_token_create_refuses_clearly(database_url: str, args: list[str], message: str) -> None:
    code, out = participa(database_url, "token", "create", "--name", "x", *args)
    assert code == 1
    assert out.startswith(message), out
    assert "Traceback" not in out
    assert rows(database_url, "SELECT count(*) FROM access_tokens") == [(0,)]


@pytest.mark.usefixtures("owner")
def test_revoking_an_unknown_token_fails(database_url: str) -> None:
    assert participa(database_url, "token", "revoke", "999999") == (1, "error: no API token with id 999999")
