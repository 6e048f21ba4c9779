"""May this participant do this to this proposal now? Pure functions of facts, table-tested without a DB.

Each ``may_*`` returns ``None`` when allowed, else a stable reason (``extensions.reason``); ``denial``
turns a reason into the error to raise. Whether the viewer may act at all (signed in, confirmed, not
blocked) is ``resolvers.actors.require_participant``'s business and is checked before these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from resolvers.errors import Conflict, DomainError, Forbidden

if TYPE_CHECKING:
    import models

ACCEPTED = "accepted"
REJECTED = "rejected"

MESSAGES: dict[str, str] = {
    "CREATION_DISABLED": "Creating proposals is not enabled in this step.",
    "PROPOSAL_LIMIT_REACHED": "You have reached the number of proposals allowed in this component.",
    "VOTES_DISABLED": "Supports are not enabled in this step.",
    "VOTES_BLOCKED": "Supports are closed in this step.",
    "VOTE_LIMIT_REACHED": "You have used all your supports in this component.",
    "THRESHOLD_REACHED": "This proposal already has all the supports it needs.",
    "ENDORSEMENTS_DISABLED": "Endorsements are not enabled in this step.",
    "ENDORSEMENTS_BLOCKED": "Endorsements are closed in this step.",
    "NOT_GROUP_MEMBER": "You may act only for a group you are a member of.",
    "NOT_AUTHOR": "Only an author of this proposal may do this.",
    "NOT_PUBLISHED": "This proposal is a draft: publish it first.",
    "WITHDRAWN": "This proposal has been withdrawn.",
    "REJECTED": "This proposal has been rejected.",
    "ACCEPTED": "An accepted proposal cannot be withdrawn.",
    "ANSWERED": "An answered proposal can no longer be edited.",
    "HAS_SUPPORTS": "A proposal that has supports can no longer be edited.",
    "EDIT_WINDOW_CLOSED": "The time allowed to edit this proposal is over.",
    "ALREADY_PUBLISHED": "This proposal is already published.",
    "ALREADY_WITHDRAWN": "This proposal is already withdrawn.",
    "ALREADY_SUPPORTED": "You already support this proposal.",
    "NOT_SUPPORTED": "You do not support this proposal.",
    "ALREADY_ENDORSED": "You already endorse this proposal (in this name).",
    "NOT_ENDORSED": "You do not endorse this proposal (in this name).",
}

# Reasons that describe the proposal's state against a repeated action, not a missing right.
CONFLICTS = frozenset(
    {"ALREADY_PUBLISHED", "ALREADY_WITHDRAWN", "ALREADY_SUPPORTED", "NOT_SUPPORTED", "ALREADY_ENDORSED", "NOT_ENDORSED"}
)


def denial(reason: str) -> DomainError:
    error = Conflict if reason in CONFLICTS else Forbidden
    return error(MESSAGES[reason], reason=reason)


class Settings(Protocol):
    """The settings in force for the component (``EffectiveSettings``)."""

    def get(self, key: str, default: Any = None) -> Any: ...


@dataclass(frozen=True, slots=True)
class ProposalFacts:
    """What the rules look at. ``answer_state`` is the state only once its answer is published."""

    published_at: datetime | None
    withdrawn: bool = False
    answer_state: str | None = None
    votes_count: int = 0

    @classmethod
    def of(cls, row: models.Proposal) -> ProposalFacts:
        return cls(
            published_at=row.published_at,
            withdrawn=row.withdrawn_at is not None,
            answer_state=published_state(row),
            votes_count=row.votes_count,
        )


def published_state(row: models.Proposal) -> str | None:
    """The answer state the public may know: none until the answer is published."""
    return row.state if row.state_published_at is not None else None


def may_create(settings: Settings) -> str | None:
    return None if settings.get("creation_enabled") else "CREATION_DISABLED"


def within_limit(*, limit: int, existing: int) -> str | None:
    """``proposal_limit`` (0 = unlimited) against the participant's proposals already there."""
    return "PROPOSAL_LIMIT_REACHED" if limit and existing >= limit else None


def may_publish(settings: Settings, proposal: ProposalFacts, *, is_author: bool) -> str | None:
    if not is_author:
        return "NOT_AUTHOR"
    if proposal.published_at is not None:
        return "ALREADY_PUBLISHED"
    return may_create(settings)


def edit_window_open(settings: Settings, proposal: ProposalFacts, *, now: datetime) -> bool:
    if proposal.published_at is None or settings.get("proposal_edit_time") == "infinite":
        return True
    minutes = int(settings.get("proposal_edit_before_minutes", 0))
    return now < proposal.published_at + timedelta(minutes=minutes)


def may_edit(settings: Settings, proposal: ProposalFacts, *, is_author: bool, now: datetime) -> str | None:
    """Authors edit their drafts freely; once published, only briefly, and never once supported or answered."""
    if not is_author:
        return "NOT_AUTHOR"
    if proposal.withdrawn:
        return "WITHDRAWN"
    if proposal.published_at is None:
        return None
    return _still_editable(settings, proposal, now=now)


def _still_editable(settings: Settings, proposal: ProposalFacts, *, now: datetime) -> str | None:
    if proposal.answer_state is not None:
        return "ANSWERED"
    if proposal.votes_count > 0:
        return "HAS_SUPPORTS"
    if not edit_window_open(settings, proposal, now=now):
        return "EDIT_WINDOW_CLOSED"
    return None


def may_withdraw(proposal: ProposalFacts, *, is_author: bool) -> str | None:
    if not is_author:
        return "NOT_AUTHOR"
    if proposal.published_at is None:
        return "NOT_PUBLISHED"
    if proposal.withdrawn:
        return "ALREADY_WITHDRAWN"
    if proposal.answer_state == ACCEPTED:
        return "ACCEPTED"
    return None


def _votes_open(settings: Settings) -> str | None:
    if not settings.get("votes_enabled"):
        return "VOTES_DISABLED"
    if settings.get("votes_blocked"):
        return "VOTES_BLOCKED"
    return None


def _supportable(proposal: ProposalFacts) -> str | None:
    if proposal.published_at is None:
        return "NOT_PUBLISHED"
    if proposal.withdrawn:
        return "WITHDRAWN"
    if proposal.answer_state == REJECTED:
        return "REJECTED"
    return None


def _within_supports(settings: Settings, proposal: ProposalFacts, *, used_in_component: int) -> str | None:
    limit = int(settings.get("vote_limit", 0))
    if limit and used_in_component >= limit:
        return "VOTE_LIMIT_REACHED"
    threshold = int(settings.get("threshold_per_proposal", 0))
    accumulate = settings.get("can_accumulate_votes_beyond_threshold", False)
    if threshold and not accumulate and proposal.votes_count >= threshold:
        return "THRESHOLD_REACHED"
    return None


def may_vote(settings: Settings, proposal: ProposalFacts, *, used_in_component: int) -> str | None:
    """Supporting one's own proposal is allowed, as in Decidim. The first reason that applies wins."""
    return (
        _votes_open(settings)
        or _supportable(proposal)
        or _within_supports(settings, proposal, used_in_component=used_in_component)
    )


def may_unvote(settings: Settings) -> str | None:
    return _votes_open(settings)


def _endorsements_open(settings: Settings) -> str | None:
    if not settings.get("endorsements_enabled"):
        return "ENDORSEMENTS_DISABLED"
    if settings.get("endorsements_blocked"):
        return "ENDORSEMENTS_BLOCKED"
    return None


def may_endorse(settings: Settings, proposal: ProposalFacts) -> str | None:
    closed = _endorsements_open(settings)
    if closed:
        return closed
    if proposal.published_at is None:
        return "NOT_PUBLISHED"
    if proposal.withdrawn:
        return "WITHDRAWN"
    return None


def may_unendorse(settings: Settings) -> str | None:
    return _endorsements_open(settings)


def accepts_new_comments(settings: Settings, *, withdrawn: bool) -> bool:
    return bool(settings.get("comments_enabled")) and not settings.get("comments_blocked") and not withdrawn


def votes_visible(settings: Settings) -> bool:
    """``voteCount`` (and sorting by it) is withheld while the step hides supports."""
    return not settings.get("votes_hidden")
