"""Creating, updating, publishing and deleting participatory spaces (processes and assemblies).

Attributes arrive as a dict of model field names (the schema drops those left out), so one set of
rules validates both kinds of space and every field is settable.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

import models
from models.kinds import SpaceKind
from resolvers.admin.common import (
    SLUG,
    SPACE_MODELS,
    Space,
    apply,
    check_translations,
    find_space,
    guard_space,
    log,
    raise_if,
    signed_in,
)
from resolvers.errors import Conflict, Forbidden
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

TRANSLATED = frozenset(
    {
        "title", "subtitle", "short_description", "description", "announcement", "developer_group", "meta_scope",
        "local_area", "target", "participatory_scope", "participatory_structure", "purpose_of_action",
        "composition", "internal_organisation", "special_features", "closing_date_reason", "created_by_other",
    }
)  # fmt: skip
TEXTS = {"hashtag": 255, "reference": 255, "hero_image": 1024, "banner_image": 1024}
FLAGS = frozenset({"promoted", "private_space", "is_transparent", "scopes_enabled", "show_statistics", "show_metrics"})
DATES = frozenset({"start_date", "end_date", "closing_date", "creation_date", "included_at", "duration"})
# foreign key -> the model it names; each must be a row of the same organization
REFERENCES: dict[str, Any] = {
    "scope_id": models.Scope,
    "area_id": models.Area,
    "process_group_id": models.ParticipatoryProcessGroup,
    "process_type_id": models.ParticipatoryProcessType,
    "assembly_type_id": models.AssembliesType,
    "parent_id": models.Assembly,
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _field_error(name: str, value: Any) -> str | None:
    """What is wrong with one attribute's value, or ``None`` (references are checked apart)."""
    if name == "slug":
        return None if isinstance(value, str) and SLUG.match(value) else "lower-case letters, digits and dashes"
    if name in TEXTS:
        ok = value is None or (isinstance(value, str) and len(value) <= TEXTS[name])
        return None if ok else f"{TEXTS[name]} characters at most"
    if name in FLAGS:
        return None if isinstance(value, bool) else "true or false"
    if name in DATES:
        return None if value is None or isinstance(value, date) else "a date"
    if name == "weight":
        return None if isinstance(value, int) else "an integer"
    return "not settable here"


async def validate_space_attrs(
    session: AsyncSession, scope: Scope, model: type[Space], attrs: dict[str, Any], *, creating: bool
) -> None:
    errors: dict[str, str] = {}
    for name, value in attrs.items():
        field = _camel(name)
        if name not in model.model_fields:
            errors[field] = "not an attribute of this kind of space"
        elif name in TRANSLATED:
            check_translations(value, field=field, errors=errors, required=name == "title")
        elif name in REFERENCES:
            ref = REFERENCES[name]
            if value is not None and not await session.scalar(
                select(exists().where(col(ref.id) == value, col(ref.organization_id) == scope.organization_id))
            ):
                errors[field] = "not found"
        elif (problem := _field_error(name, value)) is not None:
            errors[field] = problem
    if creating:
        errors |= {_camel(name): "required" for name in ("slug", "title") if name not in attrs}
    start, end = attrs.get("start_date"), attrs.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["endDate"] = "before startDate"
    raise_if(errors)


async def _slug_free(session: AsyncSession, scope: Scope, model: type[Space], slug: str, *, but: int | None) -> None:
    stmt = select(col(model.id)).where(col(model.organization_id) == scope.organization_id, col(model.slug) == slug)
    if but is not None:
        stmt = stmt.where(col(model.id) != but)
    if await session.scalar(stmt) is not None:
        msg = f"The slug {slug!r} is taken in this organization."
        raise Conflict(msg, fields={"slug": "taken"})


async def create_space(session: AsyncSession, scope: Scope, *, kind: SpaceKind, attrs: dict[str, Any]) -> Space:
    """Organization admins create spaces; they start unpublished."""
    model = SPACE_MODELS[kind]
    await validate_space_attrs(session, scope, model, attrs, creating=True)
    signed_in(scope)
    await require(session, scope, action=Action.MANAGE_ORGANIZATION)
    await _slug_free(session, scope, model, attrs["slug"], but=None)
    row = model(organization_id=scope.organization_id, **attrs)
    session.add(row)
    try:
        await session.flush()
    except IntegrityError:
        # A concurrent create took the slug between the check and the insert.
        msg = f"The slug {attrs['slug']!r} is taken in this organization."
        raise Conflict(msg, fields={"slug": "taken"}) from None
    await log(session, scope, action=f"{kind}.create", resource=(kind, row.id), space=(kind, row.id))
    return row


async def update_space(
    session: AsyncSession, scope: Scope, *, kind: SpaceKind, space_id: int, attrs: dict[str, Any]
) -> Space:
    signed_in(scope)
    kind, space = await find_space(session, scope, space_id, lock=True, kind=kind)
    await validate_space_attrs(session, scope, type(space), attrs, creating=False)
    await require(session, scope, action=Action.UPDATE_SPACE, space_kind=kind, space_id=space.id)
    if "slug" in attrs:
        await _slug_free(session, scope, type(space), attrs["slug"], but=space.id)
    changes = apply(space, attrs)
    await session.flush()
    await log(
        session, scope, action=f"{kind}.update", resource=(kind, space.id), space=(kind, space.id), changes=changes
    )  # type: ignore[arg-type]
    return space


async def set_space_published(
    session: AsyncSession, scope: Scope, *, kind: SpaceKind, space_id: int, published: bool
) -> Space:
    kind, space = await guard_space(session, scope, space_id, action=Action.UPDATE_SPACE, lock=True, kind=kind)
    if (space.published_at is not None) != published:
        space.published_at = datetime.now(UTC) if published else None
        verb = "publish" if published else "unpublish"
        await log(session, scope, action=f"{kind}.{verb}", resource=(kind, space.id), space=(kind, space.id))
    return space


async def delete_space(session: AsyncSession, scope: Scope, *, kind: SpaceKind, space_id: int) -> int:
    """Only a space without published components may go: their contributions would go with it."""
    kind, space = await guard_space(session, scope, space_id, action=Action.UPDATE_SPACE, lock=True, kind=kind)
    c = models.Component
    in_space = (col(c.space_kind) == kind, col(c.space_id) == space.id)
    if await session.scalar(select(exists().where(*in_space, col(c.published_at).is_not(None)))):
        msg = "This space has published components: unpublish them before deleting it."
        raise Forbidden(msg, reason="NOT_SAFE")
    for model in (models.Component, models.SpaceRole, models.SpacePrivateUser):
        await session.execute(delete(model).where(col(model.space_kind) == kind, col(model.space_id) == space.id))
    await log(session, scope, action=f"{kind}.delete", resource=(kind, space.id), space=None)
    await session.delete(space)
    await session.flush()
    return space.id  # type: ignore[return-value]
