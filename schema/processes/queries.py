from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import Direction, parse_date, parse_direction, parse_id
from resolvers.processes import queries
from schema.processes.inputs import ParticipatoryProcessFilter, ParticipatoryProcessSort
from schema.processes.types import ParticipatoryProcess, ParticipatoryProcessGroup, ParticipatoryProcessType


def _filter(f: ParticipatoryProcessFilter | None) -> queries.SpaceFilter:
    if f is None:
        return queries.SpaceFilter()
    return queries.SpaceFilter(
        published_before=parse_date(f.published_before, field="filter.publishedBefore"),
        published_since=parse_date(f.published_since, field="filter.publishedSince"),
        hashtag=f.hashtag,
    )


def _sort(order: ParticipatoryProcessSort | None) -> queries.SpaceSort:
    if order is None:
        return queries.SpaceSort()
    keys: list[tuple[str, Direction]] = []
    # (Python attribute, sort key, GraphQL name): errors name the argument as the client wrote it.
    for attr, key, name in (
        ("id", "id", "id"),
        ("start_date", "start_date", "startDate"),
        ("published_at", "published_at", "publishedAt"),
    ):
        direction = parse_direction(getattr(order, attr), field=f"order.{name}")
        if direction is not None:
            keys.append((key, direction))
    return queries.SpaceSort(keys=tuple(keys))


@strawberry.type
class ProcessQueries:
    @strawberry.field(description="Participatory processes the viewer may see.")
    async def participatory_processes(
        self,
        info: Info,
        filter: ParticipatoryProcessFilter | None = None,
        order: ParticipatoryProcessSort | None = None,
    ) -> list[ParticipatoryProcess | None] | None:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_processes(session, scope=ctx.scope, filter=_filter(filter), sort=_sort(order))
        return [ParticipatoryProcess.from_model(r) for r in rows]

    @strawberry.field(description="One process, by id or by slug.")
    async def participatory_process(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None
    ) -> ParticipatoryProcess | None:
        ctx = info.context
        pk = parse_id(id)
        if pk is not None and slug is None:
            row = await ctx.loaders.process_by_id.load(pk)
        else:
            async with ctx.sessionmaker() as session:
                row = await queries.find_process(session, scope=ctx.scope, id=pk, slug=slug)
        return ParticipatoryProcess.from_model(row) if row else None

    @strawberry.field(description="Groups of processes.")
    async def participatory_process_groups(self, info: Info) -> list[ParticipatoryProcessGroup | None]:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_groups(session, scope=ctx.scope)
        return [ParticipatoryProcessGroup.from_model(r) for r in rows]

    @strawberry.field(description="One group of processes.")
    async def participatory_process_group(self, info: Info, id: strawberry.ID) -> ParticipatoryProcessGroup | None:
        row = await info.context.loaders.process_group_by_id.load(parse_id(id))
        return ParticipatoryProcessGroup.from_model(row) if row else None

    @strawberry.field(description="Types of processes.")
    async def participatory_process_types(self, info: Info) -> list[ParticipatoryProcessType | None]:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_types(session, scope=ctx.scope)
        return [ParticipatoryProcessType.from_model(r) for r in rows]

    @strawberry.field(description="One type of process.")
    async def participatory_process_type(self, info: Info, id: strawberry.ID) -> ParticipatoryProcessType | None:
        row = await info.context.loaders.process_type_by_id.load(parse_id(id))
        return ParticipatoryProcessType.from_model(row) if row else None
