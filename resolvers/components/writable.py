"""The component a write targets: published (even for admins) and in a space the viewer may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

import models
from resolvers.errors import NotFound
from resolvers.visibility import component_visible

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope


async def writable_component(
    session: AsyncSession, *, scope: Scope, component_id: int, manifest_name: str | None = None
) -> models.Component:
    """Raises ``NotFound`` alike for a missing, unpublished, invisible or other-manifest component."""
    c = models.Component
    stmt = select(c).where(
        c.id == component_id,  # type: ignore[arg-type]
        component_visible(scope),
        c.published_at.is_not(None),  # type: ignore[union-attr]
    )
    if manifest_name is not None:
        stmt = stmt.where(c.manifest_name == manifest_name)  # type: ignore[arg-type]
    row = (await session.scalars(stmt)).first()
    if row is None:
        msg = "No component with this id accepts contributions here."
        raise NotFound(msg)
    return row
