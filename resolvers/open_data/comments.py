"""Comments in the open-data export: one file per kind of commented resource, as Decidim's.

A comment appears when its resource is visible and neither it nor any comment above it is hidden by
moderation (a hidden comment takes its replies with it, as in the API's threads). A comment its
author deleted keeps its row, with ``deleted`` true and an empty body, exactly as the API keeps it in
its thread: replies to it still point at a row of the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

import models
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.commentables import COMMENTABLES
from resolvers.open_data.base import Column, Entity
from resolvers.open_data.sql import EMPTY_TRANSLATION, public_author

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Select

    from resolvers.visibility import Scope


def _statement(kind: str) -> Callable[[Scope], Select[Any]]:
    spec = COMMENTABLES[kind]

    def build(scope: Scope) -> Select[Any]:
        c = models.Comment
        roots = select(spec.model.id).where(spec.visible(scope))
        first_level = select(c.id).where(  # type: ignore[call-overload]
            c.organization_id == scope.organization_id,
            c.root_kind == kind,
            c.root_id.in_(roots),  # type: ignore[attr-defined]
            c.parent_id.is_(None),  # type: ignore[union-attr]
            c.hidden_at.is_(None),  # type: ignore[union-attr]
        )
        reachable = first_level.cte(f"open_data_{kind}_comments", recursive=True)
        reply = aliased(c)
        reachable = reachable.union_all(
            select(reply.id).where(reply.parent_id == reachable.c.id, reply.hidden_at.is_(None))  # type: ignore[arg-type, call-overload, union-attr]
        )
        author, joined = public_author(func.coalesce(c.user_group_id, c.author_id), scope)
        deleted = c.deleted_at.is_not(None)  # type: ignore[union-attr]
        return (  # type: ignore[no-any-return]
            select(  # type: ignore[call-overload, misc]
                c.id,
                c.root_id,
                c.parent_id,
                c.depth,
                case((deleted, EMPTY_TRANSLATION), else_=c.body),
                deleted,
                c.edited_at.is_not(None),  # type: ignore[union-attr]
                c.alignment,
                c.up_votes_count,
                c.down_votes_count,
                author.id,
                author.nickname,
                c.created_at,
            )
            .outerjoin(author, joined)
            .where(c.id.in_(select(reachable.c.id)))  # type: ignore[union-attr]
            .order_by(c.id)
        )

    return build


def _entity(kind: str, file_name: str, resource: str) -> Entity:
    type_name = DECIDIM_CLASS_NAMES[kind]
    return Entity(
        name=file_name,
        description=f"Comments on {resource} (rows of the {resource} file) and the replies to them; never "
        "comments hidden by moderation nor anything under them. Comments their authors deleted keep their "
        "place with an empty body.",
        columns=(
            Column("id", "Identifier of the comment; also its global id in the GraphQL API."),
            Column(f"{kind}_id", f"Identifier of the commented resource ({type_name}), a row of {resource}."),
            Column("parent_id", "Identifier of the comment it replies to (a row of this file); empty at the top."),
            Column("depth", "How deep in the thread: 0 for a comment on the resource, 1 for a reply, and so on."),
            Column("body", "Text of the comment (plain text); empty when its author deleted it.", translated=True),
            Column("deleted", "true when its author deleted the comment (its text is then withheld)."),
            Column("edited", "true when its author changed the text after posting it."),
            Column("alignment", "Stance the comment takes: 1 in favour, 0 neutral, -1 against."),
            Column("up_votes_count", "How many participants voted the comment up."),
            Column("down_votes_count", "How many participants voted the comment down."),
            Column(
                "author_id",
                "Identifier of the participant or group (a row of users) shown as its author; empty when that "
                "account is no longer public (deleted, blocked).",
            ),
            Column("author_nickname", "That author's nickname, under the same conditions."),
            Column("created_at", "When the comment was posted (ISO 8601, UTC)."),
        ),
        select=_statement(kind),
    )


PROPOSAL_COMMENTS = _entity(ResourceKind.PROPOSAL, "proposal_comments", "proposals")
MEETING_COMMENTS = _entity(ResourceKind.MEETING, "meeting_comments", "meetings")
DEBATE_COMMENTS = _entity(ResourceKind.DEBATE, "debate_comments", "debates")
POST_COMMENTS = _entity(ResourceKind.POST, "post_comments", "posts")
RESULT_COMMENTS = _entity(ResourceKind.RESULT, "result_comments", "results")
PROJECT_COMMENTS = _entity(ResourceKind.PROJECT, "project_comments", "projects")
