"""Pieces of SQL the open-data statements share: public authors, spaces' Decidim names, step settings.

Every helper returns a clause or a column expression, never runs a statement: an entity stays one
SELECT that the exporter streams.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Text, and_, case, cast, func, literal, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import aliased

import models
from models.kinds import DECIDIM_CLASS_NAMES, SpaceKind
from resolvers.visibility import user_visible

if TYPE_CHECKING:
    from resolvers.visibility import Scope

EMPTY_TRANSLATION: ColumnElement[Any] = cast(literal("{}"), JSONB)
"""A translated value with no text: what a withheld translated column holds (empty cells once flattened)."""


def space_type(kind_col: Any) -> ColumnElement[str]:
    """The Decidim class name of a space kind column (``Decidim::ParticipatoryProcess``), else empty."""
    names = {kind.value: DECIDIM_CLASS_NAMES[kind.value] for kind in SpaceKind}
    return case(names, value=kind_col, else_="")


def public_author(key_col: Any, scope: Scope) -> tuple[Any, ColumnElement[bool]]:
    """An alias of ``users`` and the LEFT JOIN condition that finds the row ``key_col`` names only when
    the public may see it (``visibility.user_visible``): a deleted, blocked or unconfirmed account, or one
    of another organization, joins nothing and leaves the author columns empty."""
    author = aliased(models.User)
    shown = select(models.User.id).where(user_visible(scope))  # type: ignore[arg-type, call-overload]
    return author, and_(author.id == key_col, author.id.in_(shown))  # type: ignore[arg-type, union-attr]


def step_setting(component_id: Any, key: str) -> ColumnElement[str | None]:
    """The text of one step setting in force for the component ``component_id`` names: the active step's
    own settings when the component has some for it, else its default step settings (as
    ``resolvers.components.settings``). Null when the stored settings lack the key (the manifest's
    default then applies; callers say which)."""
    c = aliased(models.Component)
    s = models.ParticipatoryProcessStep
    active = (
        select(s.id)  # type: ignore[call-overload]
        .where(
            s.process_id == c.space_id,
            c.space_kind == SpaceKind.PARTICIPATORY_PROCESS.value,
            s.active.is_(True),  # type: ignore[attr-defined]
        )
        .limit(1)
        .scalar_subquery()
    )
    # jsonb -> NULL is NULL: without an active step, the default step settings apply.
    own = c.step_settings.op("->")(cast(active, Text))  # type: ignore[attr-defined]
    chosen = case((own.is_not(None), own), else_=c.default_step_settings)
    return (
        select(chosen.op("->>")(key))
        .where(c.id == component_id)  # type: ignore[arg-type]
        .scalar_subquery()
    )


def step_flag(component_id: Any, key: str, *, default: bool) -> ColumnElement[bool]:
    """A boolean step setting in force (see :func:`step_setting`), ``default`` when it is not stored."""
    return func.coalesce(step_setting(component_id, key), literal("true" if default else "false")) == "true"
