"""The organization's own lists that spaces point at: area types, areas, process groups and types.

All are organization admins' business (``MANAGE_ORGANIZATION``) and share one create/update shape:
validate translated texts -> check referenced rows are the organization's -> one transaction + log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import models
from resolvers.admin.common import apply, check_translations, find_in_org, log, raise_if, signed_in
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

MAX_URL = 1024


@dataclass(frozen=True)
class Classifier:
    model: Any
    kind: str  # the action log's resource kind
    required: str  # the translated text that must not be blank
    translated: tuple[str, ...]
    references: tuple[tuple[str, Any, str], ...] = ()  # (attribute, model, GraphQL field)


AREA_TYPE = Classifier(models.AreaType, "area_type", "name", ("name", "plural"))
AREA = Classifier(models.Area, "area", "name", ("name",), (("area_type_id", models.AreaType, "areaTypeId"),))
PROCESS_GROUP = Classifier(
    models.ParticipatoryProcessGroup,
    "participatory_process_group",
    "title",
    ("title", "description", "developer_group"),
)
PROCESS_TYPE = Classifier(models.ParticipatoryProcessType, "participatory_process_type", "title", ("title",))


def _validate(what: Classifier, attrs: dict[str, Any], *, creating: bool) -> None:
    errors: dict[str, str] = {}
    for name in what.translated:
        required = name == what.required
        if name in attrs or (creating and required):
            field = "developerGroup" if name == "developer_group" else name
            check_translations(attrs.get(name), field=field, errors=errors, required=required)
            if not required and name in attrs:
                attrs[name] = attrs[name] or {}
    image = attrs.get("hero_image")
    if image is not None and len(image) > MAX_URL:
        errors["heroImage"] = f"{MAX_URL} characters at most"
    if "promoted" in attrs and attrs["promoted"] is None:
        errors["promoted"] = "true or false"
    raise_if(errors)


async def _check_references(session: AsyncSession, scope: Scope, what: Classifier, attrs: dict[str, Any]) -> None:
    for name, model, field in what.references:
        if attrs.get(name) is not None:
            await find_in_org(session, scope, model, attrs[name], field=field)


async def create(session: AsyncSession, scope: Scope, what: Classifier, *, attrs: dict[str, Any]) -> Any:
    _validate(what, attrs, creating=True)
    signed_in(scope)
    await require(session, scope, action=Action.MANAGE_ORGANIZATION)
    await _check_references(session, scope, what, attrs)
    row = what.model(organization_id=scope.organization_id, **attrs)
    session.add(row)
    await session.flush()
    await log(session, scope, action=f"{what.kind}.create", resource=(what.kind, row.id))
    return row


async def update(session: AsyncSession, scope: Scope, what: Classifier, *, row_id: int, attrs: dict[str, Any]) -> Any:
    _validate(what, attrs, creating=False)
    signed_in(scope)
    row = await find_in_org(session, scope, what.model, row_id, field="id")
    await require(session, scope, action=Action.MANAGE_ORGANIZATION)
    await _check_references(session, scope, what, attrs)
    changes = apply(row, attrs)
    await session.flush()
    await log(session, scope, action=f"{what.kind}.update", resource=(what.kind, row.id), changes=changes)
    return row
