"""Decidim's assembly root fields: ``assemblies``, ``assembly``, ``assembliesTypes``, ``assembliesType``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.assemblies import queries
from resolvers.filters import Direction, parse_date, parse_direction, parse_id
from resolvers.processes.queries import SpaceFilter, SpaceSort
from schema.assemblies.types import AssembliesType, Assembly
from schema.processes.inputs import ParticipatoryProcessFilter, ParticipatoryProcessSort


def _filter(f: ParticipatoryProcessFilter | None) -> SpaceFilter:
    if f is None:
        return SpaceFilter()
    return SpaceFilter(
        published_before=parse_date(f.published_before, field="filter.publishedBefore"),
        published_since=parse_date(f.published_since, field="filter.publishedSince"),
        hashtag=f.hashtag,
    )


def _sort(order: ParticipatoryProcessSort | None) -> SpaceSort:
    if order is None:
        return SpaceSort()
    keys: list[tuple[str, Direction]] = []
    # (Python attribute, GraphQL name): errors name the argument as the client wrote it.
    for attr, name in (("id", "id"), ("start_date", "startDate"), ("published_at", "publishedAt")):
        direction = parse_direction(getattr(order, attr), field=f"order.{name}")
        if direction is not None:
            keys.append((attr, direction))
    return SpaceSort(keys=tuple(keys))


@strawberry.type
class AssemblyQueries:
    @strawberry.field(description="Types of assemblies.")
    async def assemblies_types(self, info: Info) -> list[AssembliesType | None]:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_types(session, scope=ctx.scope)
        return [AssembliesType.from_model(r) for r in rows]

    @strawberry.field(description="One type of assembly.")
    async def assemblies_type(self, info: Info, id: strawberry.ID) -> AssembliesType | None:
        row = await info.context.loaders.assemblies_type_by_id.load(parse_id(id))
        return AssembliesType.from_model(row) if row else None

    @strawberry.field(
        description="Assemblies the viewer may see, at every level of the tree. Decidim's process filter and "
        "sort apply; `startDate` orders by `creationDate`, as assemblies have no start date."
    )
    async def assemblies(
        self,
        info: Info,
        filter: ParticipatoryProcessFilter | None = None,
        order: ParticipatoryProcessSort | None = None,
    ) -> list[Assembly | None] | None:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await queries.list_assemblies(session, scope=ctx.scope, filter=_filter(filter), sort=_sort(order))
        return [Assembly.from_model(r) for r in rows]

    @strawberry.field(description="One assembly, by id.")
    async def assembly(self, info: Info, id: strawberry.ID | None = None) -> Assembly | None:
        pk = parse_id(id)
        if pk is None:
            return None
        row = await info.context.loaders.assembly_by_id.load(pk)
        return Assembly.from_model(row) if row else None
