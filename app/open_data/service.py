"""The current files of an organization for web requests: generated on demand, once at a time.

Within one process an ``asyncio.Lock`` per organization lets one request generate while the others
wait for it, or, when older files exist, answer those at once. Across processes the exporter's
PostgreSQL advisory lock does the same (see app.open_data.exporter).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from app.open_data.exporter import expected_fingerprint, export, is_usable
from app.open_data.manifest import organization_dir, read_manifest

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    import models
    from app.open_data.manifest import Manifest
    from app.settings import OpenDataSettings


class OpenDataFiles:
    """Per-process coordinator of on-demand generations (kept in ``app.state.open_data``)."""

    def __init__(self, settings: OpenDataSettings) -> None:
        self.settings = settings
        self._locks: dict[int, asyncio.Lock] = {}

    def root(self, organization_id: int) -> Path:
        return organization_dir(self.settings, organization_id)

    async def current(self, engine: AsyncEngine, organization: models.Organization) -> Manifest:
        """Fresh files, generating them when missing or older than ``max_age_seconds``."""
        assert organization.id is not None  # noqa: S101 - a saved row
        expected = expected_fingerprint(organization, self.settings)
        existing = read_manifest(self.root(organization.id))
        if existing is not None and is_usable(existing, settings=self.settings, expected=expected):
            return existing
        lock = self._locks.setdefault(organization.id, asyncio.Lock())
        if lock.locked() and existing is not None:
            # Someone in this process is generating: the previous files are good enough meanwhile.
            return existing
        async with lock:
            outcome = await export(
                engine, organization, self.settings, only_if_stale=True, previous_if_busy=existing is not None
            )
        return outcome.manifest
