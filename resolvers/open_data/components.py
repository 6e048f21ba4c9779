"""Content of components in the open-data export: proposals, meetings, debates, posts, pages, budget projects.

Each statement is one SELECT: the row's component is joined for its space, public authors are LEFT
JOINed through ``visibility.user_visible``, and what the GraphQL types withhold (an unpublished answer,
hidden supports, a meeting's closing not made public, a debate's conclusions before it closes) is
withheld here by the same rule, in SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

import models
from models.meetings import MeetingType
from resolvers.open_data.base import Column, Entity
from resolvers.open_data.sql import EMPTY_TRANSLATION, public_author, space_type, step_flag
from resolvers.visibility import (
    debate_visible,
    meeting_visible,
    page_visible,
    post_visible,
    project_visible,
    proposal_visible,
)

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope

_C = models.Component

SPACE_COLUMNS = (
    Column("component_id", "Identifier of the component (the tab of the space) it belongs to."),
    Column("space_type", 'Kind of participatory space: "Decidim::ParticipatoryProcess" or "Decidim::Assembly".'),
    Column("space_id", "Identifier of that space (a row of participatory_processes or assemblies)."),
)


def space_of(component_id: Any) -> tuple[Any, ...]:
    return (component_id, space_type(_C.space_kind), _C.space_id)


def _author_columns(what: str) -> tuple[Column, Column]:
    return (
        Column(
            "author_id",
            f"Identifier of the participant or group (a row of users) that {what}; empty when it is the "
            "organization's own or its author's account is no longer public (deleted, blocked).",
        ),
        Column("author_nickname", "That author's nickname, under the same conditions."),
    )


TAXONOMY_COLUMNS = (
    Column("category_id", "Identifier of its category in the space, if any."),
    Column("scope_id", "Identifier of the scope (territory) it concerns, if any."),
)

TIMESTAMP_COLUMNS = (
    Column("created_at", "When it was created (ISO 8601, UTC)."),
    Column("updated_at", "When it was last changed (ISO 8601, UTC)."),
)

GEO_COLUMNS = (
    Column("address", "Street address, if given."),
    Column("latitude", "Latitude (WGS 84) of the address, if geocoded."),
    Column("longitude", "Longitude (WGS 84) of the address, if geocoded."),
)


# ---------------------------------------------------------------------------------------------- proposals


def _proposals(scope: Scope) -> Select[Any]:
    p = models.Proposal
    creator = models.ProposalCoauthorship
    first = (
        select(func.coalesce(creator.user_group_id, creator.author_id))
        .where(creator.proposal_id == p.id)  # type: ignore[arg-type]
        .order_by(creator.position)  # type: ignore[arg-type]
        .limit(1)
        .scalar_subquery()
    )
    author, joined = public_author(case((p.official.is_(True), None), else_=first), scope)  # type: ignore[attr-defined]
    # What the public may know of the answer (resolvers.proposals.policies.published_state).
    answered = and_(p.state.is_not(None), p.state_published_at.is_not(None))  # type: ignore[union-attr]
    votes_hidden = step_flag(p.component_id, "votes_hidden", default=False)
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            p.id,
            *space_of(p.component_id),
            p.reference,
            p.title,
            p.body,
            case((answered, p.state)),
            case((answered, p.answer), else_=EMPTY_TRANSLATION),
            case((answered, p.answered_at)),
            p.official,
            author.id,
            author.nickname,
            p.coauthorships_count,
            case((votes_hidden, None), else_=p.votes_count),
            p.endorsements_count,
            p.comments_count,
            p.address,
            p.latitude,
            p.longitude,
            p.category_id,
            p.scope_id,
            p.published_at,
            p.withdrawn_at,
            p.created_at,
            p.updated_at,
        )
        .join(_C, _C.id == p.component_id)  # type: ignore[arg-type]
        .outerjoin(author, joined)
        .where(proposal_visible(scope))
        .order_by(p.id)
    )


PROPOSALS = Entity(
    name="proposals",
    description="Published proposals that moderation has not hidden, in visible components; withdrawn ones "
    "included (see withdrawn_at). Drafts never appear.",
    columns=(
        Column("id", "Identifier of the proposal; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("reference", "Reference code of the proposal."),
        Column("title", "Title.", translated=True),
        Column("body", "Text of the proposal.", translated=True),
        Column(
            "state",
            "Answer given by the organization (accepted, rejected, evaluating or a custom state); empty until an "
            "answer is published.",
        ),
        Column("answer", "Text of the published answer; empty until one is published.", translated=True),
        Column("answered_at", "When the published answer was given (ISO 8601, UTC)."),
        Column("official", "true when the organization itself put the proposal forward (no participant author)."),
        *_author_columns("created the proposal (the group when it was created on behalf of one)"),
        Column("coauthors_count", "How many participants co-sign it."),
        Column("votes_count", "Supports received; empty while the current phase of the space keeps them hidden."),
        Column("endorsements_count", "Endorsements received."),
        Column("comments_count", "Comments in its thread."),
        *GEO_COLUMNS,
        *TAXONOMY_COLUMNS,
        Column("published_at", "When it was published (ISO 8601, UTC)."),
        Column("withdrawn_at", "When its authors withdrew it (ISO 8601, UTC); empty if it is not withdrawn."),
        *TIMESTAMP_COLUMNS,
    ),
    select=_proposals,
)


# ----------------------------------------------------------------------------------------------- meetings


def _meetings(scope: Scope) -> Select[Any]:
    m = models.Meeting
    author, joined = public_author(func.coalesce(m.user_group_id, m.author_id), scope)
    # resolvers.meetings.policies.closing_public: closed, and the closing made visible.
    closing = and_(m.closed_at.is_not(None), m.closing_visible.is_(True))  # type: ignore[union-attr, attr-defined]
    remaining = case(
        (m.available_slots == 0, None),  # type: ignore[arg-type]
        else_=func.greatest(0, m.available_slots - m.reserved_slots - m.registrations_count),
    )
    in_person = m.type_of_meeting == MeetingType.IN_PERSON.value
    online_url = case((in_person, ""), else_=func.coalesce(m.online_meeting_url, ""))  # type: ignore[arg-type]
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            m.id,
            *space_of(m.component_id),
            m.reference,
            m.title,
            m.description,
            m.type_of_meeting,
            m.start_time,
            m.end_time,
            m.location,
            m.location_hints,
            *(m.address, m.latitude, m.longitude),
            online_url,
            m.author_id.is_(None),  # type: ignore[union-attr]
            author.id,
            author.nickname,
            m.private_meeting,
            m.transparent,
            m.registrations_enabled,
            m.registrations_count,
            remaining,
            m.closed_at,
            case((closing, m.closing_report), else_=EMPTY_TRANSLATION),
            case((closing, m.attendees_count)),
            case((closing, m.contributions_count)),
            case((closing, m.attending_organizations)),
            case((closing, m.video_url)),
            case((closing, m.audio_url)),
            m.comments_count,
            m.category_id,
            m.scope_id,
            m.published_at,
            m.withdrawn_at,
            m.created_at,
            m.updated_at,
        )
        .join(_C, _C.id == m.component_id)  # type: ignore[arg-type]
        .outerjoin(author, joined)
        .where(meeting_visible(scope))
        .order_by(m.id)
    )


MEETINGS = Entity(
    name="meetings",
    description="Published meetings that moderation has not hidden, in visible components, except private "
    "meetings that are not transparent; withdrawn ones included. Registrations appear as counts only.",
    columns=(
        Column("id", "Identifier of the meeting; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("reference", "Reference code of the meeting."),
        Column("title", "Title.", translated=True),
        Column("description", "Description (HTML).", translated=True),
        Column("type_of_meeting", "in_person, online or hybrid."),
        Column("start_time", "When it starts (ISO 8601, UTC)."),
        Column("end_time", "When it ends (ISO 8601, UTC)."),
        Column("location", "Name of the place.", translated=True),
        Column("location_hints", "How to find the room once there.", translated=True),
        *GEO_COLUMNS,
        Column("online_meeting_url", "Link to join online; empty for meetings held in person only."),
        Column("official", "true when the organization itself holds the meeting (no participant author)."),
        *_author_columns("set up the meeting (the group when it was set up on behalf of one)"),
        Column("private_meeting", "true for a private meeting (listed here only because it is transparent)."),
        Column("transparent", "true when a private meeting may be seen by everyone."),
        Column("registrations_enabled", "true when participants register to attend."),
        Column("registrations_count", "How many participants registered (who they are is never published)."),
        Column("remaining_slots", "Seats still free; empty when the number of seats is not limited."),
        Column("closed_at", "When the meeting was closed (ISO 8601, UTC); empty while it is open."),
        Column(
            "closing_report",
            "What happened at the meeting; empty until it is closed with a public closing.",
            translated=True,
        ),
        Column("attendees_count", "How many people attended; empty until the closing is public."),
        Column("contributions_count", "How many contributions were made; empty until the closing is public."),
        Column("attending_organizations", "Organizations that attended; empty until the closing is public."),
        Column("video_url", "Link to a recording; empty until the closing is public."),
        Column("audio_url", "Link to an audio recording; empty until the closing is public."),
        Column("comments_count", "Comments in its thread."),
        *TAXONOMY_COLUMNS,
        Column("published_at", "When it was published (ISO 8601, UTC)."),
        Column("withdrawn_at", "When it was withdrawn (ISO 8601, UTC); empty if it is not."),
        *TIMESTAMP_COLUMNS,
    ),
    select=_meetings,
)


# ------------------------------------------------------------------------------------------------ debates


def _debates(scope: Scope) -> Select[Any]:
    d = models.Debate
    author, joined = public_author(func.coalesce(d.user_group_id, d.author_id), scope)
    closed = d.closed_at.is_not(None)  # type: ignore[union-attr]
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            d.id,
            *space_of(d.component_id),
            d.reference,
            d.title,
            d.description,
            d.instructions,
            d.information_updates,
            d.start_time,
            d.end_time,
            d.author_id.is_(None),  # type: ignore[union-attr]
            author.id,
            author.nickname,
            d.closed_at,
            case((closed, d.conclusions), else_=EMPTY_TRANSLATION),
            d.endorsements_count,
            d.comments_count,
            d.category_id,
            d.scope_id,
            d.created_at,
            d.updated_at,
        )
        .join(_C, _C.id == d.component_id)  # type: ignore[arg-type]
        .outerjoin(author, joined)
        .where(debate_visible(scope))
        .order_by(d.id)
    )


DEBATES = Entity(
    name="debates",
    description="Debates that moderation has not hidden, in visible components; closed ones included.",
    columns=(
        Column("id", "Identifier of the debate; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("reference", "Reference code of the debate."),
        Column("title", "Title.", translated=True),
        Column("description", "What the debate is about.", translated=True),
        Column("instructions", "How to take part.", translated=True),
        Column("information_updates", "News added while the debate runs.", translated=True),
        Column("start_time", "When a dated debate opens (ISO 8601, UTC); empty for an open-ended one."),
        Column("end_time", "When a dated debate ends (ISO 8601, UTC); empty for an open-ended one."),
        Column("official", "true when the organization itself started the debate (no participant author)."),
        *_author_columns("started the debate (the group when it was started on behalf of one)"),
        Column("closed_at", "When the debate was closed (ISO 8601, UTC); empty while it is open."),
        Column("conclusions", "What the debate concluded; empty until it is closed.", translated=True),
        Column("endorsements_count", "Endorsements received."),
        Column("comments_count", "Comments in its thread."),
        *TAXONOMY_COLUMNS,
        *TIMESTAMP_COLUMNS,
    ),
    select=_debates,
)


# -------------------------------------------------------------------------------------------------- posts


def _posts(scope: Scope) -> Select[Any]:
    p = models.Post
    key = case((p.official.is_(True), None), else_=func.coalesce(p.user_group_id, p.author_id))  # type: ignore[attr-defined]
    author, joined = public_author(key, scope)
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            p.id,
            *space_of(p.component_id),
            p.title,
            p.body,
            p.official,
            author.id,
            author.nickname,
            p.endorsements_count,
            p.comments_count,
            p.published_at,
            p.created_at,
            p.updated_at,
        )
        .join(_C, _C.id == p.component_id)  # type: ignore[arg-type]
        .outerjoin(author, joined)
        .where(post_visible(scope))
        .order_by(p.id)
    )


POSTS = Entity(
    name="posts",
    description="News posts of blog components, once their publication time has come; never those moderation hid.",
    columns=(
        Column("id", "Identifier of the post; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("title", "Title.", translated=True),
        Column("body", "Text of the post (HTML).", translated=True),
        Column("official", "true when the organization itself wrote the post."),
        *_author_columns("wrote the post (the group when written on behalf of one)"),
        Column("endorsements_count", "Endorsements received."),
        Column("comments_count", "Comments in its thread."),
        Column("published_at", "When it was (or is scheduled to be) published (ISO 8601, UTC)."),
        *TIMESTAMP_COLUMNS,
    ),
    select=_posts,
)


# -------------------------------------------------------------------------------------------------- pages


def _pages(scope: Scope) -> Select[Any]:
    p = models.Page
    return (  # type: ignore[no-any-return]
        select(*(p.id, *space_of(p.component_id), p.title, p.body, p.created_at, p.updated_at))  # type: ignore[call-overload, misc]
        .join(_C, _C.id == p.component_id)  # type: ignore[arg-type]
        .where(page_visible(scope))
        .order_by(p.id)  # type: ignore[arg-type]
    )


PAGES = Entity(
    name="pages",
    description="Static pages of page components in visible spaces.",
    columns=(
        Column("id", "Identifier of the page."),
        *SPACE_COLUMNS,
        Column("title", "Title.", translated=True),
        Column("body", "Content (HTML).", translated=True),
        *TIMESTAMP_COLUMNS,
    ),
    select=_pages,
)


# ------------------------------------------------------------------------------------------------ projects


def _projects(scope: Scope) -> Select[Any]:
    p = models.Project
    b = models.Budget
    show_votes = step_flag(p.component_id, "show_votes", default=False)
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            p.id,
            *space_of(p.component_id),
            p.budget_id,
            b.title,
            p.reference,
            p.title,
            p.description,
            p.budget_amount,
            p.selected_at,
            case((show_votes, p.confirmed_orders_count)),
            *(p.address, p.latitude, p.longitude),
            p.comments_count,
            p.category_id,
            p.scope_id,
            p.created_at,
            p.updated_at,
        )
        .join(_C, _C.id == p.component_id)  # type: ignore[arg-type]
        .join(b, b.id == p.budget_id)  # type: ignore[arg-type]
        .where(project_visible(scope))
        .order_by(p.id)
    )


PROJECTS = Entity(
    name="projects",
    description="Projects of participatory budgets in visible components.",
    columns=(
        Column("id", "Identifier of the project; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("budget_id", "Identifier of the budget the project competes in."),
        Column("budget_title", "Title of that budget.", translated=True),
        Column("reference", "Reference code of the project."),
        Column("title", "Title.", translated=True),
        Column("description", "Description (HTML).", translated=True),
        Column("budget_amount", "What the project costs, in the organization's currency (whole units)."),
        Column("selected_at", "When the project was selected for funding (ISO 8601, UTC); empty if it is not."),
        Column("confirmed_votes", "Votes whose ballot was cast; empty while the current phase keeps them hidden."),
        *GEO_COLUMNS,
        Column("comments_count", "Comments in its thread."),
        *TAXONOMY_COLUMNS,
        *TIMESTAMP_COLUMNS,
    ),
    select=_projects,
)
