from __future__ import annotations

from typing import TYPE_CHECKING

import models
from resolvers.loading import many_by_column, one_by_id
from resolvers.visibility import assembly_visible

if TYPE_CHECKING:
    from resolvers.loading import Loader, LoaderEnv


def assembly_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Assembly, visible=assembly_visible)


def assemblies_by_parent(env: LoaderEnv) -> Loader:
    """``parent id -> [visible children]``, by weight; ``childrenCount`` counts the same list."""
    a = models.Assembly
    return many_by_column(env, a, a.parent_id, visible=assembly_visible, order_by=(a.weight,))  # type: ignore[arg-type]


def assemblies_by_type(env: LoaderEnv) -> Loader:
    a = models.Assembly
    return many_by_column(env, a, a.assembly_type_id, visible=assembly_visible, order_by=(a.weight,))  # type: ignore[arg-type]


def assemblies_type_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.AssembliesType)
