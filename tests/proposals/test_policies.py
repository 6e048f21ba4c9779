"""The rules of ``resolvers.proposals.policies``, as tables; no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from resolvers.components.settings import EffectiveSettings
from resolvers.errors import Conflict, Forbidden
from resolvers.proposals import forms, policies
from resolvers.proposals.policies import ProposalFacts

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PUBLISHED = ProposalFacts(published_at=NOW - timedelta(minutes=1))
DRAFT = ProposalFacts(published_at=None)


def settings(**values: Any) -> EffectiveSettings:
    return EffectiveSettings(component_id=1, manifest_name="proposals", published=True, global_={}, step=values)


OPEN = {"votes_enabled": True, "endorsements_enabled": True, "creation_enabled": True}


@pytest.mark.parametrize(
    ("step", "proposal", "used", "expected"),
    [
        (OPEN, PUBLISHED, 0, None),
        ({}, PUBLISHED, 0, "VOTES_DISABLED"),
        (OPEN | {"votes_blocked": True}, PUBLISHED, 0, "VOTES_BLOCKED"),
        (OPEN, DRAFT, 0, "NOT_PUBLISHED"),
        (OPEN, ProposalFacts(published_at=NOW, withdrawn=True), 0, "WITHDRAWN"),
        (OPEN, ProposalFacts(published_at=NOW, answer_state="rejected"), 0, "REJECTED"),
        (OPEN, ProposalFacts(published_at=NOW, answer_state="accepted"), 0, None),
        (OPEN | {"vote_limit": 3}, PUBLISHED, 2, None),
        (OPEN | {"vote_limit": 3}, PUBLISHED, 3, "VOTE_LIMIT_REACHED"),
        (OPEN | {"vote_limit": 0}, PUBLISHED, 999, None),
        (OPEN | {"threshold_per_proposal": 5}, ProposalFacts(published_at=NOW, votes_count=5), 0, "THRESHOLD_REACHED"),
        (
            OPEN | {"threshold_per_proposal": 5, "can_accumulate_votes_beyond_threshold": True},
            ProposalFacts(published_at=NOW, votes_count=5),
            0,
            None,
        ),
    ],
)
def test_who_may_support(step: dict[str, Any], proposal: ProposalFacts, used: int, expected: str | None) -> None:
    assert policies.may_vote(settings(**step), proposal, used_in_component=used) == expected


@pytest.mark.parametrize(
    ("step", "expected"),
    [(OPEN, None), ({}, "VOTES_DISABLED"), (OPEN | {"votes_blocked": True}, "VOTES_BLOCKED")],
)
def test_who_may_withdraw_a_support(step: dict[str, Any], expected: str | None) -> None:
    assert policies.may_unvote(settings(**step)) == expected


@pytest.mark.parametrize(
    ("edit", "proposal", "author", "expected"),
    [
        ({}, PUBLISHED, True, None),
        ({}, PUBLISHED, False, "NOT_AUTHOR"),
        ({}, DRAFT, True, None),
        ({}, ProposalFacts(published_at=NOW - timedelta(days=30)), True, "EDIT_WINDOW_CLOSED"),
        ({"proposal_edit_time": "infinite"}, ProposalFacts(published_at=NOW - timedelta(days=30)), True, None),
        ({"proposal_edit_before_minutes": 60}, ProposalFacts(published_at=NOW - timedelta(minutes=59)), True, None),
        (
            {"proposal_edit_before_minutes": 60},
            ProposalFacts(published_at=NOW - timedelta(minutes=60)),
            True,
            "EDIT_WINDOW_CLOSED",
        ),
        ({}, ProposalFacts(published_at=NOW, votes_count=1), True, "HAS_SUPPORTS"),
        ({}, ProposalFacts(published_at=NOW, answer_state="evaluating"), True, "ANSWERED"),
        ({}, ProposalFacts(published_at=NOW, withdrawn=True), True, "WITHDRAWN"),
    ],
)
def test_who_may_edit(edit: dict[str, Any], proposal: ProposalFacts, author: bool, expected: str | None) -> None:
    effective = EffectiveSettings(
        component_id=1,
        manifest_name="proposals",
        published=True,
        global_={"proposal_edit_time": "limited", "proposal_edit_before_minutes": 5} | edit,
        step={},
    )
    assert policies.may_edit(effective, proposal, is_author=author, now=NOW) == expected


@pytest.mark.parametrize(
    ("proposal", "author", "expected"),
    [
        (PUBLISHED, True, None),
        (PUBLISHED, False, "NOT_AUTHOR"),
        (DRAFT, True, "NOT_PUBLISHED"),
        (ProposalFacts(published_at=NOW, withdrawn=True), True, "ALREADY_WITHDRAWN"),
        (ProposalFacts(published_at=NOW, answer_state="accepted"), True, "ACCEPTED"),
        (ProposalFacts(published_at=NOW, answer_state="rejected"), True, None),
    ],
)
def test_who_may_withdraw(proposal: ProposalFacts, author: bool, expected: str | None) -> None:
    assert policies.may_withdraw(proposal, is_author=author) == expected


@pytest.mark.parametrize(
    ("step", "proposal", "author", "expected"),
    [
        (OPEN, DRAFT, True, None),
        (OPEN, DRAFT, False, "NOT_AUTHOR"),
        (OPEN, PUBLISHED, True, "ALREADY_PUBLISHED"),
        ({}, DRAFT, True, "CREATION_DISABLED"),
    ],
)
def test_who_may_publish(step: dict[str, Any], proposal: ProposalFacts, author: bool, expected: str | None) -> None:
    assert policies.may_publish(settings(**step), proposal, is_author=author) == expected


@pytest.mark.parametrize(
    ("step", "proposal", "expected"),
    [
        (OPEN, PUBLISHED, None),
        ({}, PUBLISHED, "ENDORSEMENTS_DISABLED"),
        (OPEN | {"endorsements_blocked": True}, PUBLISHED, "ENDORSEMENTS_BLOCKED"),
        (OPEN, ProposalFacts(published_at=NOW, withdrawn=True), "WITHDRAWN"),
        (OPEN, DRAFT, "NOT_PUBLISHED"),
    ],
)
def test_who_may_endorse(step: dict[str, Any], proposal: ProposalFacts, expected: str | None) -> None:
    assert policies.may_endorse(settings(**step), proposal) == expected


@pytest.mark.parametrize(
    ("limit", "existing", "expected"), [(0, 50, None), (2, 1, None), (2, 2, "PROPOSAL_LIMIT_REACHED")]
)
def test_proposal_limit(limit: int, existing: int, expected: str | None) -> None:
    assert policies.within_limit(limit=limit, existing=existing) == expected


def test_creation_follows_the_step() -> None:
    assert policies.may_create(settings(creation_enabled=True)) is None
    assert policies.may_create(settings()) == "CREATION_DISABLED"


def test_repeated_actions_are_conflicts_and_missing_rights_are_forbidden() -> None:
    assert isinstance(policies.denial("ALREADY_SUPPORTED"), Conflict)
    denied = policies.denial("VOTE_LIMIT_REACHED")
    assert isinstance(denied, Forbidden)
    assert denied.extensions() == {"code": "FORBIDDEN", "reason": "VOTE_LIMIT_REACHED"}


def _input(**kw: Any) -> forms.ProposalInput:
    return forms.ProposalInput(
        **({"title": "Une piste cyclable", "body": "Pour aller au travail", "locale": "fr"} | kw)
    )


@pytest.mark.parametrize(
    ("kw", "fields"),
    [
        ({}, set()),
        ({"title": "Trop court"}, {"attributes.title"}),
        ({"title": "x" * 151}, {"attributes.title"}),
        ({"title": "   " + "y" * 14 + "   "}, {"attributes.title"}),
        ({"body": "court"}, {"attributes.body"}),
        ({"latitude": 47.2}, {"attributes.latitude"}),
        ({"latitude": 91.0, "longitude": 0.0}, {"attributes.latitude"}),
        ({"latitude": 0.0, "longitude": 181.0}, {"attributes.longitude"}),
    ],
)
def test_shape_of_a_proposal(kw: dict[str, Any], fields: set[str]) -> None:
    if not fields:
        forms.check_shape(_input(**kw))
        return
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the fields are what matters
        forms.check_shape(_input(**kw))
    assert set(caught.value.fields) == fields  # type: ignore[attr-defined]


def test_body_length_and_geolocation_follow_the_component() -> None:
    component = EffectiveSettings(
        component_id=1, manifest_name="proposals", published=True, global_={"proposal_length": 20}, step={}
    )
    with pytest.raises(Exception) as caught:  # noqa: PT011
        forms.check_for_component(_input(body="b" * 21, address="Nantes"), component)
    assert set(caught.value.fields) == {"attributes.body", "attributes.address"}  # type: ignore[attr-defined]
