"""Classification written by admins: a space's categories (one level of subcategories) and scopes.

Categories belong to a space, so its admins manage them (``UPDATE_SPACE``); scopes belong to the
organization (``MANAGE_ORGANIZATION``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlmodel import col

import models
from resolvers.admin.common import apply, check_translations, find_in_org, guard_space, log, raise_if, signed_in
from resolvers.errors import BadUserInput, Conflict, Forbidden
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

MAX_CODE = 64  # the column's size


def _check_category(attrs: dict[str, Any], *, creating: bool) -> None:
    errors: dict[str, str] = {}
    if "name" in attrs or creating:
        check_translations(attrs.get("name"), field="name", errors=errors, required=True)
    if "description" in attrs:
        check_translations(attrs["description"], field="description", errors=errors)
        attrs["description"] = attrs["description"] or {}
    if "weight" in attrs and (attrs["weight"] is None or attrs["weight"] < 0):
        errors["weight"] = "0 or more"
    raise_if(errors)


async def _check_parent(
    session: AsyncSession, *, category: models.Category | None, space: tuple[str, int], parent_id: int | None
) -> None:
    """A parent is a top-level category of the same space; a category with children stays top-level."""
    if parent_id is None:
        return
    c = models.Category
    parent = await session.scalar(
        select(c).where(col(c.id) == parent_id, col(c.space_kind) == space[0], col(c.space_id) == space[1])
    )
    if parent is None:
        msg = "No such category in this space."
        raise BadUserInput(msg, fields={"parentId": "not a category of this space"})
    if parent.parent_id is not None or (category is not None and parent.id == category.id):
        msg = "One level of subcategories only."
        raise BadUserInput(msg, fields={"parentId": "must be a top-level category"})
    if category is not None:
        children = await session.scalar(select(func.count()).where(col(c.parent_id) == category.id))
        if children:
            msg = "This category has subcategories: it stays top-level."
            raise BadUserInput(msg, fields={"parentId": "has subcategories"})


async def create_category(session: AsyncSession, scope: Scope, *, space_id: int, attrs: dict[str, Any]) -> Any:
    _check_category(attrs, creating=True)
    kind, space = await guard_space(session, scope, space_id, action=Action.UPDATE_SPACE)
    assert space.id is not None  # noqa: S101 - a stored row
    await _check_parent(session, category=None, space=(kind, space.id), parent_id=attrs.get("parent_id"))
    row = models.Category(organization_id=scope.organization_id, space_kind=kind, space_id=space.id, **attrs)
    session.add(row)
    await session.flush()
    await log(session, scope, action="category.create", resource=("category", row.id), space=(kind, space.id))
    return row


async def _guarded_category(session: AsyncSession, scope: Scope, category_id: int) -> models.Category:
    signed_in(scope)
    row: models.Category = await find_in_org(session, scope, models.Category, category_id, field="id")
    await require(session, scope, action=Action.UPDATE_SPACE, space_kind=row.space_kind, space_id=row.space_id)
    return row


async def update_category(session: AsyncSession, scope: Scope, *, category_id: int, attrs: dict[str, Any]) -> Any:
    _check_category(attrs, creating=False)
    row = await _guarded_category(session, scope, category_id)
    if "parent_id" in attrs:
        await _check_parent(session, category=row, space=(row.space_kind, row.space_id), parent_id=attrs["parent_id"])
    changes = apply(row, attrs)
    await session.flush()
    await log(
        session, scope, action="category.update", resource=("category", row.id),
        space=(row.space_kind, row.space_id), changes=changes,
    )  # fmt: skip
    return row


async def delete_category(session: AsyncSession, scope: Scope, *, category_id: int) -> int:
    """Refused while a proposal uses it or one of its subcategories (the link would silently vanish)."""
    row = await _guarded_category(session, scope, category_id)
    c, p = models.Category, models.Proposal
    ids = select(col(c.id)).where((col(c.id) == row.id) | (col(c.parent_id) == row.id))
    used = await session.scalar(select(func.count()).where(col(p.category_id).in_(ids)))
    if used:
        msg = "Proposals use this category: move them first."
        raise Forbidden(msg, reason="NOT_SAFE")
    assert row.id is not None  # noqa: S101 - a stored row
    await log(
        session, scope, action="category.delete", resource=("category", row.id), space=(row.space_kind, row.space_id)
    )
    await session.delete(row)
    return row.id


def _validate_scope(attrs: dict[str, Any], *, creating: bool) -> None:
    errors: dict[str, str] = {}
    if "name" in attrs or creating:
        check_translations(attrs.get("name"), field="name", errors=errors, required=True)
    code = attrs.get("code")
    if code is not None and not 0 < len(code) <= MAX_CODE:
        errors["code"] = f"1 to {MAX_CODE} characters"
    raise_if(errors)


async def _check_scope(session: AsyncSession, scope: Scope, attrs: dict[str, Any], *, row: models.Scope | None) -> None:
    """The parent is a scope of the same organization, not within this one; a given code is unique."""
    s = models.Scope
    parent_id = attrs.get("parent_id")
    if parent_id is not None:
        await find_in_org(session, scope, s, parent_id, field="parentId")
        if row is not None and await _is_within(session, parent_id, row.id):
            msg = "A scope cannot sit under itself."
            raise BadUserInput(msg, fields={"parentId": "within this scope"})
    if attrs.get("scope_type_id") is not None:
        await find_in_org(session, scope, models.ScopeType, attrs["scope_type_id"], field="scopeTypeId")
    code = attrs.get("code")
    if code is not None:
        taken = select(col(s.id)).where(col(s.organization_id) == scope.organization_id, col(s.code) == code)
        if row is not None:
            taken = taken.where(col(s.id) != row.id)
        if await session.scalar(taken) is not None:
            msg = "This code is taken."
            raise Conflict(msg, fields={"code": "taken"})


async def _is_within(session: AsyncSession, scope_id: int, ancestor_id: int | None) -> bool:
    seen: set[int] = set()
    current: int | None = scope_id
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = await session.scalar(select(col(models.Scope.parent_id)).where(col(models.Scope.id) == current))
    return False


async def create_scope(session: AsyncSession, scope: Scope, *, attrs: dict[str, Any]) -> Any:
    _validate_scope(attrs, creating=True)
    signed_in(scope)
    await require(session, scope, action=Action.MANAGE_ORGANIZATION)
    await _check_scope(session, scope, attrs, row=None)
    row = models.Scope(organization_id=scope.organization_id, **attrs)
    session.add(row)
    await session.flush()
    await log(session, scope, action="scope.create", resource=("scope", row.id))
    return row


async def update_scope(session: AsyncSession, scope: Scope, *, scope_id: int, attrs: dict[str, Any]) -> Any:
    _validate_scope(attrs, creating=False)
    signed_in(scope)
    row: models.Scope = await find_in_org(session, scope, models.Scope, scope_id, field="id")
    await require(session, scope, action=Action.MANAGE_ORGANIZATION)
    await _check_scope(session, scope, attrs, row=row)
    changes = apply(row, attrs)
    await session.flush()
    await log(session, scope, action="scope.update", resource=("scope", row.id), changes=changes)
    return row
