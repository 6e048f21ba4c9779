"""Decidim's meeting-specific interfaces: services offered, and proposals a meeting took up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from schema.meetings.agenda import MeetingService
from schema.proposals.types import Proposal

if TYPE_CHECKING:
    from resolvers.components.settings import EffectiveSettings


@strawberry.interface(description="An object that offers services (childcare, a meal, interpretation...).")
class ServicesInterface:
    pk: strawberry.Private[int]

    @strawberry.field(description="The services offered, in their display order.")
    async def services(self, info: Info) -> list[MeetingService | None]:
        rows = await info.context.loaders.services_by_meeting.load(self.pk)
        return [MeetingService.from_model(r) for r in rows]


@strawberry.interface(description="A meeting linked to the proposals it took up.")
class MeetingsLinkedResourcesInterface:
    pk: strawberry.Private[int]

    @strawberry.field(
        description="Proposals the meeting took up (set when it is closed); only those the viewer may see."
    )
    async def proposals_from_meeting(self, info: Info) -> list[Proposal | None]:
        loaders = info.context.loaders
        rows = await loaders.proposals_by_meeting.load(self.pk)
        settings: list[EffectiveSettings] = await loaders.settings_by_component.load_many(
            [r.component_id for r in rows]
        )
        return [Proposal.from_model(r, s) for r, s in zip(rows, settings, strict=True)]
