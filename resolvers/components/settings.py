"""The settings in force for a component: its global settings and those of the space's active step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

import models
from models.kinds import SpaceKind
from resolvers.components.manifests import current_step_settings, manifest
from resolvers.loading import make_loader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv


@dataclass(frozen=True, slots=True)
class EffectiveSettings:
    """Global and current-step settings, with the manifest's defaults filled in."""

    component_id: int
    manifest_name: str
    published: bool
    global_: dict[str, Any]
    step: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        """A step setting wins over a global one of the same name."""
        if key in self.step:
            return self.step[key]
        return self.global_.get(key, default)


def _effective(component: models.Component, active_step_id: int | None) -> EffectiveSettings:
    m = manifest(component.manifest_name)
    step_raw = current_step_settings(
        default_step_settings=component.default_step_settings,
        step_settings=component.step_settings,
        active_step_id=active_step_id,
    )
    return EffectiveSettings(
        component_id=component.id,  # type: ignore[arg-type]
        manifest_name=component.manifest_name,
        published=component.published_at is not None,
        global_=m.global_settings.model_validate(component.settings).model_dump(),
        step=m.step_settings.model_validate(step_raw).model_dump(),
    )


async def _active_steps(session: AsyncSession, components: Sequence[models.Component]) -> dict[int, int]:
    process_ids = {c.space_id for c in components if c.space_kind == SpaceKind.PARTICIPATORY_PROCESS}
    if not process_ids:
        return {}
    s = models.ParticipatoryProcessStep
    rows = await session.execute(select(s.process_id, s.id).where(s.process_id.in_(process_ids), s.active.is_(True)))  # type: ignore[attr-defined, call-overload]
    return {int(process_id): int(step_id) for process_id, step_id in rows.all()}


async def settings_for(session: AsyncSession, component: models.Component) -> EffectiveSettings:
    """For writes: the settings in force now, read inside the writing transaction."""
    steps = await _active_steps(session, [component])
    return _effective(component, steps.get(component.space_id))


def settings_by_component(env: LoaderEnv) -> Loader:
    """``component id -> EffectiveSettings`` (``None`` for components outside the organization)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, EffectiveSettings]:
        c = models.Component
        components = (
            await session.scalars(select(c).where(c.id.in_(keys), c.organization_id == env.scope.organization_id))  # type: ignore[arg-type, union-attr]
        ).all()
        steps = await _active_steps(session, components)
        return {comp.id: _effective(comp, steps.get(comp.space_id)) for comp in components}  # type: ignore[misc]

    return make_loader(env, fn)
