"""Comment mutations: Decidim's ``commentable { addComment }`` and ``comment { upVote downVote }``, and
Participa's flat ``addComment``, ``updateComment``, ``deleteComment``, ``voteComment``, ``reportResource``.

Each one hands the write to ``resolvers.comments.mutations`` (one transaction), then forgets what the
request's loaders had read and answers with the comment as it now stands.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import strawberry
from strawberry.types import Info

import models
from resolvers.comments import mutations as writes
from resolvers.comments.commentables import kind_for_type
from resolvers.comments.policies import toggled_weight
from resolvers.filters import parse_id, parse_locale
from schema.comments.inputs import (
    AddCommentInput,
    ReportableType,
    ReportReason,
    ReportResourceInput,
    UpdateCommentInput,
    VoteDirection,
)
from schema.comments.queries import use_request_options
from schema.comments.types import Comment, load_comment


def _id(value: strawberry.ID | str | None, field: str) -> int:
    pk = parse_id(value, field=field)
    assert pk is not None  # noqa: S101 - required arguments are never null
    return pk


def _locale(info: Info, value: str | None) -> str:
    org = info.context.organization
    if value is None:
        return str(info.context.locale)
    return parse_locale(value, available=list(org.available_locales), default=org.default_locale)


async def _answer(info: Info, pk: int) -> Comment | None:
    info.context.loaders.clear_all()
    return await load_comment(info, pk)


async def _vote(info: Info, pk: int, decide: Callable[[int], int]) -> Comment | None:
    ctx = info.context
    await writes.vote_comment(ctx.sessionmaker, ctx.scope, comment_id=pk, decide=decide)
    return await _answer(info, pk)


@strawberry.type(description="Decidim: actions on a commentable.")
class CommentableMutation:
    id: strawberry.ID
    kind: strawberry.Private[str]
    pk: strawberry.Private[int]

    @strawberry.field(
        description="Comment as the signed-in participant, optionally on behalf of one of their user groups. "
        "On a comment, this is a reply."
    )
    async def add_comment(
        self, info: Info, body: str, alignment: int | None = 0, user_group_id: strawberry.ID | None = None
    ) -> Comment | None:
        ctx = info.context
        new = writes.NewComment(
            target_id=self.pk,
            target_kind=self.kind,
            body=body,
            locale=ctx.locale,
            alignment=alignment,
            user_group_id=parse_id(user_group_id, field="userGroupId"),
        )
        row = await writes.add_comment(ctx.sessionmaker, ctx.scope, new)
        return await _answer(info, row.id)  # type: ignore[arg-type]


@strawberry.type(description="Decidim: actions on a comment.")
class CommentMutation:
    id: strawberry.ID
    pk: strawberry.Private[int]

    @strawberry.field(description="Vote up; voting up again withdraws the vote, and an opposite vote moves.")
    async def up_vote(self, info: Info) -> Comment | None:
        return await _vote(info, self.pk, lambda current: toggled_weight(current, 1))

    @strawberry.field(description="Vote down; voting down again withdraws the vote, and an opposite vote moves.")
    async def down_vote(self, info: Info) -> Comment | None:
        return await _vote(info, self.pk, lambda current: toggled_weight(current, -1))


@strawberry.type(description="Participa: the viewer's report, as moderators will see it.")
class ResourceReport:
    id: strawberry.ID
    reportable_id: strawberry.ID
    reportable_type: ReportableType
    reason: ReportReason
    details: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, row: models.Report) -> ResourceReport:
        return cls(
            id=strawberry.ID(str(row.id)),
            reportable_id=strawberry.ID(str(row.reportable_id)),
            reportable_type=ReportableType(row.reportable_kind),
            reason=ReportReason(row.reason),
            details=row.details,
            created_at=row.created_at,  # type: ignore[arg-type]
        )


@strawberry.type
class CommentMutations:
    @strawberry.mutation(
        description='Decidim: act on a commentable, by id and Decidim class name ("Decidim::Proposals::Proposal", '
        '"Decidim::Comments::Comment" to reply). Other types give BAD_USER_INPUT.'
    )
    def commentable(
        self,
        info: Info,
        id: str,
        type: str,
        locale: str | None = None,
        toggle_translations: bool | None = None,
    ) -> CommentableMutation:
        kind = kind_for_type(type)
        pk = _id(id, "id")
        use_request_options(info, locale, toggle_translations)
        return CommentableMutation(id=strawberry.ID(str(pk)), kind=kind, pk=pk)

    @strawberry.mutation(description="Decidim: act on a comment.")
    def comment(
        self, info: Info, id: strawberry.ID, locale: str | None = None, toggle_translations: bool | None = None
    ) -> CommentMutation:
        pk = _id(id, "id")
        use_request_options(info, locale, toggle_translations)
        return CommentMutation(id=strawberry.ID(str(pk)), pk=pk)

    @strawberry.mutation(description="Participa: comment on a resource or reply to a comment.")
    async def add_comment(self, info: Info, input: AddCommentInput) -> Comment | None:
        ctx = info.context
        new = writes.NewComment(
            target_id=_id(input.commentable_id, "commentableId"),
            target_kind=input.commentable_type.value if input.commentable_type else None,
            body=input.body,
            locale=_locale(info, input.locale),
            alignment=input.alignment,
            user_group_id=parse_id(input.user_group_id, field="userGroupId"),
            in_reply_to_id=parse_id(input.in_reply_to_id, field="inReplyToId"),
        )
        row = await writes.add_comment(ctx.sessionmaker, ctx.scope, new)
        return await _answer(info, row.id)  # type: ignore[arg-type]

    @strawberry.mutation(description="Participa: change the text of one of the viewer's comments (marks it edited).")
    async def update_comment(self, info: Info, input: UpdateCommentInput) -> Comment | None:
        ctx = info.context
        pk = await writes.update_comment(
            ctx.sessionmaker,
            ctx.scope,
            comment_id=_id(input.id, "id"),
            body=input.body,
            locale=_locale(info, input.locale),
        )
        return await _answer(info, pk)

    @strawberry.mutation(
        description="Participa: delete one of the viewer's comments; it stays in the thread as deleted."
    )
    async def delete_comment(self, info: Info, id: strawberry.ID) -> Comment | None:
        ctx = info.context
        pk = await writes.delete_comment(ctx.sessionmaker, ctx.scope, comment_id=_id(id, "id"))
        return await _answer(info, pk)

    @strawberry.mutation(description="Participa: set the viewer's vote on a comment (NONE withdraws it).")
    async def vote_comment(self, info: Info, id: strawberry.ID, direction: VoteDirection) -> Comment | None:
        weight = int(direction.value)
        return await _vote(info, _id(id, "id"), lambda _current: weight)

    @strawberry.mutation(
        description="Participa: report a resource or a comment to the moderators; once per participant and resource "
        "(CONFLICT on a second report)."
    )
    async def report_resource(self, info: Info, input: ReportResourceInput) -> ResourceReport | None:
        ctx = info.context
        row = await writes.report_resource(
            ctx.sessionmaker,
            ctx.scope,
            kind=input.reportable_type.value,
            pk=_id(input.reportable_id, "reportableId"),
            reason=input.reason.value,
            details=input.details,
        )
        info.context.loaders.clear_all()
        return ResourceReport.from_model(row)
