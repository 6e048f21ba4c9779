"""``Mutation.component(id)``: the write API of one component, as on Decidim's develop branch.

The answer is a union with one member per manifest that accepts writes; each domain adds its type
to ``ComponentMutation`` and its constructor to ``WRITABLE_COMPONENTS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

import models
from resolvers.components.writable import writable_component
from resolvers.errors import NotFound
from resolvers.filters import parse_id
from schema.accountability.mutations import AccountabilityMutation
from schema.budgets.mutations import BudgetsMutation
from schema.debates.mutations import DebatesMutation
from schema.meetings.mutations import MeetingsMutation
from schema.proposals.mutations import ProposalsMutation
from schema.surveys.mutations import SurveysMutation

ComponentMutation = Annotated[
    ProposalsMutation | SurveysMutation | MeetingsMutation | AccountabilityMutation | DebatesMutation | BudgetsMutation,
    strawberry.union("ComponentMutation", description="What may be done in a component, by kind of component."),
]

WRITABLE_COMPONENTS: dict[str, Callable[[models.Component], Any]] = {
    "proposals": lambda row: ProposalsMutation(component_id=row.id),  # type: ignore[arg-type]
    "surveys": lambda row: SurveysMutation(component_id=row.id),  # type: ignore[arg-type]
    "meetings": lambda row: MeetingsMutation(component_id=row.id),  # type: ignore[arg-type]
    "accountability": lambda row: AccountabilityMutation(component_id=row.id),  # type: ignore[arg-type]
    "debates": lambda row: DebatesMutation(component_id=row.id),  # type: ignore[arg-type]
    "budgets": lambda row: BudgetsMutation(component_id=row.id),  # type: ignore[arg-type]
}


@strawberry.type
class ComponentMutations:
    @strawberry.mutation(
        description="A published component of a space the viewer may see, to act in it; NOT_FOUND otherwise "
        "(also for kinds of component that take no writes yet)."
    )
    async def component(self, info: Info, id: strawberry.ID) -> ComponentMutation:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            row = await writable_component(session, scope=ctx.scope, component_id=parse_id(id))  # type: ignore[arg-type]
        make = WRITABLE_COMPONENTS.get(row.manifest_name)
        if make is None:
            msg = "No component with this id accepts contributions here."
            raise NotFound(msg)
        return make(row)  # type: ignore[no-any-return]
