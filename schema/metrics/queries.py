"""Root fields: Decidim's ``metrics`` and Participa's ``participationBreakdown``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput
from resolvers.metrics.definitions import resolve_names
from resolvers.metrics.queries import (
    ORGANIZATION,
    Dimension,
    breakdown,
    live_figures,
    parse_space,
    space_shows_metrics,
    stored_days,
    today_in,
)
from schema.metrics.types import BreakdownDimension, BreakdownFigure, BreakdownRow, Metric, MetricHistory


@strawberry.type
class MetricQueries:
    @strawberry.field(
        description="Public figures (Decidim's metrics) for the organization, or for one space with `space_type` "
        '(e.g. "Decidim::ParticipatoryProcess") and `space_id`. Every metric when `names` is empty. Unknown '
        "names give BAD_USER_INPUT; a space that is not visible or hides its metrics gives an empty list."
    )
    async def metrics(
        self,
        info: Info,
        names: list[str | None] | None = None,
        space_type: Annotated[str | None, strawberry.argument(name="space_type")] = None,
        space_id: Annotated[int | None, strawberry.argument(name="space_id")] = None,
    ) -> list[Metric | None] | None:
        ctx = info.context
        org = ctx.organization
        space = parse_space(space_type, space_id, fields=("space_type", "space_id"))
        asked = resolve_names([n for n in names or () if n], per_space=space is not None)
        today = today_in(org)
        metrics = [m for _, m in asked]
        async with ctx.sessionmaker() as session:
            if space is not None and not await space_shows_metrics(session, organization_id=org.id, space=space):
                return []
            key = space or ORGANIZATION
            live = await live_figures(
                session,
                organization_id=org.id,
                time_zone=org.time_zone,
                metrics=metrics,
                spaces=None if space is None else [space],
            )
            days = await stored_days(
                session, organization_id=org.id, names=[m.name for m in metrics], space=key, before=today
            )
        out: list[Metric | None] = []
        for name, metric in asked:
            figure = live.get((metric.name, key))
            count, added = (figure.count, figure.today) if figure else (0, 0)
            history: list[MetricHistory | None] = [
                MetricHistory(key=d.day.isoformat(), value=d.cumulative, quantity=d.quantity) for d in days[metric.name]
            ]
            history.append(MetricHistory(key=today.isoformat(), value=count, quantity=added))
            out.append(Metric(name=name, count=count, history=history))
        return out

    @strawberry.field(
        description="Participa: participation figures split by space, scope, category or week, optionally within "
        "one space and between two days (inclusive, in the organization's time zone). People (participants, "
        "followers) are counted once per row. Spaces that hide their metrics get no row by SPACE or CATEGORY."
    )
    async def participation_breakdown(
        self,
        info: Info,
        *,
        by: BreakdownDimension,  # type: ignore[valid-type]
        names: list[str] | None = None,
        space_type: str | None = None,
        space_id: int | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> list[BreakdownRow]:
        ctx = info.context
        org = ctx.organization
        space = parse_space(space_type, space_id, fields=("spaceType", "spaceId"))
        asked = resolve_names(names, per_space=space is not None or by is not Dimension.WEEK)
        if from_ is not None and to is not None and from_ > to:
            raise BadUserInput("`from` is after `to`.", fields={"from": "after to"})
        async with ctx.sessionmaker() as session:
            if space is not None and not await space_shows_metrics(session, organization_id=org.id, space=space):
                return []
            rows = await breakdown(
                session,
                organization=org,
                metrics=[m for _, m in asked],
                by=Dimension(by),
                space=space,
                start=from_,
                end=to,
            )
        return [
            BreakdownRow(
                key=row.key,
                week_start=row.week_start,
                figures=[BreakdownFigure(name=name, count=row.counts.get(metric.name, 0)) for name, metric in asked],
                space_key=row.space,
                scope_id=row.scope_id,
                category_id=row.category_id,
            )
            for row in rows
        ]
