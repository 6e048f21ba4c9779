"""Accountability results in the open-data export, with the progress the API shows.

A result with children shows the weighted average of its children's progress, itself rolled up from
below and rounded at each level (``resolvers.accountability.progress``). Aggregates cannot sit in the
recursive part of a recursive query, so the roll-up walks the tree bottom-up in a recursive CTE whose
single row carries a JSONB map ``{result id: progress}``: each round adds the results whose live
children are all known. The whole thing stays one SELECT, evaluated once for the statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Float, Numeric, Text, and_, case, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import JSONB

import models
from resolvers.accountability.progress import DECIMALS
from resolvers.open_data.base import Column, Entity
from resolvers.open_data.components import SPACE_COLUMNS, TAXONOMY_COLUMNS, TIMESTAMP_COLUMNS, space_of
from resolvers.visibility import result_visible

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select

    from resolvers.visibility import Scope


def _rolled_up_progress(scope: Scope) -> ColumnElement[Any]:
    """A scalar subquery: the JSONB map of every visible result's displayed progress."""
    r = models.Result
    live = select(r.id, r.parent_id, r.progress, r.weight).where(result_visible(scope)).cte("open_data_live_results")  # type: ignore[call-overload]
    roll = select(cast(literal("{}"), JSONB).label("done"), literal(0).label("round")).cte(
        "open_data_progress", recursive=True
    )
    done = roll.c.done

    def known(col: Any) -> ColumnElement[bool]:
        return done.has_key(cast(col, Text))  # type: ignore[no-any-return]

    def ready_clause(node: Any) -> ColumnElement[bool]:
        kid = live.alias()
        pending_kid = exists().where(kid.c.parent_id == node.c.id, ~known(kid.c.id)).correlate_except(kid)
        return and_(~known(node.c.id), ~pending_kid)

    node = live.alias("node")
    kid = live.alias("kid")
    kid_progress = func.coalesce(cast(done.op("->>")(cast(kid.c.id, Text)), Float), 0.0)
    weight = func.sum(kid.c.weight)
    average = (
        select(case((weight == 0, func.avg(kid_progress)), else_=func.sum(kid_progress * kid.c.weight) / weight))
        .where(kid.c.parent_id == node.c.id)
        .correlate_except(kid)
        .scalar_subquery()
    )
    child = live.alias()
    leaf = ~exists().where(child.c.parent_id == node.c.id).correlate_except(child)
    value = case(
        (leaf, func.to_jsonb(node.c.progress)),
        else_=func.to_jsonb(func.round(cast(average, Numeric), DECIMALS)),
    )
    added = (
        select(func.jsonb_object_agg(cast(node.c.id, Text), value))
        .where(ready_clause(node))
        .correlate_except(node)
        .scalar_subquery()
    )
    other = live.alias()
    roll = roll.union_all(
        select(done.op("||")(added), roll.c.round + 1).where(
            exists().where(ready_clause(other)).correlate_except(other)
        )
    )
    return select(roll.c.done).order_by(roll.c.round.desc()).limit(1).scalar_subquery()


def _results(scope: Scope) -> Select[Any]:
    r = models.Result
    s = models.ResultStatus
    c = models.Component
    rolled = _rolled_up_progress(scope)
    progress = case(
        (r.children_count == 0, r.progress),  # type: ignore[arg-type]
        else_=cast(rolled.op("->>")(cast(r.id, Text)), Float),
    )
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            r.id,
            *space_of(r.component_id),
            r.parent_id,
            r.reference,
            r.external_id,
            r.title,
            r.description,
            r.start_date,
            r.end_date,
            r.status_id,
            s.name,
            progress,
            r.weight,
            r.children_count,
            r.comments_count,
            r.category_id,
            r.scope_id,
            r.created_at,
            r.updated_at,
        )
        .join(c, c.id == r.component_id)  # type: ignore[arg-type]
        .outerjoin(s, and_(s.id == r.status_id, s.component_id == r.component_id))  # type: ignore[arg-type]
        .where(result_visible(scope))
        .order_by(r.id)
    )


RESULTS = Entity(
    name="results",
    description="Results of accountability components in visible spaces (decisions being carried out, as a "
    "tree), except those an administrator deleted.",
    columns=(
        Column("id", "Identifier of the result; also its global id in the GraphQL API."),
        *SPACE_COLUMNS,
        Column("parent_id", "Identifier of the result this one is part of (a row of this file), if any."),
        Column("reference", "Reference code of the result."),
        Column("external_id", "Identifier of the result in another system, if imported from one."),
        Column("title", "Title.", translated=True),
        Column("description", "Description (HTML).", translated=True),
        Column("start_date", "When the work starts (ISO 8601 date)."),
        Column("end_date", "When the work should end (ISO 8601 date)."),
        Column("status_id", "Identifier of the stage the result is in, if set."),
        Column("status_name", "Name of that stage.", translated=True),
        Column(
            "progress",
            "Percent done, 0 to 100. For a result with children, the average of theirs weighted by their "
            "weight (a child without progress counts as 0), rounded to two decimals at each level.",
        ),
        Column("weight", "How much this result counts in its parent's progress."),
        Column("children_count", "How many results sit directly under this one."),
        Column("comments_count", "Comments in its thread."),
        *TAXONOMY_COLUMNS,
        *TIMESTAMP_COLUMNS,
    ),
    select=_results,
)
