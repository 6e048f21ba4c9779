"""``participa export-schema``: the SDL file, and ``--check`` for CI."""

from __future__ import annotations

from pathlib import Path

from schema.root import build_schema
from tests.cli.conftest import Cli


def test_export_writes_the_sdl_with_a_trailing_newline(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schema.graphql"

    outcome = cli("export-schema", "--output", str(target))

    assert outcome.exit_code == 0, outcome.text
    assert target.read_text(encoding="utf-8") == build_schema().as_str() + "\n"


def test_check_passes_when_the_file_is_current(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schema.graphql"
    cli("export-schema", "--output", str(target))

    outcome = cli("export-schema", "--output", str(target), "--check")

    assert outcome.exit_code == 0, outcome.text
    assert "is up to date" in outcome.text


def test_check_detects_drift_and_leaves_the_file_alone(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schema.graphql"
    cli("export-schema", "--output", str(target))
    drifted = target.read_text(encoding="utf-8").replace("type Query {", "type Query {\n  removedLater: Int")
    target.write_text(drifted, encoding="utf-8")

    outcome = cli("export-schema", "--output", str(target), "--check")

    assert outcome.exit_code == 1
    assert "-  removedLater: Int" in outcome.stderr
    assert "is out of date: run `participa export-schema" in outcome.text
    assert target.read_text(encoding="utf-8") == drifted


def test_check_fails_when_the_file_is_missing(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("export-schema", "--output", str(tmp_path / "absent.graphql"), "--check")

    assert outcome.exit_code == 1
    assert "absent.graphql does not exist" in outcome.text
