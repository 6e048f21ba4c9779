"""``participa check``: settings summary without secrets, database reachability, migration state."""

from __future__ import annotations

from tests.cli.conftest import Cli, DatabaseFactory, no_traceback


def test_check_passes_on_a_migrated_database(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database()

    outcome = cli("check", database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert "✓ database reachable: PostgreSQL" in outcome.text
    assert "✓ migrations at head" in outcome.text


def test_check_fails_cleanly_on_an_unreachable_database(cli: Cli) -> None:
    outcome = cli("check", database_url="postgresql://postgres@127.0.0.1:1/x")

    assert outcome.exit_code == 1
    assert outcome.stderr.startswith("error: database unreachable at postgresql+asyncpg://postgres@127.0.0.1:1/x")
    assert len(outcome.stderr.strip().splitlines()) == 1 or "Connect call failed" in outcome.text
    assert no_traceback(outcome)


def test_check_fails_when_migrations_are_missing(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("check", database_url=url)

    assert outcome.exit_code == 1
    assert "is at none (empty database)" in outcome.text
    assert "run `participa migrate upgrade`" in outcome.text


def test_check_never_prints_a_password(cli: Cli) -> None:
    outcome = cli("check", database_url="postgresql://someone:hunter2@127.0.0.1:1/x")

    assert outcome.exit_code == 1
    assert "hunter2" not in outcome.stdout + outcome.stderr
    assert "someone:***@127.0.0.1:1/x" in outcome.text


def test_an_unsupported_database_url_is_a_one_line_error(cli: Cli) -> None:
    outcome = cli("check", database_url="mysql://root@localhost/x")

    assert outcome.exit_code == 1
    assert "Participa runs on PostgreSQL only" in outcome.text
    assert no_traceback(outcome)
