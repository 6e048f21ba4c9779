"""``participa bench`` runs end to end (figures are printed, never asserted)."""

from __future__ import annotations

from tests.cli.conftest import Cli


def test_bench_reuses_the_seeded_database_and_prints_a_table(cli: Cli, seeded_url: str) -> None:
    outcome = cli("bench", "--in-place", "--scale", "1", "--iterations", "2", database_url=seeded_url)

    assert outcome.exit_code == 0, outcome.text
    assert "0 rows added now" in outcome.text
    for name in ("processes", "process page", "users", "nodes", "communes", "proposals page (50)"):
        assert name in outcome.text
    assert "req/s" in outcome.text
    assert "SQL" in outcome.text
