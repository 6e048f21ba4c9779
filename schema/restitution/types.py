from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON

if TYPE_CHECKING:
    import models
    from resolvers.restitution.imports import ImportOutcome


@strawberry.type(description="Participa: something that happened to a proposal the viewer wrote or supports.")
class Notification:
    id: strawberry.ID
    event: str = strawberry.field(description="e.g. proposal_accepted, proposal_rejected, proposal_evaluating.")
    resource_id: strawberry.ID
    resource_type: str = strawberry.field(description='The resource kind, e.g. "proposal".')
    payload: JSON
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def from_model(cls, row: models.Notification) -> Notification:
        return cls(
            id=strawberry.ID(str(row.id)),
            event=row.event,
            resource_id=strawberry.ID(str(row.resource_id)),
            resource_type=row.resource_kind,
            payload=row.payload,  # type: ignore[arg-type]  # JSON is a scalar alias of the dict
            created_at=row.created_at,  # type: ignore[arg-type]
            read_at=row.read_at,
        )


@strawberry.type(description="Participa: what an import did. A file with any error imports nothing (BAD_USER_INPUT).")
class ImportResult:
    created_ids: list[strawberry.ID] = strawberry.field(description="Proposals created by this import.")
    unchanged_count: int = strawberry.field(description="Rows whose external_id was already imported.")

    @classmethod
    def from_outcome(cls, outcome: ImportOutcome) -> ImportResult:
        return cls(created_ids=[strawberry.ID(str(pk)) for pk in outcome.created], unchanged_count=outcome.unchanged)
