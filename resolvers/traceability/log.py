"""Writing the action log from inside another write's transaction.

Usage, in any mutation's transaction (after the change, before commit)::

    from resolvers.traceability.log import log_action

    async with sessionmaker() as session, session.begin():
        ...  # the change itself
        await log_action(
            session,
            scope,
            action="proposal.answer",               # "<resource>.<verb>", lower case
            resource=("proposal", proposal.id),      # a (kind, id) pair, kinds from models.kinds
            space=("participatory_process", 42),     # or None for organization-wide actions
            changes={"state": ["evaluating", "accepted"]},  # {field: [before, after]}, JSON values
        )

The row is added to the caller's session, so it commits or rolls back with the change it
describes: there is never an entry for a change that did not happen, nor a change without its entry.
Personal data (emails, names) does not belong in ``changes``: the log outlives account deletion.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

import models
from models.action_log import LogVisibility

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

__all__ = ["LogVisibility", "changeset", "log_action"]


def _jsonable(value: Any) -> Any:
    """Values as JSONB stores them: dates as ISO strings, decimals as floats, enums as their values."""
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def changeset(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields whose value differs (a missing field counts as None)."""
    out: dict[str, list[Any]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = _jsonable(before.get(name)), _jsonable(after.get(name))
        if old != new:
            out[name] = [old, new]
    return out


async def log_action(
    session: AsyncSession,
    scope: Scope,
    *,
    action: str,
    resource: tuple[str, int],
    space: tuple[str, int] | None = None,
    changes: Mapping[str, Any] | None = None,
    visibility: LogVisibility = LogVisibility.ADMIN_ONLY,
) -> models.ActionLog:
    """Record that the viewer of ``scope`` did ``action`` on ``resource``, in ``session``'s transaction.

    The row is flushed, so a violated constraint fails the caller's write here rather than at commit.
    """
    resource_kind, resource_id = resource
    space_kind, space_id = space if space is not None else (None, None)
    row = models.ActionLog(
        organization_id=scope.organization_id,
        user_id=scope.viewer.user_id,
        action=action,
        resource_kind=str(resource_kind),
        resource_id=resource_id,
        space_kind=str(space_kind) if space_kind is not None else None,
        space_id=space_id,
        changes=_jsonable(dict(changes or {})),
        visibility=visibility.value,
    )
    session.add(row)
    await session.flush()
    return row
