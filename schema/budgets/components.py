"""The budgets component (``Budgets``) and its keyset-paginated ``budgets`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.budgets.queries import check_cursors
from resolvers.filters import parse_id
from resolvers.pagination import PageRequest
from schema.budgets.types import Budget
from schema.components.types import COMPONENT_TYPES, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models


@strawberry.type(description="One budget of a page, with the cursor to page from it.")
class BudgetEdge:
    cursor: str
    node: Budget | None


@strawberry.type(description="A page of budgets.")
class BudgetConnection:
    edges: list[BudgetEdge | None] | None
    nodes: list[Budget | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]

    @strawberry.field(description="Participa: how many budgets the component has, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.budget_counts.load(self.component_id))


@strawberry.type(description="A budgets component: participants share out budgets between projects by voting.")
class Budgets(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Budgets:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(description="The budgets, by weight then creation, by keyset pages of at most 50.")
    async def budgets(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> BudgetConnection | None:
        ctx = info.context
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page)
        result = await ctx.loaders.budget_pages.load((self.pk, page, ctx.max_page_size))
        nodes = [Budget.from_model(row) for row in result.rows]
        return BudgetConnection(
            edges=[BudgetEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
        )

    @strawberry.field(description="One budget of this component.")
    async def budget(self, info: Info, id: strawberry.ID) -> Budget | None:
        row = await info.context.loaders.budget_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Budget.from_model(row)


COMPONENT_TYPES["budgets"] = Budgets.from_model
