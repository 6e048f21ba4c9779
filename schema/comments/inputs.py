"""Inputs and enums of Participa's comment mutations."""

from __future__ import annotations

from enum import Enum

import strawberry

from models.kinds import ResourceKind
from resolvers.comments.policies import ReportReason as Reason


# Both enums list every kind registered in resolvers.comments.commentables (a test keeps them in step).
@strawberry.enum(description="What can be commented on.")
class CommentableType(Enum):
    PROPOSAL = ResourceKind.PROPOSAL.value
    MEETING = ResourceKind.MEETING.value
    RESULT = ResourceKind.RESULT.value
    POST = ResourceKind.POST.value
    DEBATE = ResourceKind.DEBATE.value
    PROJECT = ResourceKind.PROJECT.value
    COMMENT = ResourceKind.COMMENT.value


@strawberry.enum(description="What can be reported.")
class ReportableType(Enum):
    PROPOSAL = ResourceKind.PROPOSAL.value
    MEETING = ResourceKind.MEETING.value
    RESULT = ResourceKind.RESULT.value
    POST = ResourceKind.POST.value
    DEBATE = ResourceKind.DEBATE.value
    PROJECT = ResourceKind.PROJECT.value
    COMMENT = ResourceKind.COMMENT.value


@strawberry.enum(description="Why a participant reports something.")
class ReportReason(Enum):
    SPAM = Reason.SPAM.value
    OFFENSIVE = Reason.OFFENSIVE.value
    DOES_NOT_BELONG = Reason.DOES_NOT_BELONG.value
    OTHER = Reason.OTHER.value


@strawberry.enum(description="The viewer's vote on a comment: up, down, or none (withdraws it).")
class VoteDirection(Enum):
    UP = 1
    DOWN = -1
    NONE = 0


@strawberry.input(description="Participa: a comment to write.")
class AddCommentInput:
    commentable_id: strawberry.ID = strawberry.field(description="The resource (or comment) to comment on.")
    body: str
    commentable_type: CommentableType | None = strawberry.field(
        default=None, description="Optional: ids are global, so the id alone names the commentable."
    )
    alignment: int | None = strawberry.field(default=0, description="1 in favour, 0 neutral, -1 against.")
    user_group_id: strawberry.ID | None = strawberry.field(
        default=None, description="Post on behalf of this user group (the viewer must belong to it)."
    )
    in_reply_to_id: strawberry.ID | None = strawberry.field(
        default=None, description="Reply to this comment of the commentable's thread."
    )
    locale: str | None = strawberry.field(
        default=None, description="The language the body is written in (default: the request's locale)."
    )


@strawberry.input(description="Participa: new text for one of the viewer's comments.")
class UpdateCommentInput:
    id: strawberry.ID
    body: str
    locale: str | None = strawberry.field(
        default=None, description="The language the body is written in (default: the request's locale)."
    )


@strawberry.input(description="Participa: a report of a resource or a comment to the moderators.")
class ReportResourceInput:
    reportable_id: strawberry.ID
    reportable_type: ReportableType
    reason: ReportReason
    details: str | None = None
