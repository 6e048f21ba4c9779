"""May this survey be answered now, by whom, and who may see its results? Pure functions, table-tested.

Each ``answers_open``-style check returns ``None`` when allowed, else a stable reason
(``extensions.reason``); ``denial`` turns a reason into the error to raise.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from resolvers.errors import Conflict, DomainError, Forbidden

MESSAGES: dict[str, str] = {
    "ANSWERS_CLOSED": "This survey does not accept answers in this step.",
    "NOT_STARTED": "This survey does not accept answers yet.",
    "ENDED": "This survey no longer accepts answers.",
    "ALREADY_ANSWERED": "This survey has already been answered by you (or with this session).",
}

CONFLICTS = frozenset({"ALREADY_ANSWERED"})


def denial(reason: str) -> DomainError:
    error = Conflict if reason in CONFLICTS else Forbidden
    return error(MESSAGES[reason], reason=reason)


class Settings(Protocol):
    """The settings in force for the component (``EffectiveSettings``)."""

    @property
    def published(self) -> bool: ...

    def get(self, key: str, default: Any = None) -> Any: ...


def answers_open(settings: Settings, *, now: datetime) -> str | None:
    """The step must allow answers, and ``now`` must fall in ``[starts_at, ends_at)`` when they are set."""
    if not settings.published or not settings.get("allow_answers"):
        return "ANSWERS_CLOSED"
    starts_at: datetime | None = settings.get("starts_at")
    ends_at: datetime | None = settings.get("ends_at")
    if starts_at is not None and now < starts_at:
        return "NOT_STARTED"
    if ends_at is not None and now >= ends_at:
        return "ENDED"
    return None


def accepts_answers(settings: Settings, *, now: datetime) -> bool:
    return answers_open(settings, now=now) is None


def answers_without_account(settings: Settings) -> bool:
    """Visitors without an account may answer (once per session token) when either setting says so:
    ``allow_unregistered`` for the current step, or ``allow_anonymous_answers`` for the whole survey."""
    return bool(settings.get("allow_unregistered") or settings.get("allow_anonymous_answers"))


def results_visible(settings: Settings, *, organization_admin: bool) -> bool:
    """Admins always see the aggregated results; everyone else once the step publishes them."""
    return organization_admin or bool(settings.get("publish_answers"))
