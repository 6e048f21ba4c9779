"""Every public metric, defined once as a selectable of events.

A metric is the set of rows one SQL ``SELECT`` returns, with the same columns for all of them:

``subject_id``   what is counted: the row's own id for things (ids come from one global sequence, so
                 they never collide between tables), a user's id for people (participants, followers);
``occurred_at``  when it happened (publication, creation, check-out...);
``space_kind``, ``space_id``  the participatory space it belongs to (null for organization-wide rows);
``scope_id``, ``category_id``  the territory and the category it is filed under; comments, supports and
                 endorsements inherit those of the resource they belong to, and a resource without a
                 scope takes its space's.

A figure is always ``count(DISTINCT subject_id)`` over the events of a group: for things each event is
its own subject; for people, taking part twice in a group counts once, dated by the first time.

Metrics are public figures: the events are built with the anonymous viewer of the organization, so
they never include hidden, unpublished or private content, whoever asks. The visibility clauses are
``resolvers.visibility``'s (and the comments' own rules), the ones the GraphQL lists use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    and_,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.sql import CompoundSelect, FromClause, Select, Subquery, TableClause

import models
from models.kinds import ResourceKind, SpaceKind
from models.users import UserKind
from resolvers.errors import BadUserInput
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import (
    Scope,
    budget_visible,
    debate_visible,
    meeting_visible,
    post_visible,
    project_visible,
    proposal_visible,
    result_visible,
    survey_visible,
    user_visible,
    visible_assembly_ids,
    visible_process_ids,
)

Events = Select[Any] | CompoundSelect[Any]
EventsFn = Callable[[Scope], Events]


def public_scope(organization_id: int | None) -> Scope:
    """The only scope metrics are computed with: an anonymous visitor of the organization (a saved one)."""
    if organization_id is None:
        msg = "metrics need a saved organization"
        raise ValueError(msg)
    return Scope(organization_id=organization_id, viewer=ANONYMOUS)


def table(model: type[Any]) -> TableClause:
    """A model's table, for plain Core expressions (``table(models.Proposal).c.published_at``)."""
    return cast("TableClause", model.__table__)


def _bigint_null() -> ColumnElement[Any]:
    return sql_cast(null(), BigInteger)


def _event(
    subject: ColumnElement[Any],
    occurred_at: ColumnElement[Any],
    *,
    component_id: ColumnElement[Any] | None = None,
    space_kind: ColumnElement[Any] | None = None,
    space_id: ColumnElement[Any] | None = None,
    scope_id: ColumnElement[Any] | None = None,
    category_id: ColumnElement[Any] | None = None,
) -> list[ColumnElement[Any]]:
    """The raw event columns, in the order every branch of a union must share."""
    return [
        subject.label("subject_id"),
        occurred_at.label("occurred_at"),
        (component_id if component_id is not None else _bigint_null()).label("component_id"),
        (space_kind if space_kind is not None else sql_cast(null(), String)).label("space_kind"),
        (space_id if space_id is not None else _bigint_null()).label("space_id"),
        (scope_id if scope_id is not None else _bigint_null()).label("scope_id"),
        (category_id if category_id is not None else _bigint_null()).label("category_id"),
    ]


# --- where resources sit: the target of comments, endorsements and follows ---------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    kind: str
    model: type[Any]
    visible: Callable[[Scope], ColumnElement[bool]]
    filed: bool  # has scope_id and category_id columns


_RESOURCES: tuple[_Placed, ...] = (
    _Placed(ResourceKind.PROPOSAL, models.Proposal, proposal_visible, filed=True),
    _Placed(ResourceKind.MEETING, models.Meeting, meeting_visible, filed=True),
    _Placed(ResourceKind.DEBATE, models.Debate, debate_visible, filed=True),
    _Placed(ResourceKind.RESULT, models.Result, result_visible, filed=True),
    _Placed(ResourceKind.PROJECT, models.Project, project_visible, filed=True),
    _Placed(ResourceKind.POST, models.Post, post_visible, filed=False),
    _Placed(ResourceKind.BUDGET, models.Budget, budget_visible, filed=False),
    _Placed(ResourceKind.SURVEY, models.Survey, survey_visible, filed=False),
)


Place = dict[str, ColumnElement[Any] | None]
Columns = Callable[[Place], list[ColumnElement[Any]]]


def on_resources(
    scope: Scope,
    target: FromClause,
    kind_col: ColumnElement[Any],
    id_col: ColumnElement[Any],
    columns: Columns,
    *,
    where: Sequence[ColumnElement[bool]] = (),
    with_spaces: bool = False,
) -> list[Select[Any]]:
    """One ``SELECT`` per kind of resource ``target`` rows may point at (``kind_col``, ``id_col``), joined
    to the visible resources of that kind; with ``with_spaces``, spaces too (a space sits in itself).

    One branch per kind rather than one join to a union of every resource: each branch is a plain join
    on a primary key, which the planner gets right even before the tables have statistics.
    """
    parts: list[Select[Any]] = []
    for spec in _RESOURCES:
        t = table(spec.model)
        place: Place = {
            "component_id": t.c.component_id,
            "scope_id": t.c.scope_id if spec.filed else None,
            "category_id": t.c.category_id if spec.filed else None,
        }
        parts.append(
            select(*columns(place))
            .select_from(target.join(t, and_(kind_col == str(spec.kind), id_col == t.c.id)))
            .where(spec.visible(scope), *where)
        )
    if with_spaces:
        spaces = (
            (SpaceKind.PARTICIPATORY_PROCESS, models.ParticipatoryProcess, visible_process_ids),
            (SpaceKind.ASSEMBLY, models.Assembly, visible_assembly_ids),
        )
        for kind, model, visible_ids in spaces:
            # An alias, so the visibility subquery (over the table itself) does not correlate with it.
            space = table(model).alias(f"followed_{kind}")
            place = {"space_kind": literal(str(kind)), "space_id": space.c.id, "scope_id": space.c.scope_id}
            parts.append(
                select(*columns(place))
                .select_from(target.join(space, and_(kind_col == str(kind), id_col == space.c.id)))
                .where(space.c.id.in_(visible_ids(scope)), *where)
            )
    return parts


# --- the events of each metric -------------------------------------------------------------------------


def _visible_participant_ids(scope: Scope) -> Select[Any]:
    u = table(models.User)
    return select(u.c.id).where(user_visible(scope), u.c.kind == UserKind.USER.value)


def users_events(scope: Scope) -> Select[Any]:
    """Confirmed participants who are neither blocked nor deleted (groups are not users); organization-wide."""
    u = table(models.User)
    return select(*_event(u.c.id, u.c.created_at)).where(user_visible(scope), u.c.kind == UserKind.USER.value)


def proposals_events(scope: Scope) -> Select[Any]:
    p = table(models.Proposal)
    return select(
        *_event(
            p.c.id, p.c.published_at, component_id=p.c.component_id, scope_id=p.c.scope_id, category_id=p.c.category_id
        )
    ).where(proposal_visible(scope))


def accepted_proposals_events(scope: Scope) -> Select[Any]:
    """Accepted proposals whose answer is published, dated by that publication."""
    p = table(models.Proposal)
    when = func.coalesce(p.c.state_published_at, p.c.answered_at, p.c.published_at)
    return select(
        *_event(p.c.id, when, component_id=p.c.component_id, scope_id=p.c.scope_id, category_id=p.c.category_id)
    ).where(proposal_visible(scope), p.c.state == "accepted", p.c.state_published_at.is_not(None))


def votes_events(scope: Scope) -> Select[Any]:
    """Supports on visible proposals (what the proposals' ``voteCount`` add up to)."""
    v = table(models.ProposalVote)
    p = table(models.Proposal)
    return (
        select(
            *_event(
                v.c.id,
                v.c.created_at,
                component_id=p.c.component_id,
                scope_id=p.c.scope_id,
                category_id=p.c.category_id,
            )
        )
        .select_from(v.join(p, p.c.id == v.c.proposal_id))
        .where(proposal_visible(scope))
    )


def _endorsements(scope: Scope, subject: Callable[[TableClause], ColumnElement[Any]]) -> list[Select[Any]]:
    e = table(models.Endorsement)
    return on_resources(
        scope, e, e.c.resource_kind, e.c.resource_id, lambda place: _event(subject(e), e.c.created_at, **place)
    )


def endorsements_events(scope: Scope) -> Events:
    return union_all(*_endorsements(scope, lambda e: e.c.id))


def _comments(scope: Scope, subject: Callable[[TableClause], ColumnElement[Any]]) -> list[Select[Any]]:
    """Comments a thread shows and counts: not deleted, not hidden, under no hidden comment, on a visible
    resource."""
    c = table(models.Comment)
    hidden = (
        select(c.c.id)
        .where(c.c.organization_id == scope.organization_id, c.c.hidden_at.is_not(None))
        .cte("hidden_comments", recursive=True, nesting=True)
    )
    below = c.alias("below")
    hidden = hidden.union_all(select(below.c.id).where(below.c.parent_id == hidden.c.id))
    where = [
        c.c.organization_id == scope.organization_id,
        c.c.deleted_at.is_(None),
        c.c.hidden_at.is_(None),
        c.c.id.not_in(select(hidden.c.id)),
    ]
    return on_resources(
        scope, c, c.c.root_kind, c.c.root_id, lambda place: _event(subject(c), c.c.created_at, **place), where=where
    )


def comments_events(scope: Scope) -> Events:
    return union_all(*_comments(scope, lambda c: c.c.id))


def meetings_events(scope: Scope) -> Select[Any]:
    m = table(models.Meeting)
    return select(
        *_event(
            m.c.id,
            func.coalesce(m.c.published_at, m.c.created_at),
            component_id=m.c.component_id,
            scope_id=m.c.scope_id,
            category_id=m.c.category_id,
        )
    ).where(meeting_visible(scope))


def debates_events(scope: Scope) -> Select[Any]:
    d = table(models.Debate)
    return select(
        *_event(
            d.c.id, d.c.created_at, component_id=d.c.component_id, scope_id=d.c.scope_id, category_id=d.c.category_id
        )
    ).where(debate_visible(scope))


def _survey_submissions(scope: Scope) -> tuple[TableClause, TableClause, Select[Any]]:
    sub = table(models.QuestionnaireSubmission)
    q = table(models.Questionnaire)
    s = table(models.Survey)
    joined = (
        select()
        .select_from(
            sub.join(q, q.c.id == sub.c.questionnaire_id).join(
                s, and_(q.c.questionnaire_for_kind == ResourceKind.SURVEY.value, s.c.id == q.c.questionnaire_for_id)
            )
        )
        .where(survey_visible(scope))
    )
    return sub, s, joined


def survey_answers_events(scope: Scope) -> Select[Any]:
    """Submitted questionnaires of visible surveys (one per participant or anonymous session)."""
    sub, s, joined = _survey_submissions(scope)
    return joined.add_columns(*_event(sub.c.id, sub.c.created_at, component_id=s.c.component_id))


def results_events(scope: Scope) -> Select[Any]:
    r = table(models.Result)
    return select(
        *_event(
            r.c.id, r.c.created_at, component_id=r.c.component_id, scope_id=r.c.scope_id, category_id=r.c.category_id
        )
    ).where(result_visible(scope))


def followers_events(scope: Scope) -> Events:
    """Participants following a visible space or resource; a person following many things counts once."""
    f = table(models.Follow)
    where = [f.c.organization_id == scope.organization_id, f.c.user_id.in_(_visible_participant_ids(scope))]
    return union_all(
        *on_resources(
            scope,
            f,
            f.c.followable_kind,
            f.c.followable_id,
            lambda place: _event(f.c.user_id, f.c.created_at, **place),
            where=where,
            with_spaces=True,
        )
    )


def participants_events(scope: Scope) -> Select[Any]:
    """Visible participants who took part: wrote a visible proposal (as a coauthor), debate or comment,
    supported, endorsed, answered a survey, checked out a budget vote or registered to a meeting."""
    people = _visible_participant_ids(scope)
    p = table(models.Proposal)
    a = table(models.ProposalCoauthorship)
    filed = {"component_id": p.c.component_id, "scope_id": p.c.scope_id, "category_id": p.c.category_id}
    authored = (
        select(*_event(a.c.author_id, p.c.published_at, **filed))
        .select_from(a.join(p, p.c.id == a.c.proposal_id))
        .where(proposal_visible(scope))
    )
    v = table(models.ProposalVote)
    supported = (
        select(*_event(v.c.author_id, v.c.created_at, **filed))
        .select_from(v.join(p, p.c.id == v.c.proposal_id))
        .where(proposal_visible(scope))
    )
    d = table(models.Debate)
    debated = select(
        *_event(
            d.c.author_id,
            d.c.created_at,
            component_id=d.c.component_id,
            scope_id=d.c.scope_id,
            category_id=d.c.category_id,
        )
    ).where(debate_visible(scope), d.c.author_id.is_not(None))
    commented = _comments(scope, lambda c: c.c.author_id)
    endorsed = _endorsements(scope, lambda e: e.c.author_id)
    sub, s, survey_join = _survey_submissions(scope)
    answered = survey_join.add_columns(*_event(sub.c.user_id, sub.c.created_at, component_id=s.c.component_id)).where(
        sub.c.user_id.is_not(None)
    )
    o = table(models.Order)
    b = table(models.Budget)
    voted = (
        select(*_event(o.c.user_id, o.c.checked_out_at, component_id=b.c.component_id))
        .select_from(o.join(b, b.c.id == o.c.budget_id))
        .where(budget_visible(scope), o.c.checked_out_at.is_not(None))
    )
    r = table(models.MeetingRegistration).alias("seats")  # meeting_visible has its own registrations subquery
    m = table(models.Meeting)
    registered = (
        select(
            *_event(
                r.c.user_id,
                r.c.created_at,
                component_id=m.c.component_id,
                scope_id=m.c.scope_id,
                category_id=m.c.category_id,
            )
        )
        .select_from(r.join(m, m.c.id == r.c.meeting_id))
        .where(meeting_visible(scope))
    )
    taking_part = union_all(authored, supported, debated, *commented, *endorsed, answered, voted, registered).subquery(
        "taking_part"
    )
    return select(*list(taking_part.c)).where(taking_part.c.subject_id.in_(people))


# --- the registry ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    events: EventsFn
    stat: str | None  # the name of the matching figure in ``stats``
    organization_wide_only: bool = False
    people: bool = False  # counts distinct participants (not additive across groups)


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("users", users_events, "users_count", organization_wide_only=True, people=True),
        Metric("participants", participants_events, "participants_count", people=True),
        Metric("followers", followers_events, "followers_count", people=True),
        Metric("proposals", proposals_events, "proposals_count"),
        Metric("accepted_proposals", accepted_proposals_events, "accepted_proposals_count"),
        Metric("votes", votes_events, "supports_count"),
        Metric("endorsements", endorsements_events, "endorsements_count"),
        Metric("comments", comments_events, "comments_count"),
        Metric("meetings", meetings_events, "meetings_count"),
        Metric("debates", debates_events, "debates_count"),
        Metric("survey_answers", survey_answers_events, "answers_count"),
        Metric("results", results_events, "results_count"),
    )
}
ALIASES: dict[str, str] = {"supports": "votes"}


def resolve_names(
    names: list[str] | None, *, per_space: bool = False, field: str = "names"
) -> list[tuple[str, Metric]]:
    """``(asked name, metric)`` pairs, in the order asked (all metrics when ``names`` is empty or null).

    Unknown names are the client's mistake (BAD_USER_INPUT listing the valid ones); ``users`` has no
    per-space figure, so it is left out of a space's default list and refused when asked for one.
    """
    if not names:
        return [(n, m) for n, m in METRICS.items() if not (per_space and m.organization_wide_only)]
    out: list[tuple[str, Metric]] = []
    for asked in dict.fromkeys(n.strip() for n in names):
        metric = METRICS.get(ALIASES.get(asked, asked))
        if metric is None:
            valid = ", ".join([*METRICS, *ALIASES])
            msg = f"Unknown metric {asked!r}; valid names: {valid}."
            raise BadUserInput(msg, fields={field: "unknown metric"})
        if per_space and metric.organization_wide_only:
            msg = f"The {asked!r} metric counts the whole organization; ask for it without a space."
            raise BadUserInput(msg, fields={field: "organization-wide metric"})
        out.append((asked, metric))
    return out


def placed_events(scope: Scope, metrics: Sequence[Metric]) -> Subquery:
    """The events of ``metrics`` with their metric ``name`` and resolved space and scope.

    Columns: ``name, subject_id, occurred_at, space_kind, space_id, scope_id, category_id``.
    Building the statement costs tens of milliseconds of Python for the larger metrics, so it is
    built once per scope and set of metrics (statements are immutable, safe to share).
    """
    return _placed_events(scope, tuple(metrics))


@functools.lru_cache(maxsize=128)
def _placed_events(scope: Scope, metrics: tuple[Metric, ...]) -> Subquery:
    comp = table(models.Component)
    spaces = union_all(
        *[
            select(literal(str(kind)).label("kind"), t.c.id.label("id"), t.c.scope_id.label("scope_id")).where(
                t.c.organization_id == scope.organization_id
            )
            for kind, t in (
                (SpaceKind.PARTICIPATORY_PROCESS, table(models.ParticipatoryProcess)),
                (SpaceKind.ASSEMBLY, table(models.Assembly)),
            )
        ]
    ).subquery("spaces")
    parts: list[Select[Any]] = []
    for metric in metrics:
        raw = metric.events(scope).subquery(f"raw_{metric.name}")
        space_kind = func.coalesce(raw.c.space_kind, comp.c.space_kind)
        space_id = func.coalesce(raw.c.space_id, comp.c.space_id)
        parts.append(
            select(
                literal(metric.name).label("name"),
                raw.c.subject_id,
                raw.c.occurred_at,
                space_kind.label("space_kind"),
                space_id.label("space_id"),
                func.coalesce(raw.c.scope_id, spaces.c.scope_id).label("scope_id"),
                raw.c.category_id,
            )
            .select_from(
                raw.outerjoin(comp, comp.c.id == raw.c.component_id).outerjoin(
                    spaces, and_(spaces.c.kind == space_kind, spaces.c.id == space_id)
                )
            )
            .where(raw.c.occurred_at.is_not(None))
        )
    return union_all(*parts).subquery("events")


def hides_metrics(kind: ColumnElement[Any], pk: ColumnElement[Any]) -> ColumnElement[bool]:
    """True for a space whose figures are not shown: processes with ``show_metrics`` off; assemblies have
    no such switch, so their ``show_statistics`` decides."""
    p = table(models.ParticipatoryProcess)
    a = table(models.Assembly)
    return or_(
        and_(kind == SpaceKind.PARTICIPATORY_PROCESS.value, exists().where(p.c.id == pk, p.c.show_metrics.is_(False))),
        and_(kind == SpaceKind.ASSEMBLY.value, exists().where(a.c.id == pk, a.c.show_statistics.is_(False))),
    )
