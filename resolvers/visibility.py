"""Which rows a viewer may see. Root finders, lists and loaders all filter through here.

Rules (Decidim's, tightened):
- everything is scoped to the request's organization;
- spaces: published and either public or the viewer is a member; admins see everything; a space
  role (collaborator, moderator...) lets its holder preview the space, unpublished or private;
- assemblies: also visible when private but transparent, and only when their parent is visible;
- components: published, inside a visible space; admins see unpublished ones too;
- participants: confirmed, not blocked, not deleted; groups: not blocked, not deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import aliased

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


def _has_role_in(space_kind: str, space_id: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    # Any space role grants Action.PREVIEW_SPACE (resolvers.permissions), so a row suffices.
    if scope.viewer.user_id is None:
        return false()
    r = models.SpaceRole
    return exists().where(
        r.space_kind == space_kind,  # type: ignore[arg-type]
        r.space_id == space_id,  # type: ignore[arg-type]
        r.user_id == scope.viewer.user_id,  # type: ignore[arg-type]
    )


def process_visible(scope: Scope) -> ColumnElement[bool]:
    p = models.ParticipatoryProcess
    same_org = p.organization_id == scope.organization_id
    if scope.viewer.organization_admin:
        return same_org  # type: ignore[return-value]
    return and_(
        same_org,  # type: ignore[arg-type]
        or_(
            and_(
                p.published_at.is_not(None),  # type: ignore[union-attr]
                or_(p.private_space.is_(False), _member_of(SpaceKind.PARTICIPATORY_PROCESS, p.id, scope)),  # type: ignore[attr-defined,arg-type]
            ),
            _has_role_in(SpaceKind.PARTICIPATORY_PROCESS, p.id, scope),  # type: ignore[arg-type]
        ),
    )


def visible_process_ids(scope: Scope) -> Select[tuple[int]]:
    p = models.ParticipatoryProcess
    return select(p.id).where(process_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def _assembly_own_rule(a: type[models.Assembly], scope: Scope) -> ColumnElement[bool]:
    # Transparent private assemblies are readable by everyone (Decidim's public_spaces). Decidim keeps
    # taking part there for members: that belongs to the write policies, not to reading.
    return and_(
        a.organization_id == scope.organization_id,  # type: ignore[arg-type]
        or_(
            and_(
                a.published_at.is_not(None),  # type: ignore[union-attr]
                or_(
                    a.private_space.is_(False),  # type: ignore[attr-defined]
                    a.is_transparent.is_(True),  # type: ignore[attr-defined]
                    _member_of(SpaceKind.ASSEMBLY, a.id, scope),  # type: ignore[arg-type]
                ),
            ),
            _has_role_in(SpaceKind.ASSEMBLY, a.id, scope),  # type: ignore[arg-type]
        ),
    )


def visible_assembly_ids(scope: Scope) -> Select[tuple[int]]:
    """Assemblies that pass the rule along with every ancestor: a hidden parent hides its children.

    Walked from the roots down in a recursive CTE nested inside the caller's subquery, so several of
    these (components, attachments, links...) can sit in one statement without name clashes.
    """
    a = models.Assembly
    if scope.viewer.organization_admin:
        return select(a.id).where(a.organization_id == scope.organization_id)  # type: ignore[arg-type, call-overload, no-any-return]
    roots = select(a.id).where(a.parent_id.is_(None), _assembly_own_rule(a, scope))  # type: ignore[call-overload, union-attr]
    tree = roots.cte("visible_assemblies", recursive=True, nesting=True)
    child = aliased(a)
    tree = tree.union_all(
        select(child.id).where(child.parent_id == tree.c.id, _assembly_own_rule(child, scope))  # type: ignore[arg-type, call-overload]
    )
    return select(tree.c.id)


def assembly_visible(scope: Scope) -> ColumnElement[bool]:
    a = models.Assembly
    if scope.viewer.organization_admin:
        return a.organization_id == scope.organization_id  # type: ignore[return-value]
    return a.id.in_(visible_assembly_ids(scope))  # type: ignore[no-any-return, union-attr]


# Each space kind registers how to list the ids a viewer may see; later kinds (assemblies) add theirs.
SPACE_VISIBLE_IDS: dict[str, Callable[[Scope], Select[tuple[int]]]] = {
    SpaceKind.PARTICIPATORY_PROCESS: visible_process_ids,
    SpaceKind.ASSEMBLY: visible_assembly_ids,
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
    return select(c.id).where(component_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


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
    return select(p.id).where(proposal_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def survey_visible(scope: Scope) -> ColumnElement[bool]:
    """A survey is exactly as visible as its component (Decidim has no publication of its own)."""
    s = models.Survey
    return and_(
        s.organization_id == scope.organization_id,  # type: ignore[arg-type]
        s.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_survey_ids(scope: Scope) -> Select[tuple[int]]:
    s = models.Survey
    return select(s.id).where(survey_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def meeting_visible(scope: Scope) -> ColumnElement[bool]:
    """Published, not hidden, in a visible component; withdrawn ones stay visible (marked withdrawn).

    A private meeting that is not transparent is for the people it concerns: organization admins, its
    author and the participants registered for it; nobody else (anonymous visitors least of all).
    """
    m = models.Meeting
    clauses = [
        m.organization_id == scope.organization_id,
        m.published_at.is_not(None),  # type: ignore[union-attr]
        m.hidden_at.is_(None),  # type: ignore[union-attr]
        m.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    ]
    if not scope.viewer.organization_admin:
        open_ = or_(m.private_meeting.is_(False), m.transparent.is_(True))  # type: ignore[attr-defined]
        if scope.viewer.user_id is not None:
            r = models.MeetingRegistration
            registered = exists().where(r.meeting_id == m.id, r.user_id == scope.viewer.user_id)  # type: ignore[arg-type]
            open_ = or_(open_, m.author_id == scope.viewer.user_id, registered)  # type: ignore[arg-type]
        clauses.append(open_)
    return and_(*clauses)  # type: ignore[arg-type]


def visible_meeting_ids(scope: Scope) -> Select[tuple[int]]:
    m = models.Meeting
    return select(m.id).where(meeting_visible(scope))  # type: ignore[arg-type,call-overload,no-any-return]


def result_visible(scope: Scope) -> ColumnElement[bool]:
    """Not deleted, in a visible component: results have no publication of their own (as in Decidim)."""
    r = models.Result
    return and_(
        r.organization_id == scope.organization_id,  # type: ignore[arg-type]
        r.deleted_at.is_(None),  # type: ignore[union-attr]
        r.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_result_ids(scope: Scope) -> Select[tuple[int]]:
    r = models.Result
    return select(r.id).where(result_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def post_visible(scope: Scope) -> ColumnElement[bool]:
    """Not hidden, in a visible component, and published: a post scheduled for later is for admins only
    until its ``published_at`` (the database's clock decides, so one statement agrees with itself)."""
    p = models.Post
    clauses = [
        p.organization_id == scope.organization_id,
        p.hidden_at.is_(None),  # type: ignore[union-attr]
        p.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    ]
    if not scope.viewer.organization_admin:
        clauses.append(p.published_at <= func.now())  # type: ignore[operator]
    return and_(*clauses)  # type: ignore[arg-type]


def visible_post_ids(scope: Scope) -> Select[tuple[int]]:
    p = models.Post
    return select(p.id).where(post_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def page_visible(scope: Scope) -> ColumnElement[bool]:
    """A page is exactly as visible as its component."""
    p = models.Page
    return and_(
        p.organization_id == scope.organization_id,  # type: ignore[arg-type]
        p.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def debate_visible(scope: Scope) -> ColumnElement[bool]:
    """Not hidden by moderation, in a visible component; closed debates stay visible (with conclusions)."""
    d = models.Debate
    return and_(
        d.organization_id == scope.organization_id,  # type: ignore[arg-type]
        d.hidden_at.is_(None),  # type: ignore[union-attr]
        d.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_debate_ids(scope: Scope) -> Select[tuple[int]]:
    d = models.Debate
    return select(d.id).where(debate_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def budget_visible(scope: Scope) -> ColumnElement[bool]:
    """A budget is exactly as visible as its component."""
    b = models.Budget
    return and_(
        b.organization_id == scope.organization_id,  # type: ignore[arg-type]
        b.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_budget_ids(scope: Scope) -> Select[tuple[int]]:
    b = models.Budget
    return select(b.id).where(budget_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


def project_visible(scope: Scope) -> ColumnElement[bool]:
    """A project is as visible as its budget's component (``component_id`` repeats the budget's)."""
    p = models.Project
    return and_(
        p.organization_id == scope.organization_id,  # type: ignore[arg-type]
        p.component_id.in_(visible_component_ids(scope)),  # type: ignore[attr-defined]
    )


def visible_project_ids(scope: Scope) -> Select[tuple[int]]:
    p = models.Project
    return select(p.id).where(project_visible(scope))  # type: ignore[arg-type, call-overload, no-any-return]


# Owners that attachments, links and other polymorphic rows may hang on.
RESOURCE_VISIBLE_IDS: dict[str, Callable[[Scope], Select[tuple[int]]]] = {
    ResourceKind.PARTICIPATORY_PROCESS: visible_process_ids,
    ResourceKind.ASSEMBLY: visible_assembly_ids,
    ResourceKind.COMPONENT: visible_component_ids,
    ResourceKind.PROPOSAL: visible_proposal_ids,
    ResourceKind.SURVEY: visible_survey_ids,
    ResourceKind.MEETING: visible_meeting_ids,
    ResourceKind.DEBATE: visible_debate_ids,
    ResourceKind.BUDGET: visible_budget_ids,
    ResourceKind.PROJECT: visible_project_ids,
    ResourceKind.RESULT: visible_result_ids,
    ResourceKind.POST: visible_post_ids,
}


def resource_visible(kind_col: ColumnElement[str], id_col: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    clauses = [and_(kind_col == kind, id_col.in_(ids(scope))) for kind, ids in RESOURCE_VISIBLE_IDS.items()]
    return or_(*clauses) if clauses else false()


def questionnaire_visible(scope: Scope) -> ColumnElement[bool]:
    """A questionnaire (and its questions) is as visible as its owner (a survey, a meeting...)."""
    q = models.Questionnaire
    return and_(
        q.organization_id == scope.organization_id,  # type: ignore[arg-type]
        resource_visible(q.questionnaire_for_kind, q.questionnaire_for_id, scope),  # type: ignore[arg-type]
    )


def visible_question_ids(scope: Scope) -> Select[tuple[int]]:
    q = models.Question
    owners = select(models.Questionnaire.id).where(questionnaire_visible(scope))  # type: ignore[arg-type, call-overload]
    return select(q.id).where(q.questionnaire_id.in_(owners))  # type: ignore[arg-type, attr-defined, call-overload, no-any-return]


def user_visible(scope: Scope) -> ColumnElement[bool]:
    u = models.User
    return and_(
        u.organization_id == scope.organization_id,  # type: ignore[arg-type]
        u.blocked.is_(False),  # type: ignore[attr-defined]
        u.deleted_at.is_(None),  # type: ignore[union-attr]
        or_(u.kind == UserKind.GROUP, u.confirmed_at.is_not(None)),  # type: ignore[union-attr,arg-type]
    )


def user_attributable(scope: Scope) -> ColumnElement[bool]:
    """Accounts a contribution may be attributed to: visible ones, and deleted ones shown as deleted.

    Decidim keeps what a deleted participant wrote, signed by a deleted author; lists of participants
    and lookups by id or nickname keep using ``user_visible``.
    """
    u = models.User
    return and_(
        u.organization_id == scope.organization_id,  # type: ignore[arg-type]
        or_(
            u.deleted_at.is_not(None),  # type: ignore[union-attr]
            and_(
                u.blocked.is_(False),  # type: ignore[attr-defined]
                u.deleted_at.is_(None),  # type: ignore[union-attr]
                or_(u.kind == UserKind.GROUP, u.confirmed_at.is_not(None)),  # type: ignore[union-attr,arg-type]
            ),
        ),
    )


def same_organization(model: type[models.Tenanted], scope: Scope) -> ColumnElement[bool]:  # type: ignore[name-defined]
    return model.organization_id == scope.organization_id  # type: ignore[return-value]
