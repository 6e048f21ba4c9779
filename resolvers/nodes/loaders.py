"""Global ids: every primary key comes from one sequence, so an id alone names its table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import literal, select, union_all

import models
from resolvers.loading import make_loader

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from sqlalchemy import ColumnElement
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv

# Tables whose rows are GraphQL nodes. Later domains append theirs.
NODE_MODELS: list[type[models.Tenanted]] = [
    models.User,
    models.ParticipatoryProcess,
    models.ParticipatoryProcessStep,
    models.ParticipatoryProcessGroup,
    models.ParticipatoryProcessType,
    models.Assembly,
    models.AssembliesType,
    models.Component,
    models.Category,
    models.Scope,
    models.Area,
    models.AreaType,
    models.Attachment,
    models.AttachmentCollection,
    models.SpaceLink,
    models.Comment,
    models.Proposal,
    models.Meeting,
    models.Survey,
    models.Questionnaire,
    models.Question,
    models.AnswerOption,
    models.MatrixRow,
    models.Result,
    models.ResultStatus,
    models.TimelineEntry,
    models.Post,
    models.Page,
    models.Debate,
    models.Budget,
    models.Project,
]


async def kind_of_id(
    session: AsyncSession, pk: int, organization_id: int, wanted: Sequence[tuple[Any, str, ColumnElement[bool]]]
) -> str | None:
    """Which of ``wanted`` (model, kind, condition) holds ``pk``, in one statement.

    ``""`` when only another node table of the organization holds it (the id names something of
    another kind), ``None`` when nothing does.
    """
    wanted_models = {model for model, _, _ in wanted}
    parts = [select(literal(kind).label("kind")).where(model.id == pk, condition) for model, kind, condition in wanted]
    parts += [
        select(literal("").label("kind")).where(
            model.id == pk,  # type: ignore[arg-type]
            model.organization_id == organization_id,  # type: ignore[arg-type]
        )
        for model in NODE_MODELS
        if model not in wanted_models
    ]
    found = (await session.scalars(union_all(*parts))).first()
    return None if found is None else str(found)


def table_by_id(env: LoaderEnv) -> Loader:
    """``id -> table name`` within the organization, in one UNION ALL statement for a whole batch."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, str]:
        parts = [
            select(model.id.label("id"), literal(model.__tablename__).label("table")).where(  # type: ignore[attr-defined, union-attr]
                model.id.in_(keys),  # type: ignore[union-attr]
                model.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
            )
            for model in NODE_MODELS
        ]
        rows = (await session.execute(union_all(*parts))).all()
        return {row.id: row.table for row in rows}

    return make_loader(env, fn)
