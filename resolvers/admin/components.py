"""Components of a space: added with validated settings, reconfigured, published, put in order."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col

import models
from models.kinds import SpaceKind
from resolvers.admin.common import apply, check_translations, find_in_org, guard_space, log, raise_if, signed_in
from resolvers.components.manifests import manifest, validate_settings
from resolvers.errors import BadUserInput
from resolvers.permissions import Action, require

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope


async def _check_step_keys(session: AsyncSession, *, kind: str, space_id: int, step_settings: dict[str, Any]) -> None:
    """Per-step settings are keyed by the ids of the space's own steps."""
    if not step_settings:
        return
    s = models.ParticipatoryProcessStep
    own: set[str] = set()
    if kind == SpaceKind.PARTICIPATORY_PROCESS:
        own = {str(i) for i in await session.scalars(select(col(s.id)).where(col(s.process_id) == space_id))}
    unknown = {f"stepSettings.{key}": "not a step of this space" for key in step_settings if str(key) not in own}
    raise_if(unknown)


def _settings_blocks(manifest_name: str, current: models.Component | None, attrs: dict[str, Any]) -> dict[str, Any]:
    """Validated settings (defaults filled) for the blocks given; ``manifest`` names unknown ones."""
    for block in ("settings", "default_step_settings", "step_settings"):
        value = attrs.get(block)
        if value is not None and not isinstance(value, dict):
            raise BadUserInput(f"{block} must be an object.", fields={block: "expected an object"})
    steps = attrs.get("step_settings") or (current.step_settings if current else {})
    if any(not isinstance(v, dict) for v in steps.values()):
        raise BadUserInput("stepSettings maps step ids to objects.", fields={"stepSettings": "expected objects"})
    global_, default_step, per_step = validate_settings(
        manifest_name,
        global_settings=attrs.get("settings") or (current.settings if current else {}),
        default_step_settings=attrs.get("default_step_settings") or (current.default_step_settings if current else {}),
        step_settings=steps,
    )
    return {"settings": global_, "default_step_settings": default_step, "step_settings": per_step}


async def add_component(
    session: AsyncSession, scope: Scope, *, space_id: int, manifest_name: str, attrs: dict[str, Any]
) -> models.Component:
    manifest(manifest_name)  # BAD_USER_INPUT on manifestName for an unknown one
    errors: dict[str, str] = {}
    check_translations(attrs.get("name"), field="name", errors=errors, required=True)
    raise_if(errors)
    blocks = _settings_blocks(manifest_name, None, attrs)
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_COMPONENTS, lock=True)
    await _check_step_keys(session, kind=kind, space_id=space.id, step_settings=blocks["step_settings"])  # type: ignore[arg-type]
    c = models.Component
    weights = await session.scalars(select(col(c.weight)).where(col(c.space_kind) == kind, col(c.space_id) == space.id))
    row = c(
        organization_id=scope.organization_id,
        space_kind=kind,
        space_id=space.id,  # type: ignore[arg-type]
        manifest_name=manifest_name,
        name=attrs["name"],
        weight=attrs.get("weight", max(weights.all(), default=-1) + 1),
        **blocks,
    )
    session.add(row)
    await session.flush()
    await log(session, scope, action="component.create", resource=("component", row.id), space=(kind, space.id))
    return row


async def _guarded_component(session: AsyncSession, scope: Scope, component_id: int) -> models.Component:
    signed_in(scope)
    row: models.Component = await find_in_org(session, scope, models.Component, component_id, field="componentId")
    await require(session, scope, action=Action.MANAGE_COMPONENTS, space_kind=row.space_kind, space_id=row.space_id)
    return row


async def update_component(
    session: AsyncSession, scope: Scope, *, component_id: int, attrs: dict[str, Any]
) -> models.Component:
    errors: dict[str, str] = {}
    if "name" in attrs:
        check_translations(attrs["name"], field="name", errors=errors, required=True)
    if "weight" in attrs and not isinstance(attrs["weight"], int):
        errors["weight"] = "an integer"
    raise_if(errors)
    row = await _guarded_component(session, scope, component_id)
    changes: dict[str, Any] = {k: v for k, v in attrs.items() if k in ("name", "weight")}
    if any(attrs.get(b) is not None for b in ("settings", "default_step_settings", "step_settings")):
        blocks = _settings_blocks(row.manifest_name, row, attrs)
        await _check_step_keys(
            session, kind=row.space_kind, space_id=row.space_id, step_settings=blocks["step_settings"]
        )
        changes |= blocks
    diff = apply(row, changes)
    await session.flush()
    await log(
        session,
        scope,
        action="component.update",
        resource=("component", row.id),
        space=(row.space_kind, row.space_id),
        changes=diff,
    )  # type: ignore[arg-type]
    return row


async def set_component_published(
    session: AsyncSession, scope: Scope, *, component_id: int, published: bool
) -> models.Component:
    row = await _guarded_component(session, scope, component_id)
    if (row.published_at is not None) != published:
        row.published_at = datetime.now(UTC) if published else None
        verb = "publish" if published else "unpublish"
        await log(
            session,
            scope,
            action=f"component.{verb}",
            resource=("component", row.id),
            space=(row.space_kind, row.space_id),
        )  # type: ignore[arg-type]
    return row


async def reorder_components(
    session: AsyncSession, scope: Scope, *, space_id: int, component_ids: Sequence[int]
) -> list[models.Component]:
    """``component_ids`` lists every component of the space in the new order; weights become 0, 1, 2..."""
    kind, space = await guard_space(session, scope, space_id, action=Action.MANAGE_COMPONENTS, lock=True)
    c = models.Component
    rows: dict[int, models.Component] = {
        r.id: r  # type: ignore[misc]  # flushed rows have ids
        for r in await session.scalars(select(c).where(col(c.space_kind) == kind, col(c.space_id) == space.id))
    }
    if sorted(component_ids) != sorted(rows) or len(set(component_ids)) != len(component_ids):
        msg = "List every component of the space exactly once."
        raise BadUserInput(msg, fields={"componentIds": "must list each component of the space once"})
    for weight, component_id in enumerate(component_ids):
        rows[component_id].weight = weight
    await session.flush()
    await log(
        session,
        scope,
        action="component.reorder",
        resource=(kind, space.id),
        space=(kind, space.id),
        changes={"order": list(component_ids)},
    )  # type: ignore[arg-type]
    return [rows[i] for i in component_ids]
