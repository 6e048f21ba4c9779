"""Who may manage results: pure functions of facts, table-tested without a database.

Each ``may_*`` returns ``None`` when allowed, else a stable reason (``extensions.reason``); ``denial``
turns a reason into the error to raise. Whether the viewer may act at all (signed in, confirmed, not
blocked) is ``resolvers.actors.require_participant``'s business and is checked before these.
"""

from __future__ import annotations

from resolvers.errors import DomainError, Forbidden, Unauthenticated

MESSAGES: dict[str, str] = {
    "SIGN_IN": "Sign in to do this.",
    "NOT_ADMIN": "Only administrators of the organization may manage the follow-up of results.",
}


def denial(reason: str) -> DomainError:
    if reason == "SIGN_IN":
        return Unauthenticated(MESSAGES[reason])
    return Forbidden(MESSAGES[reason], reason=reason)


def may_manage_results(*, organization_admin: bool) -> str | None:
    """As in Decidim, results are written by administrators: participants follow them and comment."""
    return None if organization_admin else "NOT_ADMIN"


def may_try(*, signed_in: bool, organization_admin: bool) -> str | None:
    """What the request's viewer alone decides, before the input is even read: nobody learns from our
    validation messages what they may not do anyway."""
    if not signed_in:
        return "SIGN_IN"
    return may_manage_results(organization_admin=organization_admin)


def parent_allowed(*, result_id: int | None, parent_id: int, descendant_ids: frozenset[int]) -> bool:
    """A result cannot sit under itself or under one of its own descendants (the tree would loop)."""
    return parent_id != result_id and parent_id not in descendant_ids
