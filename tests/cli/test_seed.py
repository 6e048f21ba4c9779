"""``participa seed``: the Loire-Atlantique demo organization, deterministic and idempotent."""

from __future__ import annotations

from typing import Any

from resolvers.components.manifests import MANIFESTS, validate_settings
from tests.cli.conftest import TODAY, Cli, DatabaseFactory, counts, no_traceback, query

DUMP_QUERIES = {
    "processes": "SELECT id, slug, title, published_at, private_space FROM participatory_processes ORDER BY id",
    "steps": "SELECT id, process_id, title, active, start_date FROM participatory_process_steps ORDER BY id",
    "users": "SELECT id, kind, nickname, name, email, confirmed_at, blocked, deleted_at FROM users ORDER BY id",
    "scopes": "SELECT id, code, name, parent_id FROM scopes ORDER BY id",
    "components": "SELECT id, space_id, manifest_name, settings, step_settings FROM components ORDER BY id",
    "attachments": "SELECT id, title, url, file_size, collection_id FROM attachments ORDER BY id",
}


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    return {name: query(url, sql) for name, sql in DUMP_QUERIES.items()}


def test_seed_creates_the_loire_atlantique_organization(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database()

    outcome = cli("seed", "--today", TODAY, database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert "Seeded 591 rows" in outcome.text
    assert query(url, "SELECT host, secondary_hosts, name->>'fr', default_locale, time_zone FROM organizations") == [
        ("localhost", ["127.0.0.1"], "Participer en Loire-Atlantique", "fr", "Europe/Paris")
    ]
    assert counts(url) == {
        "users": 64,  # 60 participants, the participation team, 3 groups
        "scopes": 208,  # the département and its 207 communes
        "participatory_processes": 9,
        "participatory_process_steps": 30,
        "categories": 48,
        "components": 45,
        "attachments": 104,
        "attachment_collections": 13,
        "user_group_memberships": 30,
        "space_private_users": 12,
        "space_links": 4,
    }


def test_two_seeds_with_the_same_seed_write_identical_rows(cli: Cli, make_database: DatabaseFactory) -> None:
    first, second = make_database(), make_database()

    assert cli("seed", "--today", TODAY, database_url=first).exit_code == 0
    assert cli("seed", "--today", TODAY, database_url=second).exit_code == 0

    assert dump(first) == dump(second)


def test_another_seed_changes_contents_but_not_identities(cli: Cli, make_database: DatabaseFactory) -> None:
    first, second = make_database(), make_database()

    cli("seed", "--today", TODAY, database_url=first)
    cli("seed", "--today", TODAY, "--seed", "7", database_url=second)

    nicknames = "SELECT nickname FROM users ORDER BY id"
    names = "SELECT name FROM users ORDER BY id"
    assert query(first, nicknames) == query(second, nicknames)
    assert query(first, names) != query(second, names)


def test_seeding_again_adds_nothing(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database()
    cli("seed", "--today", TODAY, database_url=url)
    before = counts(url)

    again = cli("seed", "--today", TODAY, database_url=url)
    other_seed = cli("seed", "--today", TODAY, "--seed", "1", database_url=url)

    assert again.exit_code == 0, again.text
    assert "Already seeded: nothing to add" in again.text
    assert other_seed.exit_code == 0, other_seed.text
    assert counts(url) == before


def test_if_empty_skips_an_existing_organization(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database()
    cli("seed", "--today", TODAY, database_url=url)

    outcome = cli("seed", "--if-empty", "--scale", "3", database_url=url)

    assert outcome.exit_code == 0, outcome.text
    assert "nothing to do (--if-empty)" in outcome.text
    assert counts(url)["participatory_processes"] == 9


def test_scale_two_doubles_spaces_people_and_documents(cli: Cli, make_database: DatabaseFactory) -> None:
    single, double = make_database(), make_database()
    cli("seed", "--today", TODAY, database_url=single)

    outcome = cli("seed", "--today", TODAY, "--scale", "2", database_url=double)

    assert outcome.exit_code == 0, outcome.text
    one, two = counts(single), counts(double)
    assert two["scopes"] == one["scopes"]  # the territory does not grow
    for table in ("participatory_processes", "participatory_process_steps", "components", "space_links"):
        assert two[table] == 2 * one[table], table
    assert two["users"] == 2 * one["users"] - 1  # the participation team's account exists once
    # Each copy of a consultation draws its own documents: about twice as many, not exactly.
    assert 1.8 * one["attachments"] <= two["attachments"] <= 2.2 * one["attachments"]


def test_a_larger_scale_tops_up_an_existing_seed(cli: Cli, make_database: DatabaseFactory) -> None:
    topped, fresh = make_database(), make_database()
    cli("seed", "--today", TODAY, database_url=topped)

    outcome = cli("seed", "--today", TODAY, "--scale", "2", database_url=topped)
    cli("seed", "--today", TODAY, "--scale", "2", database_url=fresh)

    assert outcome.exit_code == 0, outcome.text
    assert "Topped up" in outcome.text
    assert counts(topped) == counts(fresh)
    slugs = "SELECT slug FROM participatory_processes ORDER BY slug"
    assert query(topped, slugs) == query(fresh, slugs)


def test_seed_refuses_an_unmigrated_database(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("seed", database_url=url)

    assert outcome.exit_code == 1
    assert "run `participa migrate upgrade`" in outcome.text
    assert no_traceback(outcome)


def test_seeded_components_cover_every_manifest_with_valid_step_settings(
    cli: Cli, make_database: DatabaseFactory
) -> None:
    url = make_database()
    cli("seed", "--today", TODAY, database_url=url)

    rows = query(
        url,
        """
        SELECT c.manifest_name, c.settings, c.default_step_settings, c.step_settings,
               array_agg(s.id::text ORDER BY s.position)
        FROM components c JOIN participatory_process_steps s ON s.process_id = c.space_id
        GROUP BY c.id
        """,
    )

    assert {row[0] for row in rows} == set(MANIFESTS)
    for manifest, settings, default_step, per_step, step_ids in rows:
        assert sorted(per_step) == sorted(step_ids)
        normalised = validate_settings(
            manifest,
            global_settings=settings,
            default_step_settings=default_step,
            step_settings=per_step,
        )
        assert normalised == (settings, default_step, per_step)


def test_each_process_has_exactly_one_active_step(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database()
    cli("seed", "--today", TODAY, database_url=url)

    rows = query(
        url,
        """
        SELECT p.slug, count(s.id), count(s.id) FILTER (WHERE s.active)
        FROM participatory_processes p JOIN participatory_process_steps s ON s.process_id = p.id
        GROUP BY p.slug ORDER BY p.slug
        """,
    )

    assert len(rows) == 9
    assert all(3 <= steps <= 5 and active == 1 for _, steps, active in rows)
