from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement

import models
from resolvers.loading import many_by_column, one_by_id
from resolvers.visibility import process_visible, visible_process_ids

if TYPE_CHECKING:
    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope


def _step_visible(scope: Scope) -> ColumnElement[bool]:
    return models.ParticipatoryProcessStep.process_id.in_(visible_process_ids(scope))  # type: ignore[attr-defined, no-any-return]


def process_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.ParticipatoryProcess, visible=process_visible)


def processes_by_group(env: LoaderEnv) -> Loader:
    p = models.ParticipatoryProcess
    return many_by_column(env, p, p.process_group_id, visible=process_visible, order_by=(p.weight,))  # type: ignore[arg-type]


def processes_by_type(env: LoaderEnv) -> Loader:
    p = models.ParticipatoryProcess
    return many_by_column(env, p, p.process_type_id, visible=process_visible, order_by=(p.weight,))  # type: ignore[arg-type]


def steps_by_process(env: LoaderEnv) -> Loader:
    s = models.ParticipatoryProcessStep
    return many_by_column(env, s, s.process_id, visible=_step_visible, order_by=(s.position,))  # type: ignore[arg-type]


def step_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.ParticipatoryProcessStep, visible=_step_visible)


def group_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.ParticipatoryProcessGroup)


def type_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.ParticipatoryProcessType)
