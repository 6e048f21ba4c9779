"""The checked-in SDL is the schema the code builds."""

from __future__ import annotations

from pathlib import Path

from schema.root import build_schema

SDL = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_checked_in_sdl_matches_the_code() -> None:
    expected = build_schema().as_str() + "\n"
    assert SDL.exists(), "schema.graphql is missing: run `participa export-schema`"
    assert SDL.read_text(encoding="utf-8") == expected, "schema.graphql is stale: run `participa export-schema`"
