"""Who is calling: the request's host gives the organization; the viewer is anonymous for now."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from resolvers.organization.queries import normalise_host, organization_for_host
from resolvers.viewer import ANONYMOUS, Viewer

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
    from starlette.requests import HTTPConnection

    import models


class OrganizationCache:
    """Host -> organization, kept a few seconds so each request does not pay a lookup."""

    def __init__(self, ttl_seconds: float = 5.0) -> None:
        self.ttl = ttl_seconds
        self._entries: dict[str, tuple[float, models.Organization]] = {}

    async def get(self, host: str, sessionmaker: async_sessionmaker[AsyncSession]) -> models.Organization:
        key = normalise_host(host)
        now = time.monotonic()
        hit = self._entries.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        async with sessionmaker() as session:
            org = await organization_for_host(session, key)
        self._entries[key] = (now, org)
        return org

    def clear(self) -> None:
        self._entries.clear()


def request_host(conn: HTTPConnection) -> str:
    return conn.headers.get("host") or (conn.url.hostname or "")


async def viewer_for(conn: HTTPConnection) -> Viewer:  # noqa: ARG001 - bearer tokens arrive with accounts
    return ANONYMOUS
