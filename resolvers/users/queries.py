"""Participants (users and user groups) as the public sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, or_, select

import models
from models.users import UserKind
from resolvers.errors import BadUserInput
from resolvers.filters import Direction, ordered
from resolvers.visibility import Scope, user_visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

# Decidim's API names for the two kinds.
TYPE_NAMES = {"User": UserKind.USER, "UserGroup": UserKind.GROUP}


@dataclass(frozen=True, slots=True)
class UserFilter:
    kind: str | None = None
    name: str | None = None
    nickname: str | None = None
    wildcard: str | None = None
    exclude_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class UserSort:
    keys: tuple[tuple[str, Direction], ...] = field(default_factory=tuple)


def parse_kind(value: str | None) -> str | None:
    if value is None:
        return None
    for api_name, kind in TYPE_NAMES.items():
        # as Decidim's camelcase: "user_group", "Usergroup" and "Group" all mean UserGroup
        if value.lower().replace("_", "") in {api_name.lower(), kind.value, f"decidim::{api_name.lower()}"}:
            return kind.value
    msg = f"Unknown participant type {value!r}: use User or UserGroup."
    raise BadUserInput(msg, fields={"type": "must be User or UserGroup"})


def _contains(column: Any, value: str) -> ColumnElement[bool]:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")  # type: ignore[no-any-return]


async def list_users(
    session: AsyncSession, *, scope: Scope, filter: UserFilter, sort: UserSort, limit: int | None = None
) -> Sequence[models.User]:
    u = models.User
    stmt = select(u).where(user_visible(scope))
    if filter.kind is not None:
        stmt = stmt.where(u.kind == filter.kind)  # type: ignore[arg-type]
    if filter.name:
        stmt = stmt.where(_contains(u.name, filter.name))
    if filter.nickname:
        stmt = stmt.where(_contains(u.nickname, filter.nickname.removeprefix("@")))
    if filter.wildcard:
        term = filter.wildcard.removeprefix("@")
        stmt = stmt.where(or_(_contains(u.name, term), _contains(u.nickname, term)))
    if filter.exclude_ids:
        stmt = stmt.where(u.id.not_in(filter.exclude_ids))  # type: ignore[union-attr]
    # Decidim sorts its ``type`` column: "Decidim::User" comes before "Decidim::UserGroup".
    decidim_type = case((u.kind == UserKind.USER, "Decidim::User"), else_="Decidim::UserGroup")  # type: ignore[arg-type]
    columns: dict[str, Any] = {"id": u.id, "type": decidim_type, "name": func.lower(u.name), "nickname": u.nickname}
    stmt = stmt.order_by(*(ordered(columns[k], d) for k, d in sort.keys), u.id)  # type: ignore[arg-type]
    if limit is not None:
        stmt = stmt.limit(limit)
    return (await session.scalars(stmt)).all()


async def find_user(session: AsyncSession, *, scope: Scope, id: int | None, nickname: str | None) -> models.User | None:
    if id is None and nickname is None:
        return None
    u = models.User
    stmt = select(u).where(user_visible(scope))
    if id is not None:
        stmt = stmt.where(u.id == id)  # type: ignore[arg-type]
    if nickname is not None:
        stmt = stmt.where(u.nickname == nickname.removeprefix("@"))  # type: ignore[arg-type]
    return (await session.scalars(stmt.limit(1))).first()
