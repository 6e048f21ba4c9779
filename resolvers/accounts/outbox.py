"""Outgoing email, recorded in the outbox inside the transaction that causes it.

Delivery happens after commit, outside this layer: a ``Mailer`` (given by the application) is
told which outbox rows to send. A failed delivery never undoes the action that queued it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import models

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession


class Mailer(Protocol):
    def schedule(self, email_ids: Sequence[int]) -> None:
        """Deliver these outbox rows once the response is on its way."""


async def record_email(
    session: AsyncSession,
    *,
    organization_id: int,
    to_address: str,
    kind: str,
    subject: str,
    body: str,
    meta: dict[str, object] | None = None,
) -> int:
    row = models.OutboxEmail(
        organization_id=organization_id,
        to_address=to_address,
        kind=kind,
        subject=subject,
        body=body,
        meta=meta or {},
    )
    session.add(row)
    await session.flush()
    assert row.id is not None  # noqa: S101 - flushed rows have their id
    return row.id


def schedule(mailer: Mailer | None, email_ids: Sequence[int]) -> None:
    if mailer is not None and email_ids:
        mailer.schedule(email_ids)
