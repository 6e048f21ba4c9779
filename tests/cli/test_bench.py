"""``participa bench`` runs end to end (figures are printed, never asserted)."""

from __future__ import annotations

from tests.cli.conftest import TODAY, Cli, DatabaseFactory


def test_bench_reuses_the_seeded_database_and_prints_a_table(cli: Cli, make_database: DatabaseFactory) -> None:
    # Its own database: the bench seeds for the real day, whose metric history must not reach ``seeded_url``.
    url = make_database()
    assert cli("seed", "--today", TODAY, database_url=url).exit_code == 0

    outcome = cli("bench", "--in-place", "--scale", "1", "--iterations", "2", database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert "0 rows added now" in outcome.text
    for name in (
        "processes",
        "process page",
        "users",
        "nodes",
        "communes",
        "proposals page (50)",
        "annual review",
        "search",
    ):
        assert name in outcome.text
    assert "req/s" in outcome.text
    assert "SQL" in outcome.text
