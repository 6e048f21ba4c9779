"""What every admin mutation shares: finding the space it acts on, checking inputs, logging.

Each admin mutation follows the same order: validate the input (``BAD_USER_INPUT`` with the
offending fields, nothing written) -> find the target in the viewer's organization (``NOT_FOUND``
otherwise, so ids of other organizations reveal nothing) -> ``permissions.require`` -> one
transaction that also writes the action log -> the caller clears the request's loaders.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col

import models
from models.kinds import SpaceKind
from resolvers.errors import BadUserInput, NotFound, Unauthenticated
from resolvers.permissions import Action, require
from resolvers.traceability.log import changeset, log_action

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

Space = models.ParticipatoryProcess | models.Assembly
SPACE_MODELS: dict[SpaceKind, type[Space]] = {
    SpaceKind.PARTICIPATORY_PROCESS: models.ParticipatoryProcess,
    SpaceKind.ASSEMBLY: models.Assembly,
}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,253}$")


def signed_in(scope: Scope) -> None:
    """Anonymous callers learn they must sign in before anything about the target is looked up."""
    if scope.viewer.user_id is None:
        msg = "Sign in to do this."
        raise Unauthenticated(msg)


async def find_space(
    session: AsyncSession, scope: Scope, space_id: int, *, lock: bool = False, kind: SpaceKind | None = None
) -> tuple[SpaceKind, Space]:
    """A process or an assembly (only ``kind``, when given) of the viewer's organization.

    Ids are global (one sequence), so an id names at most one space of any kind.
    """
    for space_kind, model in SPACE_MODELS.items():
        if kind is not None and space_kind != kind:
            continue
        stmt = select(model).where(col(model.id) == space_id, col(model.organization_id) == scope.organization_id)
        if lock:
            stmt = stmt.with_for_update()
        row = await session.scalar(stmt)
        if row is not None:
            return space_kind, row  # type: ignore[return-value]
    msg = "No participatory space with this id."
    raise NotFound(msg, fields={"spaceId": "not found"})


async def guard_space(
    session: AsyncSession,
    scope: Scope,
    space_id: int,
    *,
    action: Action,
    lock: bool = False,
    kind: SpaceKind | None = None,
) -> tuple[SpaceKind, Space]:
    signed_in(scope)
    kind, space = await find_space(session, scope, space_id, lock=lock, kind=kind)
    await require(session, scope, action=action, space_kind=kind, space_id=space.id)
    return kind, space


async def find_in_org(session: AsyncSession, scope: Scope, model: Any, row_id: int, *, field: str) -> Any:
    row = await session.scalar(
        select(model).where(col(model.id) == row_id, col(model.organization_id) == scope.organization_id)
    )
    if row is None:
        msg = f"Nothing with this {field}."
        raise NotFound(msg, fields={field: "not found"})
    return row


def check_translations(value: object, *, field: str, errors: dict[str, str], required: bool = False) -> None:
    """A translated text is an object of texts by locale: ``{"fr": "...", "en": "..."}``."""
    if value is None:
        if required:
            errors[field] = "required"
        return
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        errors[field] = 'expected an object of texts by locale, e.g. {"fr": "…"}'
    elif required and not any(v.strip() for v in value.values()):
        errors[field] = "required"


def raise_if(errors: Mapping[str, str]) -> None:
    if errors:
        msg = "Some fields are invalid: " + ", ".join(f"{k} ({v})" for k, v in errors.items()) + "."
        raise BadUserInput(msg, fields=errors)


def apply(row: Any, changes: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set ``changes`` on ``row`` and return the ``{field: [before, after]}`` the action log keeps."""
    before = {name: getattr(row, name) for name in changes}
    for name, value in changes.items():
        setattr(row, name, value)
    return changeset(before, dict(changes))


async def log(
    session: AsyncSession,
    scope: Scope,
    *,
    action: str,
    resource: tuple[str, int | None],
    space: tuple[str, int | None] | None = None,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """``log_action`` for rows that are flushed, so their ids are set."""
    await log_action(
        session, scope, action=action, resource=_flushed(resource), space=_flushed(space) if space else None,
        changes=changes,
    )  # fmt: skip


def _flushed(pair: tuple[str, int | None]) -> tuple[str, int]:
    kind, row_id = pair
    if row_id is None:
        msg = f"{kind} has no id yet: flush before logging"
        raise RuntimeError(msg)
    return kind, row_id
