"""The daily aggregation: ``metrics`` rows for a range of days, recomputed set-based and idempotently.

For each metric, two statements in the caller's transaction: delete the range's rows, then insert
one row per group (the organization, each space) and day from the group's first event to the end of
the range, with what the day added (``quantity``: subjects first counted that day) and the total at
the end of the day (``cumulative``, a running sum). Days are the organization's local days. The
figures reflect the content as it is when computed: re-running a past day after a moderation or an
unpublication gives the corrected figures, and re-running an unchanged range gives the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, Integer, delete, func, literal, select, true, union_all
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import insert

import models
from resolvers.errors import BadUserInput
from resolvers.metrics.definitions import METRICS, Metric, placed_events, public_scope, table
from resolvers.metrics.queries import local_day, today_in

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(slots=True)
class ComputeReport:
    start: date | None
    end: date | None
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


async def default_range(session: AsyncSession, *, organization: models.Organization) -> tuple[date | None, date]:
    """From the day after the last computed day (or the organization's first activity) to yesterday."""
    end = today_in(organization) - timedelta(days=1)
    m = table(models.MetricDay)
    last = await session.scalar(select(func.max(m.c.day)).where(m.c.organization_id == organization.id))
    if last is not None:
        return last + timedelta(days=1), end
    ev = placed_events(public_scope(organization.id), list(METRICS.values()))
    first = await session.scalar(select(func.min(local_day(ev, organization.time_zone))))
    return first, end


async def compute_metric(
    session: AsyncSession,
    *,
    organization: models.Organization,
    metric: Metric,
    start: date,
    end: date,
    stamp: datetime | None = None,
) -> int:
    """Replace ``metric``'s rows of days ``start..end``; returns the number of rows written."""
    m = table(models.MetricDay)
    await session.execute(
        delete(m).where(
            m.c.organization_id == organization.id, m.c.name == metric.name, m.c.day >= start, m.c.day <= end
        )
    )
    computed_at = func.now() if stamp is None else literal(stamp, DateTime(timezone=True))
    ev = placed_events(public_scope(organization.id), [metric])
    day = local_day(ev, organization.time_zone)
    groups = [
        select(literal(models.ORGANIZATION_WIDE).label("sk"), literal(0).label("sid"), ev.c.subject_id, day.label("d"))
    ]
    if not metric.organization_wide_only:
        groups.append(
            select(ev.c.space_kind.label("sk"), ev.c.space_id.label("sid"), ev.c.subject_id, day.label("d")).where(
                ev.c.space_kind.is_not(None)
            )
        )
    grouped = union_all(*groups).cte("grouped")
    firsts = (
        select(grouped.c.sk, grouped.c.sid, func.min(grouped.c.d).label("d"))
        .where(grouped.c.d <= end)
        .group_by(grouped.c.sk, grouped.c.sid, grouped.c.subject_id)
        .cte("firsts")
    )
    daily = (
        select(firsts.c.sk, firsts.c.sid, firsts.c.d, func.count().label("q"))
        .group_by(firsts.c.sk, firsts.c.sid, firsts.c.d)
        .cte("daily")
    )
    base = (
        select(
            daily.c.sk,
            daily.c.sid,
            func.coalesce(func.sum(daily.c.q).filter(daily.c.d < start), 0).label("base"),
        )
        .group_by(daily.c.sk, daily.c.sid)
        .cte("base")
    )
    offsets = func.generate_series(0, (end - start).days).table_valued("n").render_derived("offsets")
    days = select((literal(start, Date) + offsets.c.n).label("day")).cte("days")
    quantity = func.coalesce(daily.c.q, 0)
    running = base.c.base + func.sum(quantity).over(partition_by=(base.c.sk, base.c.sid), order_by=days.c.day)
    grid = (
        select(
            base.c.sk,
            base.c.sid,
            days.c.day,
            sql_cast(quantity, Integer).label("quantity"),
            sql_cast(running, Integer).label("cumulative"),
        )
        .select_from(
            base.join(days, true()).outerjoin(
                daily, (daily.c.sk == base.c.sk) & (daily.c.sid == base.c.sid) & (daily.c.d == days.c.day)
            )
        )
        .subquery("grid")
    )
    rows = select(
        literal(organization.id),
        literal(metric.name),
        grid.c.sk,
        grid.c.sid,
        grid.c.day,
        grid.c.quantity,
        grid.c.cumulative,
        computed_at,
    ).where(grid.c.cumulative > 0)
    stmt = insert(m).from_select(
        ["organization_id", "name", "space_kind", "space_id", "day", "quantity", "cumulative", "computed_at"], rows
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["organization_id", "name", "space_kind", "space_id", "day"],
        set_={"quantity": stmt.excluded.quantity, "cumulative": stmt.excluded.cumulative, "computed_at": computed_at},
    )
    result = await session.execute(stmt)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def compute(
    session: AsyncSession,
    *,
    organization: models.Organization,
    start: date | None = None,
    end: date | None = None,
    names: Sequence[str] | None = None,
    on_metric: Callable[[str, int], Any] | None = None,
    stamp: datetime | None = None,
) -> ComputeReport:
    """Compute ``names`` (every metric by default) for days ``start..end`` (see ``default_range``).

    The caller commits: the whole range is one transaction, so a failure changes nothing. ``stamp`` is
    the ``computed_at`` written (the database's clock by default; the demo seed fixes it so two seeds
    write identical rows).
    """
    if start is None or end is None:
        default_start, default_end = await default_range(session, organization=organization)
        start = start or default_start
        end = end or default_end
    report = ComputeReport(start=start, end=end)
    if start is None or start > end:
        return report
    if (end - start).days > 366 * 20:
        msg = "Compute at most twenty years at once."
        raise BadUserInput(msg, fields={"from": "range too long"})
    unknown = [n for n in names or () if n not in METRICS]
    if unknown:
        msg = f"Unknown metrics: {', '.join(unknown)}; valid names: {', '.join(METRICS)}."
        raise BadUserInput(msg, fields={"names": "unknown metric"})
    for name in names or list(METRICS):
        written = await compute_metric(
            session, organization=organization, metric=METRICS[name], start=start, end=end, stamp=stamp
        )
        report.rows[name] = written
        if on_metric is not None:
            on_metric(name, written)
    return report
