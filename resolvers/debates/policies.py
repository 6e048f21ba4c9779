"""May this person do this to this debate now? Pure functions of facts, table-tested without a DB.

Each ``may_*`` returns ``None`` when allowed, else a stable reason (``extensions.reason``); ``denial``
turns a reason into the error to raise. Whether the viewer may act at all (signed in, confirmed, not
blocked) is ``resolvers.actors.require_participant``'s business and is checked before these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from resolvers.errors import Conflict, DomainError, Forbidden

if TYPE_CHECKING:
    import models

MESSAGES: dict[str, str] = {
    "CREATION_DISABLED": "Participants may not start debates in this step.",
    "NOT_AUTHOR": "Only the debate's author or an administrator may do this.",
    "CLOSED": "This debate is closed.",
    "ENDORSEMENTS_DISABLED": "Endorsements are not enabled in this step.",
    "NOT_GROUP_MEMBER": "You may act only for a group you are a member of.",
    "ALREADY_ENDORSED": "You already endorse this debate (in this name).",
    "NOT_ENDORSED": "You do not endorse this debate (in this name).",
}

# Reasons that describe the debate's state against a repeated action, not a missing right.
CONFLICTS = frozenset({"ALREADY_ENDORSED", "NOT_ENDORSED"})


def denial(reason: str) -> DomainError:
    error = Conflict if reason in CONFLICTS else Forbidden
    return error(MESSAGES[reason], reason=reason)


class Settings(Protocol):
    """The settings in force for the component (``EffectiveSettings``)."""

    def get(self, key: str, default: Any = None) -> Any: ...


@dataclass(frozen=True, slots=True)
class DebateFacts:
    """What the rules look at. ``author_id`` is null for the organization's own debates."""

    author_id: int | None = None
    closed: bool = False

    @classmethod
    def of(cls, row: models.Debate) -> DebateFacts:
        return cls(author_id=row.author_id, closed=row.closed_at is not None)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a participant, possibly an administrator of the organization."""

    user_id: int
    admin: bool = False

    def answers_for(self, debate: DebateFacts) -> bool:
        """Admins answer for every debate of the organization; participants for their own."""
        return self.admin or debate.author_id == self.user_id


def may_create(settings: Settings, *, admin: bool) -> str | None:
    """Admins always (an official debate); participants when the current step opens creation."""
    if admin or settings.get("creation_enabled"):
        return None
    return "CREATION_DISABLED"


def may_update(debate: DebateFacts, *, actor: Actor) -> str | None:
    """As Decidim: a closed debate is frozen for its participant author; admins may still correct it."""
    if not actor.answers_for(debate):
        return "NOT_AUTHOR"
    if debate.closed and not actor.admin:
        return "CLOSED"
    return None


def may_close(debate: DebateFacts, *, actor: Actor) -> str | None:
    """Closing again rewrites the conclusions (and keeps the first closing time), as Decidim's close form."""
    return None if actor.answers_for(debate) else "NOT_AUTHOR"


def may_endorse(settings: Settings) -> str | None:
    return None if settings.get("endorsements_enabled") else "ENDORSEMENTS_DISABLED"


def is_open(debate: DebateFacts) -> bool:
    """Closed debates take no new comments (Decidim's ``accepts_new_comments?``)."""
    return not debate.closed
