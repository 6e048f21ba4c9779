"""examples/admin_script.py against a live server, with a token from ``participa token create``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import models
from app.cli import main
from tests.http.conftest import LiveServer, live_server  # noqa: F401 - the fixture, reused

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "admin_script.py"


@pytest.fixture
async def admin(make: Any) -> models.User:
    org = await make.organization(host="participa.test")
    return await make.user(organization=org, email="script@example.org", admin=True)  # type: ignore[no-any-return]


def token_for(database_url: str, *, scopes: str) -> str:
    result = CliRunner().invoke(
        main,
        ["--database-url", database_url, "token", "create", "--user", "script@example.org", "--name", "setup",
         "--scopes", scopes, "--host", "participa.test"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout.split()[-1]


def run_script(server: LiveServer, token: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARTICIPA_URL": server.graphql_url, "PARTICIPA_TOKEN": token, "PARTICIPA_SLUG": "budget"}
    return subprocess.run(  # noqa: S603 - our own script, with this interpreter
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.usefixtures("admin")
def test_the_script_sets_up_a_published_process(live_server: LiveServer, database_url: str) -> None:  # noqa: F811
    done = run_script(live_server, token_for(database_url, scopes="api:read,api:write"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["process", "steps", "component"]
    assert lines[0].endswith("(budget)")


@pytest.mark.usefixtures("admin")
def test_the_script_fails_on_a_read_only_token(live_server: LiveServer, database_url: str) -> None:  # noqa: F811
    done = run_script(live_server, token_for(database_url, scopes="api:read"))
    assert done.returncode == 1
    assert "INSUFFICIENT_SCOPE" in done.stderr
    assert done.stdout == ""
