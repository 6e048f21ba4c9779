"""Small types that participatory resources share: place, fingerprint, edit history, amendments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES
from schema.interfaces import AmendableEntityInterface, Author

if TYPE_CHECKING:
    import models


@strawberry.type(description="A point on the map (WGS 84).")
class Coordinates:
    latitude: float
    longitude: float

    @classmethod
    def maybe(cls, latitude: float | None, longitude: float | None) -> Coordinates | None:
        if latitude is None or longitude is None:
            return None
        return cls(latitude=latitude, longitude=longitude)


@strawberry.type(description="A hash of the content, to check later what it said.")
class Fingerprint:
    value: str = strawberry.field(description="SHA-256, hexadecimal, of `source`.")
    source: str = strawberry.field(description="The canonical JSON the hash is computed from.")


@strawberry.type(description="One recorded change.")
class TraceVersion:
    id: strawberry.ID
    created_at: datetime | None
    changeset: JSON | None = strawberry.field(description="What changed: {field: [before, after]}.")
    editor_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: models.Version) -> TraceVersion:
        return cls(
            id=strawberry.ID(str(row.id)),
            created_at=row.created_at,
            changeset=row.changeset,  # type: ignore[arg-type]
            editor_id=row.whodunnit_id,
        )

    @strawberry.field(description="Who made the change, if a visible participant.")
    async def editor(self, info: Info) -> Author | None:
        from schema.users.types import author_from_model

        if self.editor_id is None:
            return None
        row = await info.context.loaders.author_by_id.load(self.editor_id)
        return author_from_model(row, info) if row else None


async def _entity(info: Info, pk: int) -> Any:
    # Amendable ends are ordinary nodes: the same loaders, visibility and conversion as node(id:).
    from schema.nodes.queries import resolve_node

    found = await resolve_node(info, pk)
    if found is None:
        msg = "amended resource not visible"
        raise LookupError(msg)
    return found


@strawberry.type(description="A participant's emendation of a resource, and what became of it.")
class Amendment:
    id: strawberry.ID
    state: str = strawberry.field(description="evaluating, accepted, rejected or withdrawn.")
    amendable_type: str
    emendation_type: str
    amender_id: strawberry.Private[int]
    amendable_id: strawberry.Private[int]
    emendation_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Amendment) -> Amendment:
        return cls(
            id=strawberry.ID(str(row.id)),
            state=row.state,
            amendable_type=DECIDIM_CLASS_NAMES.get(row.amendable_kind, row.amendable_kind),
            emendation_type=DECIDIM_CLASS_NAMES.get(row.emendation_kind, row.emendation_kind),
            amender_id=row.amender_id,
            amendable_id=row.amendable_id,
            emendation_id=row.emendation_id,
        )

    @strawberry.field(description="Who proposed the amendment.")
    async def amender(self, info: Info) -> Author:
        from schema.users.types import author_from_model

        row = await info.context.loaders.author_by_id.load(self.amender_id)
        if row is None:  # the loader only lists amendments by visible participants
            msg = "amender not visible"
            raise LookupError(msg)
        return author_from_model(row, info)

    @strawberry.field(description="The resource amended.")
    async def amendable(self, info: Info) -> AmendableEntityInterface:
        return await _entity(info, self.amendable_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The amended version.")
    async def emendation(self, info: Info) -> AmendableEntityInterface:
        return await _entity(info, self.emendation_id)  # type: ignore[no-any-return]
