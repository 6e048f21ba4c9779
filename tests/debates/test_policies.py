"""The debate rules as a table: who may start, edit, close and endorse, without a database."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.debates import policies
from resolvers.debates.policies import Actor, DebateFacts
from resolvers.errors import Conflict, Forbidden

AUTHOR, OTHER = 1, 2


@pytest.mark.parametrize(
    ("step", "admin", "expected"),
    [
        ({"creation_enabled": True}, False, None),
        ({"creation_enabled": False}, False, "CREATION_DISABLED"),
        ({}, False, "CREATION_DISABLED"),
        ({"creation_enabled": False}, True, None),
    ],
)
def test_may_create(step: dict[str, Any], admin: bool, expected: str | None) -> None:
    assert policies.may_create(step, admin=admin) == expected


@pytest.mark.parametrize(
    ("debate", "actor", "expected"),
    [
        (DebateFacts(author_id=AUTHOR), Actor(AUTHOR), None),
        (DebateFacts(author_id=AUTHOR), Actor(OTHER), "NOT_AUTHOR"),
        (DebateFacts(author_id=AUTHOR), Actor(OTHER, admin=True), None),
        (DebateFacts(author_id=None), Actor(OTHER), "NOT_AUTHOR"),
        (DebateFacts(author_id=None), Actor(OTHER, admin=True), None),
        (DebateFacts(author_id=AUTHOR, closed=True), Actor(AUTHOR), "CLOSED"),
        (DebateFacts(author_id=AUTHOR, closed=True), Actor(OTHER, admin=True), None),
    ],
)
def test_may_update(debate: DebateFacts, actor: Actor, expected: str | None) -> None:
    assert policies.may_update(debate, actor=actor) == expected


@pytest.mark.parametrize(
    ("debate", "actor", "expected"),
    [
        (DebateFacts(author_id=AUTHOR), Actor(AUTHOR), None),
        (DebateFacts(author_id=AUTHOR, closed=True), Actor(AUTHOR), None),
        (DebateFacts(author_id=AUTHOR), Actor(OTHER), "NOT_AUTHOR"),
        (DebateFacts(author_id=None), Actor(OTHER, admin=True), None),
    ],
)
def test_may_close(debate: DebateFacts, actor: Actor, expected: str | None) -> None:
    assert policies.may_close(debate, actor=actor) == expected


def test_endorsements_follow_the_step() -> None:
    assert policies.may_endorse({"endorsements_enabled": True}) is None
    assert policies.may_endorse({"endorsements_enabled": False}) == "ENDORSEMENTS_DISABLED"


def test_repeated_actions_are_conflicts_and_missing_rights_are_forbidden() -> None:
    assert isinstance(policies.denial("ALREADY_ENDORSED"), Conflict)
    assert isinstance(policies.denial("NOT_AUTHOR"), Forbidden)
    assert policies.denial("CLOSED").extensions() == {"code": "FORBIDDEN", "reason": "CLOSED"}
