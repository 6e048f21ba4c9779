"""What search can find: each kind's Decidim class name and the ids of its rows a viewer may see."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

import models
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.comments.commentables import root_visible
from resolvers.errors import BadUserInput
from resolvers.visibility import (
    user_visible,
    visible_assembly_ids,
    visible_debate_ids,
    visible_meeting_ids,
    visible_post_ids,
    visible_process_ids,
    visible_proposal_ids,
    visible_result_ids,
)

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope

USER = "user"
USER_GROUP = "user_group"


def visible_comment_ids(scope: Scope) -> Select[tuple[int]]:
    """Comments shown in a visible thread: not deleted, not hidden, no hidden ancestor."""
    c = models.Comment
    # A hidden comment takes its replies with it: walk down from the (few) hidden ones.
    hidden = (
        select(c.id)  # type: ignore[call-overload]
        .where(c.organization_id == scope.organization_id, c.hidden_at.is_not(None))  # type: ignore[union-attr]
        .cte("hidden_comments", recursive=True, nesting=True)
    )
    reply = aliased(c)
    hidden = hidden.union_all(select(reply.id).where(reply.parent_id == hidden.c.id))  # type: ignore[call-overload]
    return select(c.id).where(  # type: ignore[call-overload, no-any-return]
        c.organization_id == scope.organization_id,
        c.deleted_at.is_(None),  # type: ignore[union-attr]
        c.hidden_at.is_(None),  # type: ignore[union-attr]
        root_visible(c.root_kind, c.root_id, scope),
        c.id.not_in(select(hidden.c.id)),  # type: ignore[union-attr]
    )


def visible_user_ids(scope: Scope) -> Select[tuple[int]]:
    u = models.User
    return select(u.id).where(user_visible(scope))  # type: ignore[call-overload, no-any-return]


# kind stored in search_index.resource_kind -> (Decidim class name, ids the viewer may see)
SEARCHABLE: dict[str, tuple[str, Callable[[Scope], Select[tuple[int]]]]] = {
    ResourceKind.PARTICIPATORY_PROCESS: (DECIDIM_CLASS_NAMES[ResourceKind.PARTICIPATORY_PROCESS], visible_process_ids),
    ResourceKind.ASSEMBLY: (DECIDIM_CLASS_NAMES[ResourceKind.ASSEMBLY], visible_assembly_ids),
    ResourceKind.PROPOSAL: (DECIDIM_CLASS_NAMES[ResourceKind.PROPOSAL], visible_proposal_ids),
    ResourceKind.MEETING: (DECIDIM_CLASS_NAMES[ResourceKind.MEETING], visible_meeting_ids),
    ResourceKind.DEBATE: (DECIDIM_CLASS_NAMES[ResourceKind.DEBATE], visible_debate_ids),
    ResourceKind.POST: (DECIDIM_CLASS_NAMES[ResourceKind.POST], visible_post_ids),
    ResourceKind.RESULT: (DECIDIM_CLASS_NAMES[ResourceKind.RESULT], visible_result_ids),
    ResourceKind.COMMENT: (DECIDIM_CLASS_NAMES[ResourceKind.COMMENT], visible_comment_ids),
    USER: ("Decidim::User", visible_user_ids),
    USER_GROUP: ("Decidim::UserGroup", visible_user_ids),
}


def decidim_type(kind: str) -> str:
    return SEARCHABLE[kind][0]


def parse_resource_types(names: list[str] | None, *, field: str = "filter.resourceTypes") -> tuple[str, ...]:
    """Decidim class names (or our kinds) to kinds; an empty or missing list means everything."""
    if not names:
        return tuple(SEARCHABLE)
    by_name = {type_name: kind for kind, (type_name, _) in SEARCHABLE.items()}
    kinds: list[str] = []
    for raw in names:
        name = raw.strip()
        kind = by_name.get(name) or (name if name in SEARCHABLE else None)
        if kind is None:
            msg = f'Unknown resource type {name!r}: use a Decidim class name such as "{decidim_type("proposal")}".'
            raise BadUserInput(msg, fields={field: "unknown type"})
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)
