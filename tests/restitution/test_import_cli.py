"""``participa import proposals FILE --component ID``: the same checks as the API, for admin scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import models
from app.cli import main
from tests.builders import Make

CSV = "external_id,title/fr,body/fr\nc-1,Un abri vélo,Devant la mairie\nc-2,Une fontaine,Place du marché\n"


@pytest.fixture
async def component(make: Make) -> models.Component:
    return await make.component()


def _run(database_url: str, *args: str) -> Any:
    return CliRunner().invoke(main, ["--database-url", database_url, *args], catch_exceptions=False)


def test_cli_imports_once_then_reports_rows_already_there(
    tmp_path: Path, database_url: str, component: models.Component
) -> None:
    path = tmp_path / "propositions.csv"
    path.write_text(CSV, encoding="utf-8")

    first = _run(database_url, "import", "proposals", str(path), "--component", str(component.id))
    assert first.exit_code == 0, first.output
    assert "Imported 2 proposal(s); 0 already there." in " ".join(first.output.split())

    second = _run(database_url, "import", "proposals", str(path), "--component", str(component.id))
    assert "Imported 0 proposal(s); 2 already there." in " ".join(second.output.split())


def test_cli_lists_errors_by_line_and_column_and_imports_nothing(
    tmp_path: Path, database_url: str, component: models.Component
) -> None:
    path = tmp_path / "propositions.csv"
    path.write_text(CSV + ",Sans identifiant,Texte\n", encoding="utf-8")

    out = _run(database_url, "import", "proposals", str(path), "--component", str(component.id))

    assert out.exit_code == 1
    text = " ".join(out.output.split())
    assert "Nothing imported: 1 error(s)" in text
    assert "external_id" in text
    assert "required" in text
    # Nothing was written: the valid rows are all new when the file is fixed.
    path.write_text(CSV, encoding="utf-8")
    fixed = _run(database_url, "import", "proposals", str(path), "--component", str(component.id))
    assert "Imported 2 proposal(s); 0 already there." in " ".join(fixed.output.split())
