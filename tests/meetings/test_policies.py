"""The meeting rules as a table: pure functions of facts, no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from resolvers.meetings import policies
from resolvers.meetings.policies import Actor, MeetingFacts

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
SOON = MeetingFacts(
    start_time=NOW + timedelta(days=1),
    end_time=NOW + timedelta(days=1, hours=2),
    author_id=7,
    registrations_enabled=True,
    available_slots=10,
)
STARTED = replace(SOON, start_time=NOW - timedelta(hours=1), end_time=NOW + timedelta(hours=1))
OVER = replace(SOON, start_time=NOW - timedelta(days=1), end_time=NOW - timedelta(hours=1))


class Settings(dict[str, Any]):
    pass


@pytest.mark.parametrize(
    ("meeting", "already", "reason"),
    [
        (SOON, False, None),
        (STARTED, False, None),
        (replace(SOON, registrations_enabled=False), False, "REGISTRATIONS_DISABLED"),
        (replace(SOON, registrations_enabled=False, withdrawn=True), False, "REGISTRATIONS_DISABLED"),
        (replace(SOON, withdrawn=True), False, "WITHDRAWN"),
        (replace(SOON, closed=True), False, "CLOSED"),
        (OVER, False, "PAST"),
        (SOON, True, "ALREADY_REGISTERED"),
        (replace(SOON, registrations_count=10), True, "ALREADY_REGISTERED"),
        (replace(SOON, registrations_count=10), False, "NO_SLOTS_LEFT"),
        (replace(SOON, registrations_count=8, reserved_slots=2), False, "NO_SLOTS_LEFT"),
        (replace(SOON, registrations_count=7, reserved_slots=2), False, None),
        (replace(SOON, available_slots=0, registrations_count=10_000), False, None),
    ],
)
def test_may_register(meeting: MeetingFacts, already: bool, reason: str | None) -> None:
    assert policies.may_register(meeting, now=NOW, already_registered=already) == reason


@pytest.mark.parametrize(
    ("meeting", "registered", "reason"),
    [
        (SOON, True, None),
        (replace(SOON, registrations_enabled=False), True, None),
        (SOON, False, "NOT_REGISTERED"),
        (OVER, True, "PAST"),
        (replace(SOON, closed=True), True, "CLOSED"),
    ],
)
def test_may_cancel_registration(meeting: MeetingFacts, registered: bool, reason: str | None) -> None:
    assert policies.may_cancel_registration(meeting, now=NOW, registered=registered) == reason


@pytest.mark.parametrize(
    ("meeting", "left"),
    [(SOON, 10), (replace(SOON, available_slots=0), None), (replace(SOON, registrations_count=12), 0)],
)
def test_remaining_slots(meeting: MeetingFacts, left: int | None) -> None:
    assert policies.remaining_slots(meeting) == left


@pytest.mark.parametrize(
    ("settings", "admin", "reason"),
    [
        ({}, True, None),
        ({"creation_enabled_for_participants": True, "creation_enabled": True}, False, None),
        ({"creation_enabled_for_participants": True}, False, "CREATION_DISABLED"),
        ({"creation_enabled": True}, False, "CREATION_DISABLED"),
    ],
)
def test_may_create(settings: dict[str, Any], admin: bool, reason: str | None) -> None:
    assert policies.may_create(Settings(settings), admin=admin) == reason


AUTHOR, STRANGER, ADMIN = Actor(user_id=7), Actor(user_id=8), Actor(user_id=9, admin=True)
OFFICIAL = replace(SOON, author_id=None)


@pytest.mark.parametrize(
    ("meeting", "actor", "reason"),
    [
        (SOON, AUTHOR, None),
        (SOON, STRANGER, "NOT_AUTHOR"),
        (SOON, ADMIN, None),
        (replace(SOON, withdrawn=True), AUTHOR, "WITHDRAWN"),
        (replace(SOON, closed=True), AUTHOR, "CLOSED"),
        (replace(SOON, closed=True), ADMIN, None),
    ],
)
def test_may_update(meeting: MeetingFacts, actor: Actor, reason: str | None) -> None:
    assert policies.may_update(meeting, actor=actor) == reason


@pytest.mark.parametrize(
    ("meeting", "actor", "reason"),
    [
        (STARTED, AUTHOR, None),
        (SOON, AUTHOR, "NOT_STARTED"),
        (SOON, ADMIN, None),
        (STARTED, STRANGER, "NOT_AUTHOR"),
        (replace(STARTED, withdrawn=True), AUTHOR, "WITHDRAWN"),
        (replace(STARTED, closed=True), AUTHOR, None),
    ],
)
def test_may_close(meeting: MeetingFacts, actor: Actor, reason: str | None) -> None:
    assert policies.may_close(meeting, actor=actor, now=NOW) == reason


@pytest.mark.parametrize(
    ("meeting", "actor", "reason"),
    [
        (SOON, AUTHOR, None),
        (OFFICIAL, ADMIN, None),
        (SOON, ADMIN, "NOT_AUTHOR"),
        (OFFICIAL, STRANGER, "NOT_AUTHOR"),
        (replace(SOON, withdrawn=True), AUTHOR, "ALREADY_WITHDRAWN"),
        (OVER, AUTHOR, "PAST"),
    ],
)
def test_may_withdraw(meeting: MeetingFacts, actor: Actor, reason: str | None) -> None:
    assert policies.may_withdraw(meeting, actor=actor, now=NOW) == reason


@pytest.mark.parametrize(
    ("meeting_terms", "default_terms", "required"),
    [
        ({}, {}, False),
        ({"fr": "  "}, None, False),
        ({"machine_translations": {"en": "x"}}, {}, False),
        ({"fr": "Pas de photos"}, {}, True),
        ({}, {"en": "House rules"}, True),
    ],
)
def test_terms_required(meeting_terms: dict[str, Any], default_terms: dict[str, Any] | None, required: bool) -> None:
    assert policies.terms_required(meeting_terms, default_terms) is required


@pytest.mark.parametrize(
    ("reason", "code"),
    [("NO_SLOTS_LEFT", "FORBIDDEN"), ("ALREADY_REGISTERED", "CONFLICT"), ("ALREADY_WITHDRAWN", "CONFLICT")],
)
def test_denials_carry_a_stable_code_and_reason(reason: str, code: str) -> None:
    error = policies.denial(reason)
    assert error.extensions() == {"code": code, "reason": reason}


def test_the_closing_is_public_only_when_closed_and_visible() -> None:
    assert policies.closing_public(replace(SOON, closed=True, closing_visible=True)) is True
    assert policies.closing_public(replace(SOON, closed=True)) is False
    assert policies.closing_public(replace(SOON, closing_visible=True)) is False
