"""A meeting's agenda (``MeetingAgenda``, nested ``MeetingAgendaItem``s) and its services.

An agenda is loaded whole (every item of every level, one statement for all the meetings of a page),
so ``items``, ``parent`` and ``agenda`` are walked in memory at any depth.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from resolvers.meetings.loaders import AgendaView
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models


@strawberry.type(description="A meeting's programme.")
class MeetingAgenda:
    id: strawberry.ID
    title: TranslatedField | None
    created_at: datetime | None
    updated_at: datetime | None
    view: strawberry.Private[AgendaView]

    @classmethod
    def from_view(cls, view: AgendaView) -> MeetingAgenda:
        row = view.agenda
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            created_at=row.created_at,
            updated_at=row.updated_at,
            view=view,
        )

    @strawberry.field(description="The first-level points, in their order.")
    def items(self) -> list[MeetingAgendaItem | None]:
        return [MeetingAgendaItem.from_model(i, self.view) for i in self.view.children_of(None)]


@strawberry.type(description="One point of an agenda; points nest.")
class MeetingAgendaItem:
    id: strawberry.ID
    title: TranslatedField | None
    description: TranslatedField | None
    duration: int = strawberry.field(description="Minutes.")
    position: int
    created_at: datetime | None
    updated_at: datetime | None
    pk: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]
    view: strawberry.Private[AgendaView]

    @classmethod
    def from_model(cls, row: models.MeetingAgendaItem, view: AgendaView) -> MeetingAgendaItem:
        return cls(
            id=strawberry.ID(str(row.id)),
            title=translated(row.title),
            description=translated(row.description),
            duration=row.duration,
            position=row.position,
            created_at=row.created_at,
            updated_at=row.updated_at,
            pk=row.id,  # type: ignore[arg-type]
            parent_id=row.parent_id,
            view=view,
        )

    @strawberry.field(description="The points nested in this one, in their order.")
    def items(self) -> list[MeetingAgendaItem | None]:
        return [MeetingAgendaItem.from_model(i, self.view) for i in self.view.children_of(self.pk)]

    @strawberry.field(description="The point this one is nested in, if any.")
    def parent(self) -> MeetingAgendaItem | None:
        row = self.view.item(self.parent_id)
        return MeetingAgendaItem.from_model(row, self.view) if row is not None else None

    @strawberry.field(description="The agenda this point belongs to.")
    def agenda(self) -> MeetingAgenda | None:
        return MeetingAgenda.from_view(self.view)


@strawberry.type(description="Something offered at a meeting (childcare, a meal, interpretation...).")
class MeetingService:
    title: TranslatedField | None
    description: TranslatedField | None

    @classmethod
    def from_model(cls, row: models.MeetingService) -> MeetingService:
        return cls(title=translated(row.title), description=translated(row.description))
