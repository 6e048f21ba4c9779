"""``participa migrate``: upgrade, downgrade and current against a throwaway database."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app.cli import alembic_config
from tests.cli.conftest import Cli, DatabaseFactory, no_traceback, query


def heads(url: str) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(url)).get_heads())


def stored_revisions(url: str) -> set[str]:
    exists = query(url, "SELECT to_regclass('alembic_version') IS NOT NULL")[0][0]
    return {str(r[0]) for r in query(url, "SELECT version_num FROM alembic_version")} if exists else set()


def test_current_reports_an_empty_database(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("migrate", "current", database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert "Current revision: none (empty database)" in outcome.text
    assert "run `participa migrate upgrade`" in outcome.text


def test_upgrade_then_downgrade_to_base_then_upgrade_again(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    up = cli("migrate", "upgrade", database_url=url)
    assert up.exit_code == 0, up.text
    assert "Upgraded to" in up.text
    assert stored_revisions(url) == heads(url)

    current = cli("migrate", "current", database_url=url)
    assert current.exit_code == 0, current.text
    assert all(f"{head} (head)" in current.text for head in heads(url))
    assert "run `participa migrate upgrade`" not in current.text

    down = cli("migrate", "downgrade", "base", database_url=url)
    assert down.exit_code == 0, down.text
    assert "Downgraded to none (empty database)" in down.text
    assert stored_revisions(url) == set()

    again = cli("migrate", "upgrade", database_url=url)
    assert again.exit_code == 0, again.text
    assert stored_revisions(url) == heads(url)
    assert "Already at" in cli("migrate", "upgrade", database_url=url).text


def test_an_unknown_revision_is_a_one_line_error(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("migrate", "upgrade", "nosuchrevision", database_url=url)

    assert outcome.exit_code == 1
    assert outcome.stderr.startswith("error: ")
    assert "nosuchrevision" in outcome.text
    assert no_traceback(outcome)


def test_downgrading_an_empty_database_is_refused(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("migrate", "downgrade", "base", database_url=url)

    assert outcome.exit_code == 1
    assert "nothing to downgrade" in outcome.text


def test_migrate_reports_an_unreachable_database(cli: Cli) -> None:
    outcome = cli("migrate", "current", database_url="postgresql://postgres@127.0.0.1:1/x")

    assert outcome.exit_code == 1
    assert "database unreachable at postgresql+asyncpg://postgres@127.0.0.1:1/x" in outcome.text
    assert no_traceback(outcome)
