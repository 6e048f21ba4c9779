"""The pure rules behind comments, table-tested without a database."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from resolvers.comments.commentables import COMMENTABLES
from resolvers.comments.formatting import format_body, iso8601, pick_text, short_datetime
from resolvers.comments.policies import (
    MAX_DEPTH,
    CommentableFlags,
    comment_flags,
    resource_flags,
    toggled_weight,
    vote_deltas,
)
from resolvers.components.settings import EffectiveSettings
from schema.comments.inputs import CommentableType, ReportableType


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("", ""),
        ("  \n ", ""),
        ("Bonjour", "<p>Bonjour</p>"),
        ("a\nb", "<p>a<br>b</p>"),
        ("a\r\n\r\nb", "<p>a</p><p>b</p>"),
        ("a\n \n\n b", "<p>a</p><p> b</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("'\"&", "<p>&#x27;&quot;&amp;</p>"),
        (
            "Lire https://example.org/page.",
            '<p>Lire <a href="https://example.org/page" rel="nofollow noopener" target="_blank">'
            "https://example.org/page</a>.</p>",
        ),
        (
            "(voir http://wiki.example.org/A_(b))",
            '<p>(voir <a href="http://wiki.example.org/A_(b)" rel="nofollow noopener" target="_blank">'
            "http://wiki.example.org/A_(b)</a>)</p>",
        ),
        (
            'https://x.org/"onmouseover="alert(1)',
            '<p><a href="https://x.org/" rel="nofollow noopener" target="_blank">'
            "https://x.org/</a>&quot;onmouseover=&quot;alert(1)</p>",
        ),
        ("javascript:alert(1) ftp://x.org", "<p>javascript:alert(1) ftp://x.org</p>"),
    ],
)
def test_format_body_escapes_everything_and_links_web_urls(text: str, html: str) -> None:
    assert format_body(text) == html


@pytest.mark.parametrize(
    ("values", "locale", "machine", "expected"),
    [
        ({"fr": "Bonjour", "en": "Hello"}, "en", False, "Hello"),
        ({"fr": "Bonjour"}, "en", False, "Bonjour"),
        ({"fr": "Bonjour", "machine_translations": {"en": "Hello"}}, "en", False, "Bonjour"),
        ({"fr": "Bonjour", "machine_translations": {"en": "Hello"}}, "en", True, "Hello"),
        ({"ca": "Hola"}, "en", False, "Hola"),
        ({"machine_translations": {"en": "Hello"}}, "en", False, "Hello"),
        ({}, "fr", False, ""),
    ],
)
def test_pick_text_prefers_human_text_unless_translations_are_toggled(
    values: dict[str, object], locale: str, machine: bool, expected: str
) -> None:
    assert pick_text(values, locale=locale, default_locale="fr", prefer_machine=machine) == expected


def test_dates_are_shown_in_the_organization_time_zone() -> None:
    moment = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    paris = ZoneInfo("Europe/Paris")

    assert iso8601(moment, paris) == "2026-07-02T00:30:00+02:00"
    assert short_datetime(moment, paris) == "02/07/2026 00:30"


@pytest.mark.parametrize(
    ("current", "pressed", "after"),
    [(0, 1, 1), (1, 1, 0), (-1, 1, 1), (0, -1, -1), (-1, -1, 0), (1, -1, -1)],
)
def test_decidim_vote_buttons_toggle(current: int, pressed: int, after: int) -> None:
    assert toggled_weight(current, pressed) == after


@pytest.mark.parametrize(
    ("old", "new", "deltas"),
    [(0, 1, (1, 0)), (1, 0, (-1, 0)), (1, -1, (-1, 1)), (-1, 1, (1, -1)), (0, -1, (0, 1)), (1, 1, (0, 0))],
)
def test_vote_deltas_move_exactly_one_counter_per_vote(old: int, new: int, deltas: tuple[int, int]) -> None:
    assert vote_deltas(old, new) == deltas


def _settings(global_: dict[str, object], step: dict[str, object]) -> EffectiveSettings:
    return EffectiveSettings(component_id=1, manifest_name="proposals", published=True, global_=global_, step=step)


@pytest.mark.parametrize(
    ("global_", "step", "closed", "accepts"),
    [
        ({"comments_enabled": True}, {"comments_blocked": False}, False, True),
        ({"comments_enabled": False}, {"comments_blocked": False}, False, False),
        ({"comments_enabled": True}, {"comments_blocked": True}, False, False),
        ({"comments_enabled": True}, {"comments_blocked": False}, True, False),
    ],
)
def test_resource_accepts_comments_when_enabled_unblocked_and_open(
    global_: dict[str, object], step: dict[str, object], closed: bool, accepts: bool
) -> None:
    assert resource_flags(_settings(global_, step), closed=closed).accepts_new_comments is accepts


def test_comments_take_replies_down_to_the_maximum_depth_unless_deleted() -> None:
    root = CommentableFlags(accepts_new_comments=True, comments_have_alignment=True, comments_have_votes=True)

    by_depth = [comment_flags(root, depth=d, deleted=False).accepts_new_comments for d in range(MAX_DEPTH + 1)]

    assert by_depth == [True, True, True, False]
    assert comment_flags(root, depth=0, deleted=True).accepts_new_comments is False
    assert comment_flags(root, depth=0, deleted=False).comments_have_alignment is False


def test_graphql_enums_name_every_registered_commentable() -> None:
    expected = {*COMMENTABLES, "comment"}

    assert {t.value for t in CommentableType} == expected
    assert {t.value for t in ReportableType} == expected
