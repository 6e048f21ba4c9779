"""May this person do this to this meeting now? Pure functions of facts, table-tested without a DB.

Each ``may_*`` returns ``None`` when allowed, else a stable reason (``extensions.reason``); ``denial``
turns a reason into the error to raise. Whether the viewer may act at all (signed in, confirmed, not
blocked) is ``resolvers.actors.require_participant``'s business and is checked before these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from resolvers.errors import Conflict, DomainError, Forbidden

if TYPE_CHECKING:
    from datetime import datetime

    import models

MESSAGES: dict[str, str] = {
    "REGISTRATIONS_DISABLED": "Registrations are not open for this meeting.",
    "NO_SLOTS_LEFT": "There is no seat left at this meeting.",
    "ALREADY_REGISTERED": "You are already registered for this meeting.",
    "NOT_REGISTERED": "You are not registered for this meeting.",
    "WITHDRAWN": "This meeting has been withdrawn.",
    "CLOSED": "This meeting is closed.",
    "PAST": "This meeting is over.",
    "NOT_STARTED": "A meeting can be closed only once it has started.",
    "CREATION_DISABLED": "Creating meetings is not enabled here.",
    "NOT_AUTHOR": "Only the meeting's author or an administrator may do this.",
    "ALREADY_WITHDRAWN": "This meeting is already withdrawn.",
}

# Reasons that describe the state against a repeated action, not a missing right.
CONFLICTS = frozenset({"ALREADY_REGISTERED", "NOT_REGISTERED", "ALREADY_WITHDRAWN"})


def denial(reason: str) -> DomainError:
    error = Conflict if reason in CONFLICTS else Forbidden
    return error(MESSAGES[reason], reason=reason)


class Settings(Protocol):
    """The settings in force for the component (``EffectiveSettings``)."""

    def get(self, key: str, default: Any = None) -> Any: ...


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the rules look at."""

    start_time: datetime
    end_time: datetime
    author_id: int | None = None
    registrations_enabled: bool = False
    available_slots: int = 0
    reserved_slots: int = 0
    registrations_count: int = 0
    withdrawn: bool = False
    closed: bool = False
    closing_visible: bool = False

    @classmethod
    def of(cls, row: models.Meeting) -> MeetingFacts:
        return cls(
            start_time=row.start_time,
            end_time=row.end_time,
            author_id=row.author_id,
            registrations_enabled=row.registrations_enabled,
            available_slots=row.available_slots,
            reserved_slots=row.reserved_slots,
            registrations_count=row.registrations_count,
            withdrawn=row.withdrawn_at is not None,
            closed=row.closed_at is not None,
            closing_visible=row.closing_visible,
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a participant, possibly an administrator of the organization."""

    user_id: int
    admin: bool = False

    def owns(self, meeting: MeetingFacts) -> bool:
        """Admins answer for the organization's own meetings; participants for theirs."""
        return meeting.author_id == self.user_id or (self.admin and meeting.author_id is None)


def remaining_slots(meeting: MeetingFacts) -> int | None:
    """Seats still free; ``None`` when the meeting has no limit (``available_slots`` 0)."""
    if meeting.available_slots == 0:
        return None
    return max(0, meeting.available_slots - meeting.reserved_slots - meeting.registrations_count)


def closing_public(meeting: MeetingFacts) -> bool:
    """The closing report (and attendance figures) show once the meeting is closed, if it says so."""
    return meeting.closed and meeting.closing_visible


def _open_for_registrations(meeting: MeetingFacts, *, now: datetime) -> str | None:
    if meeting.withdrawn:
        return "WITHDRAWN"
    if meeting.closed:
        return "CLOSED"
    if meeting.end_time <= now:
        return "PAST"
    return None


def may_register(meeting: MeetingFacts, *, now: datetime, already_registered: bool) -> str | None:
    """The first reason that applies wins; a repeated registration says so before "no seat left"."""
    if not meeting.registrations_enabled:
        return "REGISTRATIONS_DISABLED"
    closed = _open_for_registrations(meeting, now=now)
    if closed:
        return closed
    if already_registered:
        return "ALREADY_REGISTERED"
    left = remaining_slots(meeting)
    if left is not None and left <= 0:
        return "NO_SLOTS_LEFT"
    return None


def may_cancel_registration(meeting: MeetingFacts, *, now: datetime, registered: bool) -> str | None:
    """Giving a seat back is always possible before the meeting ends, even once registrations close."""
    if meeting.end_time <= now:
        return "PAST"
    if meeting.closed:
        return "CLOSED"
    return None if registered else "NOT_REGISTERED"


def terms_required(meeting_terms: dict[str, Any] | None, default_terms: dict[str, Any] | None) -> bool:
    """Registering means accepting the terms when the meeting (or, failing it, the component) has some."""

    def present(values: dict[str, Any] | None) -> bool:
        return any(isinstance(v, str) and v.strip() for k, v in (values or {}).items() if k != "machine_translations")

    return present(meeting_terms) or present(default_terms)


def may_create(settings: Settings, *, admin: bool) -> str | None:
    """Admins always; participants when the component lets them and the current step opens creation."""
    if admin:
        return None
    if settings.get("creation_enabled_for_participants") and settings.get("creation_enabled"):
        return None
    return "CREATION_DISABLED"


def may_update(meeting: MeetingFacts, *, actor: Actor) -> str | None:
    if not actor.owns(meeting) and not actor.admin:
        return "NOT_AUTHOR"
    if meeting.withdrawn:
        return "WITHDRAWN"
    if meeting.closed and not actor.admin:
        return "CLOSED"
    return None


def may_close(meeting: MeetingFacts, *, actor: Actor, now: datetime) -> str | None:
    """Closing again rewrites the report. Participants close their meetings once they have started."""
    if not actor.owns(meeting) and not actor.admin:
        return "NOT_AUTHOR"
    if meeting.withdrawn:
        return "WITHDRAWN"
    if not actor.admin and meeting.start_time > now:
        return "NOT_STARTED"
    return None


def may_withdraw(meeting: MeetingFacts, *, actor: Actor, now: datetime) -> str | None:
    """As Decidim: only the author withdraws (admins, the organization's own meetings), before it ends."""
    if not actor.owns(meeting):
        return "NOT_AUTHOR"
    if meeting.withdrawn:
        return "ALREADY_WITHDRAWN"
    if meeting.end_time <= now:
        return "PAST"
    return None
