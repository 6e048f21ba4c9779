"""``participa open-data export``: progress per entity, a summary, ``--output``, ``--if-stale``, failures.

The command runs ``asyncio.run``, so these tests are synchronous; their rows come from async
fixtures on the shared test database.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from app.cli import main
from resolvers.open_data.entities import OPEN_DATA_ENTITIES

if TYPE_CHECKING:
    from tests.builders import Make

HOST = "participa.test"


@pytest.fixture
async def two_processes(make: Make) -> list[Any]:
    return [await make.process(slug="un"), await make.process(slug="deux")]


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "open-data"
    monkeypatch.setenv("PARTICIPA_OPEN_DATA__DIRECTORY", str(target))
    return target


def participa(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, " ".join((result.stdout + " " + result.stderr).split())


def test_export_shows_each_entity_with_its_rows_and_copies_the_zip(
    two_processes: list[Any], database_url: str, directory: Path, tmp_path: Path
) -> None:
    output = tmp_path / "export.zip"
    code, text = participa(
        "--database-url", database_url, "open-data", "export", "--organization", HOST, "--output", str(output)
    )
    assert code == 0, text
    assert f"{HOST} (organization " in text
    for entity in OPEN_DATA_ENTITIES:
        assert entity.name in text
    # The progress line and the summary table both give the processes' rows.
    assert re.search(r"participatory_processes\s.*2 rows", text), text
    assert re.search(r"│ participatory_processes\s+│\s+2 │", text), text
    assert "Exported" in text
    assert "rows/s" in text
    assert "Peak memory of the process" in text
    assert f"Wrote {output}." in text
    with zipfile.ZipFile(output) as archive:
        assert f"{HOST}-open-data-participatory_processes.csv" in archive.namelist()
    (org_dir,) = directory.iterdir()
    assert (org_dir / "manifest.json").is_file()


def test_if_stale_leaves_fresh_files_alone(two_processes: list[Any], database_url: str, directory: Path) -> None:
    first, _ = participa("--database-url", database_url, "open-data", "export", "--if-stale")
    code, text = participa("--database-url", database_url, "open-data", "export", "--if-stale")
    assert (first, code) == (0, 0)
    assert f"Files of {HOST} are fresh" in text
    assert "nothing written" in text


def test_unknown_organization_fails_in_one_line(two_processes: list[Any], database_url: str, directory: Path) -> None:
    code, text = participa("--database-url", database_url, "open-data", "export", "--organization", "nowhere.test")
    assert code == 1
    assert text == "error: no organization is served at host 'nowhere.test'"
    assert not directory.exists()


def test_unreachable_database_fails_in_one_line(directory: Path) -> None:
    code, text = participa("--database-url", "postgresql://nobody@127.0.0.1:1/none", "open-data", "export")
    assert code == 1
    assert text.startswith("error: database unreachable at postgresql+asyncpg://nobody@127.0.0.1:1/none")
    assert "Traceback" not in text
