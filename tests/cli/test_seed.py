"""``participa seed``: the Loire-Atlantique demo organization, deterministic and idempotent.

Read-only checks share one seeded database (``seeded_url``); the others make their own.
"""

from __future__ import annotations

from datetime import date

from app.seed.builder import build_plan
from app.seed.common import SeedOptions
from app.seed.figures import CONSULTATIONS, PARTICIPANTS, PROPOSALS, SUPPORTS
from app.seed.people import HIDDEN, VISIBLE_PER_BLOCK
from app.seed.proposals import HIDDEN as HIDDEN_PROPOSALS
from resolvers.components.manifests import MANIFESTS, validate_settings
from tests.cli.conftest import TODAY, Cli, DatabaseFactory, counts, dump, no_traceback, query

ONE_BLOCK = {
    # 1,497 pseudonyms and 16 unconfirmed, blocked or deleted accounts, 3 groups, the participation team,
    # the moderator, the demo participant
    "users": 1519,
    "scopes": 208,  # the département and its 207 communes
    "participatory_processes": 11,  # the study's 9, a private panel and an unpublished plan
    "participatory_process_steps": 37,
    "categories": 58,
    "components": 64,  # 60 in the consultations, 4 in the assemblies
    "space_private_users": 26,  # 13 members of the private panel, 13 of the private assembly
    "space_links": 4,
    "space_roles": 3,  # the moderator's
    "assemblies": 2,
    "proposals": PROPOSALS + 4,  # the study's, and 4 hidden by moderation
    "proposal_votes": SUPPORTS,
    "surveys": 11,
    "debates": 6,
    "pages": 13,
}


def test_seed_creates_the_loire_atlantique_organization_with_the_case_study_figures(seeded_url: str) -> None:
    assert query(
        seeded_url, "SELECT host, secondary_hosts, name->>'fr', default_locale, time_zone FROM organizations"
    ) == [("localhost", ["127.0.0.1"], "Participer en Loire-Atlantique", "fr", "Europe/Paris")]
    found = counts(seeded_url)
    assert {table: found[table] for table in ONE_BLOCK} == ONE_BLOCK
    participants = query(
        seeded_url,
        "SELECT count(*), count(*) FILTER (WHERE confirmed_at IS NULL), count(*) FILTER (WHERE blocked),"
        " count(*) FILTER (WHERE deleted_at IS NOT NULL), count(*) FILTER (WHERE email LIKE '%@example.org')"
        " FROM users WHERE kind = 'user' AND NOT admin AND nickname NOT IN ('participant_demo', 'moderation_44')",
    )
    assert participants == [(1513, 10, 3, 3, 1510)]  # deleted accounts keep no email
    # What the public counts: confirmed accounts, neither blocked nor deleted (the staff and demo ones too).
    assert query(
        seeded_url,
        "SELECT count(*) FROM users WHERE kind = 'user' AND confirmed_at IS NOT NULL AND NOT blocked"
        " AND deleted_at IS NULL",
    ) == [(PARTICIPANTS,)]
    assert (VISIBLE_PER_BLOCK, len(HIDDEN), sum(HIDDEN_PROPOSALS.values())) == (1497, 16, 4)
    public = query(
        seeded_url,
        "SELECT count(DISTINCT p.id), count(pr.id) FILTER (WHERE pr.hidden_at IS NULL),"
        " count(pr.id) FILTER (WHERE pr.hidden_at IS NOT NULL)"
        " FROM participatory_processes p"
        " LEFT JOIN components c ON c.space_kind = 'participatory_process' AND c.space_id = p.id"
        " LEFT JOIN proposals pr ON pr.component_id = c.id"
        " WHERE p.published_at IS NOT NULL AND NOT p.private_space",
    )
    assert public == [(CONSULTATIONS, PROPOSALS, 4)]
    # Every other table of the demo has something in it.
    assert all(found.values()), {t: n for t, n in found.items() if not n}


def test_proposals_are_answered_withdrawn_hidden_and_referenced_like_real_ones(seeded_url: str) -> None:
    states = dict(query(seeded_url, "SELECT coalesce(state, 'none'), count(*) FROM proposals GROUP BY 1"))
    assert set(states) == {"none", "accepted", "rejected", "evaluating"}
    assert min(states.values()) > 20
    flags = query(
        seeded_url,
        "SELECT count(*) FILTER (WHERE withdrawn_at IS NOT NULL), count(*) FILTER (WHERE hidden_at IS NOT NULL),"
        " count(*) FILTER (WHERE official), count(*) FILTER (WHERE state IS NOT NULL AND (answer = '{}'"
        " OR answered_at IS NULL OR state_published_at IS NULL)),"
        " count(*) FILTER (WHERE reference !~ '^LA-PROP-20[0-9]{2}-[0-9]{2}-[0-9]+$'"
        " OR reference <> 'LA-PROP-' || to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') || '-' || id)"
        " FROM proposals",
    )[0]
    withdrawn, hidden, official, unanswered, bad_references = flags
    assert withdrawn > 0
    assert hidden == 4
    assert official > 0
    assert (unanswered, bad_references) == (0, 0)
    assert query(seeded_url, "SELECT count(*) FROM reports WHERE reportable_kind = 'proposal'") == [(12,)]
    assert query(seeded_url, "SELECT count(*) FROM moderations WHERE hidden_at IS NOT NULL") == query(
        seeded_url,
        "SELECT (SELECT count(*) FROM proposals WHERE hidden_at IS NOT NULL)"
        " + (SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL)",
    )
    # The admin log records every answer.
    assert query(
        seeded_url,
        "SELECT count(*) FROM proposals p WHERE state IS NOT NULL AND NOT EXISTS (SELECT 1 FROM action_logs l"
        " WHERE l.action = 'proposal.answer' AND l.resource_kind = 'proposal' AND l.resource_id = p.id)",
    ) == [(0,)]
    # Each proposal has its create and publish versions, answers and withdrawals have theirs.
    assert query(
        seeded_url,
        "SELECT count(*) FROM proposals p WHERE (SELECT count(*) FROM versions v WHERE v.item_kind = 'proposal'"
        " AND v.item_id = p.id) <> 2 + (p.state IS NOT NULL)::int + (p.withdrawn_at IS NOT NULL)::int",
    ) == [(0,)]


COUNTER_CHECKS = {
    "supports": "SELECT count(*) FROM proposals p WHERE votes_count <>"
    " (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id)",
    "co-authors": "SELECT count(*) FROM proposals p WHERE coauthorships_count <>"
    " (SELECT count(*) FROM proposal_coauthorships a WHERE a.proposal_id = p.id)",
    "meeting seats": "SELECT count(*) FROM meetings m WHERE registrations_count <>"
    " (SELECT count(*) FROM meeting_registrations r WHERE r.meeting_id = m.id)",
    "comment votes": "SELECT count(*) FROM comments c"
    " WHERE up_votes_count <> (SELECT count(*) FROM comment_votes v WHERE v.comment_id = c.id AND weight = 1)"
    " OR down_votes_count <> (SELECT count(*) FROM comment_votes v WHERE v.comment_id = c.id AND weight = -1)",
    "replies": "SELECT count(*) FROM comments c WHERE replies_count <> (SELECT count(*) FROM comments r"
    " WHERE r.parent_id = c.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL)",
    "result children": "SELECT count(*) FROM accountability_results r WHERE children_count <>"
    " (SELECT count(*) FROM accountability_results c WHERE c.parent_id = r.id AND c.deleted_at IS NULL)",
    "project votes": "SELECT count(*) FROM budget_projects p WHERE confirmed_orders_count <> (SELECT count(*)"
    " FROM budget_line_items i JOIN budget_orders o ON o.id = i.order_id"
    " WHERE i.project_id = p.id AND o.checked_out_at IS NOT NULL)",
    "moderation reports": "SELECT count(*) FROM moderations m WHERE report_count <> (SELECT count(*) FROM reports r"
    " WHERE r.reportable_kind = m.reportable_kind AND r.reportable_id = m.reportable_id)",
    "reports without moderation": "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM moderations m"
    " WHERE m.reportable_kind = r.reportable_kind AND m.reportable_id = r.reportable_id)",
    "moderation of hidden rows": "SELECT count(*) FROM moderations m"
    " LEFT JOIN proposals p ON m.reportable_kind = 'proposal' AND p.id = m.reportable_id"
    " LEFT JOIN comments c ON m.reportable_kind = 'comment' AND c.id = m.reportable_id"
    " WHERE m.hidden_at IS DISTINCT FROM coalesce(p.hidden_at, c.hidden_at)",
}
# Tables whose rows count live comments (neither deleted nor hidden) and endorsements.
for table, kind, endorsable in (
    ("proposals", "proposal", True),
    ("meetings", "meeting", False),
    ("blog_posts", "post", True),
    ("debates", "debate", True),
    ("accountability_results", "result", False),
):
    COUNTER_CHECKS[f"{kind} comments"] = (
        f"SELECT count(*) FROM {table} x WHERE comments_count <> (SELECT count(*) FROM comments c"  # noqa: S608
        f" WHERE c.root_kind = '{kind}' AND c.root_id = x.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)"
    )
    if endorsable:
        COUNTER_CHECKS[f"{kind} endorsements"] = (
            f"SELECT count(*) FROM {table} x WHERE endorsements_count <> (SELECT count(*) FROM endorsements e"  # noqa: S608
            f" WHERE e.resource_kind = '{kind}' AND e.resource_id = x.id)"
        )


def test_every_counter_equals_the_rows_it_counts(seeded_url: str) -> None:
    wrong = {name: query(seeded_url, sql)[0][0] for name, sql in COUNTER_CHECKS.items()}

    assert wrong == dict.fromkeys(COUNTER_CHECKS, 0)
    assert query(seeded_url, "SELECT sum(votes_count) FROM proposals") == [(SUPPORTS,)]


def test_supports_respect_each_components_vote_limit_and_nobody_supports_their_own(seeded_url: str) -> None:
    over_limit = query(
        seeded_url,
        """
        SELECT count(*) FROM (
            SELECT v.component_id, v.author_id, count(*) AS n, (c.settings->>'vote_limit')::int AS vote_limit
            FROM proposal_votes v JOIN components c ON c.id = v.component_id
            GROUP BY v.component_id, v.author_id, c.settings
        ) per_participant WHERE vote_limit > 0 AND n > vote_limit
        """,
    )
    own = query(
        seeded_url,
        "SELECT count(*) FROM proposal_votes v JOIN proposal_coauthorships a"
        " ON a.proposal_id = v.proposal_id AND a.author_id = v.author_id",
    )
    on_hidden_or_withdrawn = query(
        seeded_url,
        "SELECT count(*) FROM proposal_votes v JOIN proposals p ON p.id = v.proposal_id"
        " WHERE p.hidden_at IS NOT NULL OR p.withdrawn_at IS NOT NULL",
    )

    assert (over_limit, own, on_hidden_or_withdrawn) == ([(0,)], [(0,)], [(0,)])


def test_comment_threads_have_alignments_replies_and_moderation(seeded_url: str) -> None:
    levels = dict(
        query(
            seeded_url,
            "SELECT depth || ':' || alignment, count(*) FROM comments WHERE root_kind = 'proposal' GROUP BY 1",
        )
    )
    assert set(levels) == {"0:1", "0:0", "0:-1", "1:0", "2:0"}  # replies carry no alignment
    moderated = query(
        seeded_url,
        "SELECT count(*) FILTER (WHERE deleted_at IS NOT NULL), count(*) FILTER (WHERE hidden_at IS NOT NULL),"
        " count(*) FILTER (WHERE hidden_at IS NOT NULL AND EXISTS"
        " (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)) FROM comments",
    )[0]
    deleted, hidden, hidden_with_replies = moderated
    assert deleted > 0
    assert hidden > 0
    assert hidden_with_replies == 0
    assert query(
        seeded_url,
        "SELECT count(*) FROM comments c JOIN comments p ON p.id = c.parent_id"
        " WHERE c.created_at < p.created_at OR c.depth <> p.depth + 1",
    ) == [(0,)]


def test_nothing_is_dated_after_the_day_the_seed_runs(seeded_url: str) -> None:
    later = query(
        seeded_url,
        """
        SELECT (SELECT count(*) FROM proposals WHERE greatest(created_at, published_at, answered_at,
                    withdrawn_at, hidden_at, updated_at) >= :day),
               (SELECT count(*) FROM comments WHERE greatest(created_at, deleted_at, hidden_at, edited_at) >= :day),
               (SELECT count(*) FROM proposal_votes WHERE created_at >= :day),
               (SELECT count(*) FROM comment_votes WHERE created_at >= :day),
               (SELECT count(*) FROM endorsements WHERE created_at >= :day),
               (SELECT count(*) FROM versions WHERE created_at >= :day),
               (SELECT count(*) FROM questionnaire_submissions WHERE created_at >= :day),
               (SELECT count(*) FROM meeting_registrations WHERE created_at >= :day)
        """,
        day=date.fromisoformat(TODAY),
    )

    assert later == [(0, 0, 0, 0, 0, 0, 0, 0)]


def test_the_demo_accounts_sign_in_with_the_documented_password(seeded_url: str) -> None:
    import asyncio

    from app.seed.figures import ADMIN_EMAIL, DEMO_PASSWORD, PARTICIPANT_EMAIL
    from resolvers.accounts.passwords import Passwords

    rows = dict(
        query(
            seeded_url,
            "SELECT email, encrypted_password FROM users WHERE email IN (:a, :p)",
            a=ADMIN_EMAIL,
            p=PARTICIPANT_EMAIL,
        )
    )
    admin = query(seeded_url, "SELECT admin FROM users WHERE email = :a", a=ADMIN_EMAIL)
    shared = query(
        seeded_url, "SELECT count(DISTINCT encrypted_password) FROM users WHERE encrypted_password IS NOT NULL"
    )

    assert set(rows) == {ADMIN_EMAIL, PARTICIPANT_EMAIL}
    assert admin == [(True,)]
    assert shared == [(1,)]  # hashed once for every account
    assert asyncio.run(Passwords().verify(rows[PARTICIPANT_EMAIL], DEMO_PASSWORD)).ok


def test_the_plan_is_the_same_every_time_it_is_built() -> None:
    options = SeedOptions(today=date.fromisoformat(TODAY))

    first, second = build_plan(options, password_hash="x"), build_plan(options, password_hash="x")

    assert [(r.model, r.values) for r in first.rows] == [(r.model, r.values) for r in second.rows]


def test_two_seeds_with_the_same_seed_write_identical_rows(
    cli: Cli, seeded_url: str, make_database: DatabaseFactory
) -> None:
    other = make_database()

    assert cli("seed", "--today", TODAY, database_url=other).exit_code == 0

    assert dump(other) == dump(seeded_url)


def test_another_seed_changes_contents_but_not_identities(
    cli: Cli, seeded_url: str, make_database: DatabaseFactory
) -> None:
    other = make_database()

    cli("seed", "--today", TODAY, "--seed", "7", database_url=other)

    nicknames = "SELECT nickname FROM users ORDER BY id"
    names = "SELECT name FROM users ORDER BY id"
    assert query(other, nicknames) == query(seeded_url, nicknames)
    assert query(other, names) != query(seeded_url, names)
    assert counts(other, ("proposals", "proposal_votes")) == {"proposals": PROPOSALS + 4, "proposal_votes": SUPPORTS}


def test_seeding_again_adds_nothing(cli: Cli, seeded_url: str) -> None:
    before = counts(seeded_url)

    again = cli("seed", "--today", TODAY, database_url=seeded_url)
    other_seed = cli("seed", "--today", TODAY, "--seed", "1", database_url=seeded_url)
    other_day = cli("seed", "--today", "2026-03-01", database_url=seeded_url)

    assert again.exit_code == 0, again.text
    assert "Already seeded: nothing to add" in again.text
    assert other_seed.exit_code == 0, other_seed.text
    assert other_day.exit_code == 0, other_day.text
    assert counts(seeded_url) == before


def test_the_seed_shows_each_stage(cli: Cli, seeded_url: str) -> None:
    outcome = cli("seed", "--today", TODAY, database_url=seeded_url)

    for stage in ("Hashing the demo password", "Planning proposals", "Planning supports", "Writing"):
        assert stage in outcome.text


def test_if_empty_skips_an_existing_organization(cli: Cli, seeded_url: str) -> None:
    outcome = cli("seed", "--if-empty", "--scale", "3", database_url=seeded_url)

    assert outcome.exit_code == 0, outcome.text
    assert "nothing to do (--if-empty)" in outcome.text
    assert counts(seeded_url, ("participatory_processes",)) == {"participatory_processes": 11}


def test_a_larger_scale_multiplies_the_figures_and_tops_up_an_existing_seed(
    cli: Cli, seeded_url: str, make_database: DatabaseFactory
) -> None:
    topped, fresh = make_database(), make_database()
    cli("seed", "--today", TODAY, database_url=topped)

    outcome = cli("seed", "--today", TODAY, "--scale", "2", database_url=topped)
    cli("seed", "--today", TODAY, "--scale", "2", database_url=fresh)

    assert outcome.exit_code == 0, outcome.text
    assert "Topped up" in outcome.text
    one, two = counts(seeded_url), counts(fresh)
    assert counts(topped) == two
    assert query(topped, "SELECT slug FROM participatory_processes ORDER BY slug") == query(
        fresh, "SELECT slug FROM participatory_processes ORDER BY slug"
    )
    assert two["scopes"] == one["scopes"]  # the territory does not grow
    for table in ("participatory_processes", "components", "proposals", "proposal_votes", "assemblies"):
        assert two[table] == 2 * one[table], table
    assert two["users"] == 2 * one["users"] - 3  # the three staff and demo accounts exist once
    # Each copy draws its own documents, comments and answers: about twice as many, not exactly.
    for table in ("attachments", "comments", "endorsements", "questionnaire_submissions"):
        assert 1.7 * one[table] <= two[table] <= 2.3 * one[table], table


def test_seed_refuses_an_unmigrated_database(cli: Cli, make_database: DatabaseFactory) -> None:
    url = make_database(migrated=False)

    outcome = cli("seed", database_url=url)

    assert outcome.exit_code == 1
    assert "run `participa migrate upgrade`" in outcome.text
    assert no_traceback(outcome)


def test_seeded_components_cover_every_manifest_with_valid_step_settings(seeded_url: str) -> None:
    rows = query(
        seeded_url,
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


def test_each_process_has_exactly_one_active_step(seeded_url: str) -> None:
    rows = query(
        seeded_url,
        """
        SELECT p.slug, count(s.id), count(s.id) FILTER (WHERE s.active)
        FROM participatory_processes p JOIN participatory_process_steps s ON s.process_id = p.id
        GROUP BY p.slug ORDER BY p.slug
        """,
    )

    assert len(rows) == 11
    assert all(3 <= steps <= 5 and active == 1 for _, steps, active in rows)
