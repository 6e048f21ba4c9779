"""The accountability component (``Accountability``) and its keyset-paginated ``results`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.accountability.queries import ResultQuery, sort_keys
from resolvers.errors import BadUserInput
from resolvers.filters import Direction, parse_direction, parse_id
from resolvers.pagination import PageRequest, check_cursors
from schema.accountability.inputs import ResultFilter, ResultSort
from schema.accountability.types import Result, ResultStatus, component_settings
from schema.components.types import COMPONENT_TYPES, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo

if TYPE_CHECKING:
    import models

MAX_EXTERNAL_ID = 255


@strawberry.type(description="One result of a page, with the cursor to page from it.")
class ResultEdge:
    cursor: str
    node: Result | None


@strawberry.type(description="A page of results.")
class ResultConnection:
    edges: list[ResultEdge | None] | None
    nodes: list[Result | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]
    query: strawberry.Private[ResultQuery]

    @strawberry.field(description="Participa: how many results match the filter, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.result_counts.load((self.component_id, self.query)))


def result_query(filter: ResultFilter | None, order: ResultSort | None) -> ResultQuery:
    f = filter or ResultFilter()
    sort: list[tuple[str, Direction]] = []
    if order is not None:
        # (Python attribute, GraphQL name): errors name the argument as the client wrote it.
        for attr, name in (("start_date", "startDate"), ("end_date", "endDate"), ("weight", "weight"), ("id", "id")):
            direction = parse_direction(getattr(order, attr), field=f"order.{name}")
            if direction is not None:
                sort.append((attr, direction))
    external_id = f.external_id.strip() if f.external_id and f.external_id.strip() else None
    if external_id is not None and len(external_id) > MAX_EXTERNAL_ID:
        msg = f"`filter.externalId` is too long (at most {MAX_EXTERNAL_ID} characters)."
        raise BadUserInput(msg, fields={"filter.externalId": f"at most {MAX_EXTERNAL_ID} characters"})
    return ResultQuery(
        parent_id=parse_id(f.parent_id, field="filter.parentId"),
        top_level=f.top_level,
        status_id=parse_id(f.status_id, field="filter.statusId"),
        category_id=parse_id(f.category_id, field="filter.categoryId"),
        scope_id=parse_id(f.scope_id, field="filter.scopeId"),
        external_id=external_id,
        sort=tuple(sort),
    )


@strawberry.type(description="An accountability component: the follow-up of what was decided.")
class Accountability(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Accountability:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="The component's results, parents and children alike (deleted ones never), by keyset pages "
        "of at most 50; Participa adds a filter and an order."
    )
    async def results(
        self,
        info: Info,
        *,
        filter: ResultFilter | None = None,
        order: ResultSort | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ResultConnection | None:
        ctx = info.context
        query = result_query(filter, order)
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page, sort_keys(query))
        result = await ctx.loaders.result_pages.load((self.pk, query, page, ctx.max_page_size))
        settings = await component_settings(info, self.pk)
        nodes = [Result.from_model(row, settings) for row in result.rows]
        return ResultConnection(
            edges=[ResultEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
            query=query,
        )

    @strawberry.field(description="One result of this component.")
    async def result(self, info: Info, id: strawberry.ID) -> Result | None:
        row = await info.context.loaders.result_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Result.from_model(row, await component_settings(info, self.pk))

    @strawberry.field(description="Participa: the statuses results of this component can be in, in order.")
    async def statuses(self, info: Info) -> list[ResultStatus]:
        rows = await info.context.loaders.result_statuses_by_component.load(self.pk)
        return [ResultStatus.from_model(r) for r in rows]


COMPONENT_TYPES["accountability"] = Accountability.from_model
