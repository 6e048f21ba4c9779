"""Amendments of proposals, as the viewer may see them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, select

import models
from resolvers.loading import many_by_pair
from resolvers.visibility import resource_visible, user_visible

if TYPE_CHECKING:
    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope

DRAFT = "draft"


def amendment_visible(scope: Scope) -> ColumnElement[bool]:
    """Not a draft; the emendation is visible; the amender is a visible participant (never dangling)."""
    a = models.Amendment
    u = models.User
    return and_(
        a.state != DRAFT,  # type: ignore[arg-type]
        resource_visible(a.emendation_kind, a.emendation_id, scope),  # type: ignore[arg-type]
        a.amender_id.in_(select(u.id).where(user_visible(scope))),  # type: ignore[attr-defined,call-overload]
    )


def amendments_by_amendable(env: LoaderEnv) -> Loader:
    """``(kind, id) -> [Amendment]``, oldest first."""
    a = models.Amendment
    return many_by_pair(env, a, (a.amendable_kind, a.amendable_id), visible=amendment_visible)  # type: ignore[arg-type]
