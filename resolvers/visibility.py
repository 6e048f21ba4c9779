"""Which rows a viewer may see. Root finders, lists and loaders all filter through here.

Rules (Decidim's, tightened):
- everything is scoped to the request's organization;
- spaces: published and either public or the viewer is a member; admins see everything;
- components: published, inside a visible space; admins see unpublished ones too;
- participants: confirmed, not blocked, not deleted; groups: not blocked, not deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true

import models
from models.kinds import ResourceKind, SpaceKind
from models.users import UserKind

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.viewer import Viewer


@dataclass(frozen=True, slots=True)
class Scope:
    """The two facts every visibility rule depends on."""

    organization_id: int
    viewer: Viewer


def _member_of(space_kind: str, space_id: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    if scope.viewer.user_id is None:
        return false()
    m = models.SpacePrivateUser
    return exists().where(
        m.space_kind == space_kind,  # type: ignore[arg-type]
        m.space_id == space_id,  # type: ignore[arg-type]
        m.user_id == scope.viewer.user_id,  # type: ignore[arg-type]
    )


def process_visible(scope: Scope) -> ColumnElement[bool]:
    p = models.ParticipatoryProcess
    same_org = p.organization_id == scope.organization_id
    if scope.viewer.organization_admin:
        return same_org  # type: ignore[return-value]
    return and_(
        same_org,
        p.published_at.is_not(None),  # type: ignore[union-attr]
        or_(p.private_space.is_(False), _member_of(SpaceKind.PARTICIPATORY_PROCESS, p.id, scope)),  # type: ignore[attr-defined,arg-type]
    )


def visible_process_ids(scope: Scope) -> Select[tuple[int]]:
    p = models.ParticipatoryProcess
    return select(p.id).where(process_visible(scope))  # type: ignore[arg-type]


# Each space kind registers how to list the ids a viewer may see; later kinds (assemblies) add theirs.
SPACE_VISIBLE_IDS: dict[str, Callable[[Scope], Select[tuple[int]]]] = {
    SpaceKind.PARTICIPATORY_PROCESS: visible_process_ids,
}


def space_visible(kind_col: ColumnElement[str], id_col: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    """True when the ``(kind, id)`` space the columns name is visible to the viewer."""
    clauses = [and_(kind_col == kind, id_col.in_(ids(scope))) for kind, ids in SPACE_VISIBLE_IDS.items()]
    return or_(*clauses) if clauses else false()


def component_visible(scope: Scope) -> ColumnElement[bool]:
    c = models.Component
    published = true() if scope.viewer.organization_admin else c.published_at.is_not(None)  # type: ignore[union-attr]
    return and_(
        c.organization_id == scope.organization_id,  # type: ignore[arg-type]
        published,
        space_visible(c.space_kind, c.space_id, scope),  # type: ignore[arg-type]
    )


def visible_component_ids(scope: Scope) -> Select[tuple[int]]:
    c = models.Component
    return select(c.id).where(component_visible(scope))  # type: ignore[arg-type]


def proposal_visible(scope: Scope) -> ColumnElement[bool]:
    """Published, not hidden by moderation, in a visible component. Withdrawn ones stay visible, as in
    Decidim; drafts are reachable only through their authors' own draft queries, never through here."""
    p = models.Proposal
    return and_(
        p.organization_id == scope.organization_id,  # type: ignore[arg-type]
        p.published_at.is_not(None),  # type: ignore[union-attr]
        p.hidden_at.is_(None),  # type: ignore[union-attr]
        p.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_proposal_ids(scope: Scope) -> Select[tuple[int]]:
    p = models.Proposal
    return select(p.id).where(proposal_visible(scope))  # type: ignore[arg-type]


# Owners that attachments, links and other polymorphic rows may hang on.
RESOURCE_VISIBLE_IDS: dict[str, Callable[[Scope], Select[tuple[int]]]] = {
    ResourceKind.PARTICIPATORY_PROCESS: visible_process_ids,
    ResourceKind.COMPONENT: visible_component_ids,
    ResourceKind.PROPOSAL: visible_proposal_ids,
}


def resource_visible(kind_col: ColumnElement[str], id_col: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    clauses = [and_(kind_col == kind, id_col.in_(ids(scope))) for kind, ids in RESOURCE_VISIBLE_IDS.items()]
    return or_(*clauses) if clauses else false()


def user_visible(scope: Scope) -> ColumnElement[bool]:
    u = models.User
    return and_(
        u.organization_id == scope.organization_id,  # type: ignore[arg-type]
        u.blocked.is_(False),  # type: ignore[attr-defined]
        u.deleted_at.is_(None),  # type: ignore[union-attr]
        or_(u.kind == UserKind.GROUP, u.confirmed_at.is_not(None)),  # type: ignore[union-attr,arg-type]
    )


def same_organization(model: type[models.Tenanted], scope: Scope) -> ColumnElement[bool]:  # type: ignore[name-defined]
    return model.organization_id == scope.organization_id  # type: ignore[return-value]
