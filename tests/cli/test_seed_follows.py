"""The seed's follows are those the API would have left: authors, commenters, registrants, proposers' spaces."""

from __future__ import annotations

from tests.cli.conftest import query

# Each check counts what is missing or should not be there; all must be 0.
FOLLOW_CHECKS = {
    "coauthor not following their proposal": """
        SELECT count(*) FROM proposal_coauthorships a JOIN users u ON u.id = a.author_id
        WHERE u.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = a.author_id
          AND f.followable_kind = 'proposal' AND f.followable_id = a.proposal_id)""",
    "commenter not following the thread's resource": """
        SELECT count(*) FROM comments c JOIN users u ON u.id = c.author_id
        WHERE u.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = c.author_id
          AND f.followable_kind = c.root_kind AND f.followable_id = c.root_id)""",
    "registrant not following the meeting": """
        SELECT count(*) FROM meeting_registrations r JOIN users u ON u.id = r.user_id
        WHERE u.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = r.user_id
          AND f.followable_kind = 'meeting' AND f.followable_id = r.meeting_id)""",
    "meeting author not following it": """
        SELECT count(*) FROM meetings m JOIN users u ON u.id = m.author_id
        WHERE u.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = m.author_id
          AND f.followable_kind = 'meeting' AND f.followable_id = m.id)""",
    "deleted participant following": """
        SELECT count(*) FROM follows f JOIN users u ON u.id = f.user_id WHERE u.deleted_at IS NOT NULL""",
    "follow of something missing": """
        SELECT count(*) FROM follows f WHERE NOT EXISTS (
          SELECT 1 FROM proposals WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM meetings WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM debates WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM blog_posts WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM accountability_results WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM participatory_processes WHERE id = f.followable_id UNION ALL
          SELECT 1 FROM assemblies WHERE id = f.followable_id)""",
}


def test_participants_follow_what_they_took_part_in(seeded_url: str) -> None:
    wrong = {name: query(seeded_url, sql)[0][0] for name, sql in FOLLOW_CHECKS.items()}

    assert wrong == dict.fromkeys(FOLLOW_CHECKS, 0)


def test_proposal_authors_follow_their_consultations(seeded_url: str) -> None:
    [(followed_processes, followers)] = query(
        seeded_url,
        "SELECT count(DISTINCT followable_id), count(DISTINCT user_id) FROM follows "
        "WHERE followable_kind = 'participatory_process'",
    )

    assert followed_processes >= 5
    assert followers >= 100
