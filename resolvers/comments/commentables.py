"""The commentables registry: what can be commented on, how to find it, and where its counter lives.

Each commentable resource kind registers a ``CommentableSpec``. Comments are commentable too (a reply
answers a comment); they are not in the registry because their visibility follows their resource's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select
from sqlalchemy.orm import aliased

import models
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind
from resolvers.errors import BadUserInput, NotFound
from resolvers.visibility import (
    debate_visible,
    meeting_visible,
    post_visible,
    project_visible,
    proposal_visible,
    result_visible,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

COMMENT_TYPE = DECIDIM_CLASS_NAMES[ResourceKind.COMMENT]


@dataclass(frozen=True, slots=True)
class CommentableSpec:
    """How comments hang on one kind of resource."""

    kind: str
    model: type[Any]
    decidim_type: str
    # Rows of ``model`` the viewer may see (and so comment on); a clause over the model's columns.
    visible: Callable[[Scope], ColumnElement[bool]]
    # The component whose settings (comments enabled, blocked, maximum length) apply.
    component_id: Callable[[Any], int]
    # Who wrote the resource: participants may not report their own.
    author_ids: Callable[[AsyncSession, Any], Awaitable[set[int]]]
    # Counter column on ``model`` kept exact inside the writing transaction (live comments of the thread).
    counter: str = "comments_count"
    # Why a visible resource takes no new comments whatever its settings (e.g. "WITHDRAWN"), or None.
    closed: Callable[[Any], str | None] = lambda _row: None
    have_alignment: bool = True
    have_votes: bool = True


async def _proposal_authors(session: AsyncSession, row: Any) -> set[int]:
    a = models.ProposalCoauthorship
    ids = await session.scalars(select(a.author_id).where(a.proposal_id == row.id))  # type: ignore[call-overload]
    return set(ids.all())


async def _meeting_authors(_session: AsyncSession, row: Any) -> set[int]:
    return {int(row.author_id)} if row.author_id is not None else set()


async def _no_authors(_session: AsyncSession, _row: Any) -> set[int]:
    # Results are the organization's own: no participant wrote them.
    return set()


async def _post_authors(_session: AsyncSession, row: Any) -> set[int]:
    return {int(row.author_id)} if row.author_id is not None else set()


COMMENTABLES: dict[str, CommentableSpec] = {
    ResourceKind.PROPOSAL: CommentableSpec(
        kind=ResourceKind.PROPOSAL,
        model=models.Proposal,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.PROPOSAL],
        visible=proposal_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_proposal_authors,
        closed=lambda row: "WITHDRAWN" if row.withdrawn_at is not None else None,
    ),
    ResourceKind.MEETING: CommentableSpec(
        kind=ResourceKind.MEETING,
        model=models.Meeting,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.MEETING],
        visible=meeting_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_meeting_authors,
        closed=lambda row: "WITHDRAWN" if row.withdrawn_at is not None else None,
    ),
    ResourceKind.RESULT: CommentableSpec(
        kind=ResourceKind.RESULT,
        model=models.Result,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.RESULT],
        visible=result_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_no_authors,
    ),
    ResourceKind.POST: CommentableSpec(
        kind=ResourceKind.POST,
        model=models.Post,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.POST],
        visible=post_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_post_authors,
    ),
    ResourceKind.DEBATE: CommentableSpec(
        kind=ResourceKind.DEBATE,
        model=models.Debate,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.DEBATE],
        visible=debate_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_meeting_authors,  # the one author_id column (null for official debates)
        # As Decidim: a closed debate takes no new comments.
        closed=lambda row: "CLOSED" if row.closed_at is not None else None,
    ),
    ResourceKind.PROJECT: CommentableSpec(
        kind=ResourceKind.PROJECT,
        model=models.Project,
        decidim_type=DECIDIM_CLASS_NAMES[ResourceKind.PROJECT],
        visible=project_visible,
        component_id=lambda row: int(row.component_id),
        author_ids=_no_authors,
    ),
}


def kind_for_type(type_name: str, *, field: str = "type") -> str:
    """A Decidim class name to a commentable kind; anything else is the client's mistake (never a 500)."""
    name = type_name.strip()
    if name == COMMENT_TYPE:
        return ResourceKind.COMMENT
    for spec in COMMENTABLES.values():
        if spec.decidim_type == name:
            return spec.kind
    if name in DECIDIM_CLASS_NAMES.values():
        msg = f"{name} cannot be commented on."
        raise BadUserInput(msg, fields={field: "not commentable"})
    example = COMMENTABLES[ResourceKind.PROPOSAL].decidim_type
    msg = f'Unknown type {name!r}: use a Decidim class name such as "{example}".'
    raise BadUserInput(msg, fields={field: "unknown type"})


def kind_for_table(table: str) -> str | None:
    if table == models.Comment.__tablename__:
        return ResourceKind.COMMENT
    for spec in COMMENTABLES.values():
        if spec.model.__tablename__ == table:
            return spec.kind
    return None


async def kind_of(session: AsyncSession, scope: Scope, pk: int, *, field: str = "commentableId") -> str:
    """The commentable kind a global id names; BAD_USER_INPUT when it names something else, NOT_FOUND for nothing."""
    from resolvers.nodes.loaders import kind_of_id

    # Any other table with the id makes it "not commentable" rather than "not found".
    tables: list[tuple[Any, str]] = [(models.Comment, ResourceKind.COMMENT)]
    tables += [(spec.model, kind) for kind, spec in COMMENTABLES.items()]
    wanted = [(model, kind, model.organization_id == scope.organization_id) for model, kind in tables]
    found = await kind_of_id(session, pk, scope.organization_id, wanted)
    if found is None:
        msg = f"Nothing has id {pk}."
        raise NotFound(msg)
    if not found:
        msg = f"Object {pk} cannot be commented on."
        raise BadUserInput(msg, fields={field: "not commentable"})
    return found


def root_visible(kind_col: Any, id_col: Any, scope: Scope) -> ColumnElement[bool]:
    """True when the ``(kind, id)`` resource the columns name is a commentable the viewer may see."""
    clauses = [
        and_(kind_col == kind, id_col.in_(select(spec.model.id).where(spec.visible(scope))))
        for kind, spec in COMMENTABLES.items()
    ]
    return or_(*clauses) if clauses else false()


async def find_resource(session: AsyncSession, scope: Scope, kind: str, pk: int) -> Any:
    spec = COMMENTABLES[kind]
    row = (await session.scalars(select(spec.model).where(spec.model.id == pk, spec.visible(scope)))).first()
    if row is None:
        msg = f"No {spec.decidim_type} with id {pk}."
        raise NotFound(msg)
    return row


async def _hidden_ancestor(session: AsyncSession, comment: models.Comment) -> bool:
    # A hidden comment takes its replies with it, at any depth.
    if comment.parent_id is None:
        return False
    c = models.Comment
    chain = select(c.id, c.parent_id, c.hidden_at).where(c.id == comment.parent_id).cte("chain", recursive=True)  # type: ignore[call-overload]
    up = aliased(c)
    chain = chain.union_all(select(up.id, up.parent_id, up.hidden_at).where(up.id == chain.c.parent_id))  # type: ignore[call-overload]
    return bool(await session.scalar(select(exists().where(chain.c.hidden_at.is_not(None)))))


async def find_comment(
    session: AsyncSession, scope: Scope, pk: int, *, lock: bool = False
) -> tuple[models.Comment, CommentableSpec, Any]:
    """A visible comment with its resource's spec and row. ``lock`` serialises writes on the comment's counters."""
    c = models.Comment
    stmt = select(c).where(c.id == pk, c.organization_id == scope.organization_id, c.hidden_at.is_(None))  # type: ignore[arg-type, union-attr]
    if lock:
        stmt = stmt.with_for_update(key_share=True)  # FOR NO KEY UPDATE: replies' foreign keys still go through
    comment = (await session.scalars(stmt)).first()
    msg = f"No comment with id {pk}."
    if comment is None or comment.root_kind not in COMMENTABLES or await _hidden_ancestor(session, comment):
        raise NotFound(msg)
    try:
        root = await find_resource(session, scope, comment.root_kind, comment.root_id)
    except NotFound:
        raise NotFound(msg) from None
    return comment, COMMENTABLES[comment.root_kind], root
