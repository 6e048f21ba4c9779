"""The admin action log of what the seed's staff did: answers, closed meetings, follow-up results.

Entries take the shape resolvers/traceability/log.py writes (``"<resource>.<verb>"``, a ``(kind, id)``
resource, the space, ``{field: [before, after]}`` changes with JSON values), admin-only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import models
from app.seed.plan import Plan, Ref
from models.action_log import LogVisibility


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def log_action(
    plan: Plan,
    *,
    space: tuple[str, Ref],
    who: Ref,
    action: str,
    resource: tuple[str, Ref],
    changes: dict[str, Any],
    when: datetime,
) -> None:
    """One admin-only entry, inside the unit of ``space`` (it lives and dies with the space's rows)."""
    plan.child(
        models.ActionLog,
        of=space[1],
        user_id=who,
        action=action,
        resource_kind=resource[0],
        resource_id=resource[1],
        space_kind=space[0],
        space_id=space[1],
        changes={name: [None, _jsonable(value)] for name, value in changes.items() if value is not None},
        visibility=LogVisibility.ADMIN_ONLY.value,
        created_at=when,
    )
