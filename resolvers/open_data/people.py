"""Participants and groups (public fields only) and the daily metrics, in the open-data export."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import case, literal, or_, select

import models
from models.metrics import ORGANIZATION_WIDE
from resolvers.open_data.base import Column, Entity
from resolvers.open_data.sql import space_type
from resolvers.visibility import space_visible, user_visible

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope


def _users(scope: Scope) -> Select[Any]:
    # Only what the API's User and UserGroup types show anonymous visitors; never an e-mail address,
    # a locale, a sign-in or anything else from the account.
    u = models.User
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            u.id,
            u.kind,
            u.nickname,
            u.name,
            u.avatar_url,
            literal("/profiles/") + u.nickname,
            case((u.verified_at.is_not(None), "verified"), else_=""),  # type: ignore[union-attr]
            u.created_at,
        )
        .where(user_visible(scope))
        .order_by(u.id)
    )


USERS = Entity(
    name="users",
    description="Public profiles of participants (confirmed, not blocked, not deleted) and of user groups "
    "(not blocked, not deleted): only what anyone can read on their profile.",
    columns=(
        Column("id", "Identifier of the participant or group; author_id in the other files."),
        Column("kind", '"user" for a participant, "group" for a user group.'),
        Column("nickname", "Public pseudonym (without the leading @)."),
        Column("name", "Name shown on the profile."),
        Column("avatar_url", "Address of the profile picture, if one was set."),
        Column("profile_path", "Path of the public profile page on the platform."),
        Column("badge", '"verified" for a group the organization verified, else empty.'),
        Column("created_at", "When the account was created (ISO 8601, UTC)."),
    ),
    select=_users,
)


def _metrics(scope: Scope) -> Select[Any]:
    m = models.MetricDay
    organization_wide = m.space_kind == ORGANIZATION_WIDE
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            m.name,
            space_type(m.space_kind),
            case((organization_wide, None), else_=m.space_id),  # type: ignore[arg-type]
            m.day,
            m.quantity,
            m.cumulative,
        )
        .where(
            m.organization_id == scope.organization_id,
            or_(organization_wide, space_visible(m.space_kind, m.space_id, scope)),  # type: ignore[arg-type]
        )
        .order_by(m.id)
    )


METRICS = Entity(
    name="metrics",
    description="Daily figures of public activity, for the whole organization and for each visible space.",
    columns=(
        Column("name", "What is counted (participants, proposals, comments...)."),
        Column("space_type", "Kind of participatory space counted; empty for figures of the whole organization."),
        Column("space_id", "Identifier of that space; empty for figures of the whole organization."),
        Column("day", "The day the figures close (ISO 8601 date, in the organization's time zone)."),
        Column("quantity", "What that day added."),
        Column("cumulative", "Total at the end of that day."),
    ),
    select=_metrics,
)
