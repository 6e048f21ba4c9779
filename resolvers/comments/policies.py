"""What a valid comment is and who may write one: pure rules, table-tested without a database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from resolvers.errors import BadUserInput, Forbidden

if TYPE_CHECKING:
    import models
    from resolvers.comments.threads import AuthorRow
    from resolvers.components.settings import EffectiveSettings

# Decidim's Comment::MAX_DEPTH: a comment at depth 3 takes no replies (three levels of replies).
MAX_DEPTH = 3
# Decidim falls back to the organization's limit, 1000 characters, when the component sets none (0).
DEFAULT_MAX_LENGTH = 1000
ALIGNMENTS = (-1, 0, 1)
DETAILS_MAX_LENGTH = 4000


class CommentOrder(StrEnum):
    """Decidim's ``orderBy`` values for ``comments``."""

    OLDER = "older"
    RECENT = "recent"
    BEST_RATED = "best_rated"
    MOST_DISCUSSED = "most_discussed"


class ReportReason(StrEnum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    DOES_NOT_BELONG = "does_not_belong"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class CommentableFlags:
    """The three flags every ``CommentableInterface`` exposes."""

    accepts_new_comments: bool
    comments_have_alignment: bool
    comments_have_votes: bool


def resource_flags(
    settings: EffectiveSettings | None, *, closed: bool = False, have_alignment: bool = True, have_votes: bool = True
) -> CommentableFlags:
    """A resource accepts comments when its component enables them, the active step does not block them,
    and the resource itself is not closed (a withdrawn proposal)."""
    open_ = False
    if settings is not None and not closed:
        open_ = bool(settings.get("comments_enabled", True)) and not bool(settings.get("comments_blocked", False))
    return CommentableFlags(
        accepts_new_comments=open_, comments_have_alignment=have_alignment, comments_have_votes=have_votes
    )


def comment_flags(root: CommentableFlags, *, depth: int, deleted: bool) -> CommentableFlags:
    """A comment takes replies while its resource does, it is not deleted, and the thread is not too deep.

    Replies carry no alignment (as in Decidim's reply form); votes follow the resource.
    """
    return CommentableFlags(
        accepts_new_comments=root.accepts_new_comments and not deleted and depth < MAX_DEPTH,
        comments_have_alignment=False,
        comments_have_votes=root.comments_have_votes,
    )


def parse_order(value: str | None) -> CommentOrder:
    if value is None:
        return CommentOrder.OLDER
    try:
        return CommentOrder(value.strip().lower())
    except ValueError:
        allowed = ", ".join(o.value for o in CommentOrder)
        msg = f"Unknown comment order {value!r}: use one of {allowed}."
        raise BadUserInput(msg, fields={"orderBy": f"must be one of {allowed}"}) from None


def check_alignment(value: int | None, *, field: str = "alignment") -> int:
    alignment = 0 if value is None else value
    if alignment not in ALIGNMENTS:
        msg = "Alignment must be 1 (in favour), 0 (neutral) or -1 (against)."
        raise BadUserInput(msg, fields={field: "must be -1, 0 or 1"})
    return alignment


def check_body_present(body: str, *, field: str = "body") -> str:
    text = body.strip()
    if not text:
        msg = "A comment needs some text."
        raise BadUserInput(msg, fields={field: "must not be empty"})
    return text


def max_length(settings: EffectiveSettings) -> int:
    configured = int(settings.get("comments_max_length", 0) or 0)
    return configured if configured > 0 else DEFAULT_MAX_LENGTH


def check_body_length(text: str, *, limit: int, field: str = "body") -> str:
    if len(text) > limit:
        msg = f"A comment is at most {limit} characters long here ({len(text)} given)."
        raise BadUserInput(msg, fields={field: f"at most {limit} characters"})
    return text


def check_comments_open(settings: EffectiveSettings) -> None:
    """Forbidden with the reason a client can show: disabled for the component, or blocked in this step."""
    if not settings.get("comments_enabled", True):
        msg = "Comments are disabled here."
        raise Forbidden(msg, reason="COMMENTS_DISABLED")
    if settings.get("comments_blocked", False):
        msg = "Comments are closed during this phase."
        raise Forbidden(msg, reason="COMMENTS_BLOCKED")


def check_resource_open(closed_reason: str | None) -> None:
    if closed_reason is not None:
        msg = "This resource takes no new comments."
        raise Forbidden(msg, reason=closed_reason)


def reply_depth(parent: models.Comment) -> int:
    """The depth a reply to ``parent`` would have; refuses replies to deleted or too deep comments."""
    if parent.deleted_at is not None:
        msg = "This comment was deleted; it takes no replies."
        raise Forbidden(msg, reason="COMMENT_DELETED")
    depth = parent.depth + 1
    if depth > MAX_DEPTH:
        msg = f"Threads stop at {MAX_DEPTH} levels of replies; answer a comment higher up."
        raise BadUserInput(msg, fields={"inReplyToId": f"at most {MAX_DEPTH} levels of replies"})
    return depth


def check_reply_alignment(alignment: int, *, have_alignment: bool) -> None:
    if alignment != 0 and not have_alignment:
        msg = "Only first-level comments on a resource take an alignment; send 0."
        raise BadUserInput(msg, fields={"alignment": "must be 0 here"})


def check_not_deleted(comment: models.Comment) -> None:
    if comment.deleted_at is not None:
        msg = "This comment was deleted."
        raise Forbidden(msg, reason="COMMENT_DELETED")


def check_author(comment: models.Comment, user_id: int) -> None:
    if comment.author_id != user_id:
        msg = "Only the author of a comment may change it."
        raise Forbidden(msg, reason="NOT_AUTHOR")


def toggled_weight(current: int, requested: int) -> int:
    """Decidim's up/down buttons: pressing the same one again withdraws the vote, the other one moves it."""
    return 0 if current == requested else requested


def vote_deltas(old: int, new: int) -> tuple[int, int]:
    """How the up and down counters move when a participant's vote goes from ``old`` to ``new`` (-1, 0, 1)."""
    return (int(new == 1) - int(old == 1), int(new == -1) - int(old == -1))


def parse_reason(value: str) -> ReportReason:
    try:
        return ReportReason(value.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in ReportReason)
        msg = f"Unknown report reason {value!r}."
        raise BadUserInput(msg, fields={"reason": f"must be one of {allowed}"}) from None


def clean_details(details: str | None) -> str | None:
    text = (details or "").strip()
    if len(text) > DETAILS_MAX_LENGTH:
        msg = f"Report details are at most {DETAILS_MAX_LENGTH} characters long."
        raise BadUserInput(msg, fields={"details": f"at most {DETAILS_MAX_LENGTH} characters"})
    return text or None


def author_is_public(user: AuthorRow | models.User) -> bool:
    """The same rule as ``visibility.user_visible``, for rows already loaded."""
    if user.blocked or user.deleted_at is not None:
        return False
    return user.kind == "group" or user.confirmed_at is not None
