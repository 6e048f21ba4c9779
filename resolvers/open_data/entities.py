"""Every file of the open-data export, in the order the README lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

import models
from resolvers.open_data.base import Column, Entity
from resolvers.visibility import process_visible

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope


def _processes(scope: Scope) -> Select[Any]:
    p = models.ParticipatoryProcess
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            p.id,
            p.slug,
            p.reference,
            p.title,
            p.subtitle,
            p.short_description,
            p.description,
            p.start_date,
            p.end_date,
            p.scope_id,
            p.area_id,
            p.process_group_id,
            p.published_at,
        )
        .where(process_visible(scope))
        .order_by(p.id)
    )


PROCESSES = Entity(
    name="participatory_processes",
    description="Published public participatory processes (the consultations).",
    columns=(
        Column("id", "Identifier of the process; also its global id in the GraphQL API (`node(id:)`)."),
        Column("slug", "Short name used in the process's web address."),
        Column("reference", "Reference code of the process."),
        Column("title", "Title.", translated=True),
        Column("subtitle", "Subtitle.", translated=True),
        Column("short_description", "Summary (HTML).", translated=True),
        Column("description", "Full description (HTML).", translated=True),
        Column("start_date", "First day of the process (ISO 8601 date)."),
        Column("end_date", "Last day of the process (ISO 8601 date)."),
        Column("scope_id", "Identifier of the scope (territory) the process concerns, if any."),
        Column("area_id", "Identifier of the area the process belongs to, if any."),
        Column("process_group_id", "Identifier of the group of processes it belongs to, if any."),
        Column("published_at", "When the process was published (ISO 8601, UTC)."),
    ),
    select=_processes,
)

OPEN_DATA_ENTITIES: tuple[Entity, ...] = (PROCESSES,)
"""The registry the exporter walks; one entry per file."""
