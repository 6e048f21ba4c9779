"""The shipped commune list: the 207 communes of Loire-Atlantique with their INSEE codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.seed import territory
from app.seed.territory import CommuneFileError, communes


def test_the_list_has_the_207_communes_with_unique_insee_codes() -> None:
    found = communes()

    assert len(found) == 207
    assert len({c.code for c in found}) == 207
    assert len({c.name for c in found}) == 207
    assert all(c.code.startswith("44") and len(c.code) == 5 for c in found)


def test_the_list_names_well_known_communes_by_their_insee_code() -> None:
    by_code = {c.code: c.name for c in communes()}

    assert by_code["44109"] == "Nantes"
    assert by_code["44184"] == "Saint-Nazaire"
    assert by_code["44036"] == "Châteaubriant"
    assert by_code["44180"] == "Vallons-de-l'Erdre"
    assert by_code["44003"] == "Ancenis-Saint-Géréon"


def test_a_malformed_line_is_reported_with_its_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "communes.tsv"
    bad.write_text("# header\n44109\tNantes\n75056\tParis\n", encoding="utf-8")
    monkeypatch.setattr(territory, "COMMUNES_FILE", bad)
    communes.cache_clear()
    try:
        with pytest.raises(CommuneFileError, match=r"communes.tsv:3: '75056' is not an INSEE code of Loire-Atlantique"):
            communes()
    finally:
        communes.cache_clear()
