"""``Comment`` as Decidim's API shows it, converted from a thread loaded whole.

Every comment of a page shares one ``ThreadView``: the resource's thread (one statement), the viewer's
votes and reports in it (one statement) and the resource's flags. Replies, authors, ``upVoted`` and
``alreadyReported`` then come from memory, so the statement count does not grow with the thread.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING, cast

import strawberry
from strawberry.types import Info

from models.kinds import ResourceKind
from resolvers.comments.commentables import COMMENT_TYPE, COMMENTABLES
from resolvers.comments.formatting import format_body, iso8601, pick_text, short_datetime, time_zone
from resolvers.comments.loaders import CommentRef, ViewerMarks
from resolvers.comments.policies import (
    CommentableFlags,
    author_is_public,
    comment_flags,
    parse_order,
    resource_flags,
)
from resolvers.comments.threads import CommentRow, RootKey, Thread, sort_comments
from resolvers.filters import parse_id
from schema.interfaces import Author, CommentableInterface, Node
from schema.users.types import DEFAULT_AVATAR, User, author_from_model

if TYPE_CHECKING:
    import models


@strawberry.type(
    description="A comment on a resource, or a reply to a comment. Hidden (moderated) comments and their replies "
    "never appear; deleted ones keep their place in the thread with `deleted: true` and an empty body."
)
class Comment(CommentableInterface, Node):
    sgid: str = strawberry.field(
        description='Participa: a stable opaque reference, "comment-<id>"; not a Rails signed global id.'
    )
    body: str = strawberry.field(
        description="Plain text in the request's locale (see `commentable(locale:)`), else the original text."
    )
    formatted_body: str = strawberry.field(
        description='The text as HTML: everything escaped, paragraphs, <br> line breaks, links rel="nofollow noopener".'
    )
    created_at: str = strawberry.field(description="ISO 8601 in the organization's time zone (a String, as Decidim).")
    formatted_created_at: str = strawberry.field(description='"DD/MM/YYYY HH:MM" in the organization\'s time zone.')
    alignment: int | None = strawberry.field(description="1 in favour, 0 neutral, -1 against.")
    up_votes: int
    up_voted: bool = strawberry.field(description="Whether the viewer voted this comment up.")
    down_votes: int
    down_voted: bool = strawberry.field(description="Whether the viewer voted this comment down.")
    already_reported: bool = strawberry.field(description="Whether the viewer has reported this comment.")
    deleted: bool = strawberry.field(description="Participa: deleted by its author (the body is then empty).")
    edited: bool = strawberry.field(description="Participa: the author changed the text after posting it.")
    author_key: strawberry.Private[int]
    view: strawberry.Private[ThreadView]

    @strawberry.field(description="Who wrote it: the user group it was posted as, else the participant.")
    def author(self, info: Info) -> Author:
        return self.view.author(self.author_key, info)


def _unavailable_author(user_id: int, *, deleted: bool) -> Author:
    # Decidim keeps comments of blocked (or unconfirmed) accounts, shown without a name.
    return User(
        id=strawberry.ID(str(user_id)),
        name="",
        nickname="",
        avatar_url=DEFAULT_AVATAR,
        profile_path="",
        badge="",
        deleted=deleted,
        direct_messages_enabled="false",
        pk=user_id,
    )


@dataclass(frozen=True, slots=True)
class ThreadView:
    """One thread as one viewer sees it, in one locale."""

    thread: Thread
    marks: ViewerMarks
    root: CommentableFlags
    locale: str
    default_locale: str
    prefer_machine: bool
    zone: tzinfo

    def convert(self, row: CommentRow) -> Comment:
        deleted = row.deleted_at is not None
        flags = comment_flags(self.root, depth=row.depth, deleted=deleted)
        text = "" if deleted else self._text(row)
        vote = self.marks.votes.get(row.id, 0)
        pk = row.id
        return Comment(
            id=strawberry.ID(str(pk)),
            type=COMMENT_TYPE,
            accepts_new_comments=flags.accepts_new_comments,
            comments_have_alignment=flags.comments_have_alignment,
            comments_have_votes=flags.comments_have_votes,
            total_comments_count=row.replies_count,
            has_comments=pk in self.thread.children,
            commentable_kind=ResourceKind.COMMENT,
            pk=pk,
            sgid=f"comment-{pk}",
            body=text,
            formatted_body=format_body(text),
            created_at=iso8601(row.created_at, self.zone),
            formatted_created_at=short_datetime(row.created_at, self.zone),
            alignment=row.alignment,
            up_votes=row.up_votes_count,
            up_voted=vote == 1,
            down_votes=row.down_votes_count,
            down_voted=vote == -1,
            already_reported=pk in self.marks.reported,
            deleted=deleted,
            edited=row.edited_at is not None,
            author_key=row.user_group_id or row.author_id,
            view=self,
        )

    def _text(self, row: CommentRow) -> str:
        return pick_text(
            row.body, locale=self.locale, default_locale=self.default_locale, prefer_machine=self.prefer_machine
        )

    def author(self, user_id: int, info: Info) -> Author:
        user = self.thread.authors.get(user_id)
        if user is not None and (author_is_public(user) or user.deleted_at is not None):
            # AuthorRow carries every attribute the Author conversion reads; it renders deleted accounts
            # as deleted authors, the same everywhere a contribution shows its author.
            return author_from_model(cast("models.User", user), info)
        return _unavailable_author(user_id, deleted=user is None)


async def root_flags(info: Info, root: RootKey) -> CommentableFlags | None:
    """The resource's flags, from its component's settings; None when the viewer may not see it."""
    loaders = info.context.loaders
    row = await loaders.commentable_by_key.load(root)
    if row is None:
        return None
    spec = COMMENTABLES[root[0]]
    settings = await loaders.settings_by_component.load(spec.component_id(row))
    return resource_flags(
        settings,
        closed=spec.closed(row) is not None,
        have_alignment=spec.have_alignment,
        have_votes=spec.have_votes,
    )


async def thread_view(info: Info, root: RootKey, flags: CommentableFlags | None = None) -> ThreadView | None:
    ctx = info.context
    if flags is None:
        flags = await root_flags(info, root)
        if flags is None:
            return None
    thread, marks = await asyncio.gather(
        ctx.loaders.comment_thread_by_root.load(root), ctx.loaders.viewer_comment_marks_by_root.load(root)
    )
    return ThreadView(
        thread=thread,
        marks=marks,
        root=flags,
        locale=ctx.locale,
        default_locale=ctx.organization.default_locale,
        prefer_machine=bool(ctx.extra.get("toggle_translations")),
        zone=time_zone(ctx.organization.time_zone),
    )


async def load_comment(info: Info, pk: int) -> Comment | None:
    """A comment the viewer may see (its resource visible, neither it nor an ancestor hidden)."""
    ref: CommentRef | None = await info.context.loaders.comment_by_id.load(pk)
    if ref is None:
        return None
    view = await thread_view(info, ref.root)
    if view is None or pk not in view.thread.by_id:
        return None
    return view.convert(view.thread.by_id[pk])


async def comment_node(ref: CommentRef, info: Info) -> Comment | None:
    return await load_comment(info, ref.id)


async def load_comments(
    info: Info, commentable: CommentableInterface, *, order_by: str | None, single_comment_id: str | None
) -> list[Comment]:
    """First-level comments of a resource, or the replies of a comment, in Decidim's ``orderBy``."""
    order = parse_order(order_by)
    single = parse_id(single_comment_id, field="singleCommentId")
    parent: int | None = None
    if isinstance(commentable, Comment):
        view: ThreadView | None = commentable.view
        parent = commentable.pk
    else:
        flags = CommentableFlags(
            accepts_new_comments=commentable.accepts_new_comments,
            comments_have_alignment=commentable.comments_have_alignment,
            comments_have_votes=commentable.comments_have_votes,
        )
        view = await thread_view(info, (commentable.commentable_kind, commentable.pk), flags)
    if view is None:
        return []
    if single is not None:
        if not view.thread.in_subtree(single, parent):
            return []
        return [view.convert(view.thread.by_id[single])]
    return [view.convert(r) for r in sort_comments(view.thread.children.get(parent, []), order)]


async def viewer_may_comment(info: Info, commentable: CommentableInterface) -> bool:
    """Decidim's ``userAllowedToComment``: the commentable takes comments and the viewer may take part."""
    user_id = info.context.viewer.user_id
    if not commentable.accepts_new_comments or user_id is None:
        return False
    # Those who may act: confirmed, unblocked, undeleted accounts. The author loader (already batched for
    # the page's authors, so no extra statement) also returns deleted accounts, which may not.
    row = await info.context.loaders.author_by_id.load(user_id)
    return row is not None and row.deleted_at is None
