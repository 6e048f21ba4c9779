"""The tenant: which organization a request is for, and its public figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import any_, func, literal, or_, select

import models
from models.users import UserKind
from resolvers.errors import UnknownOrganization
from resolvers.metrics.definitions import METRICS
from resolvers.metrics.queries import ORGANIZATION, live_figures
from resolvers.visibility import Scope, assembly_visible, process_visible, user_visible

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


def normalise_host(host: str) -> str:
    """``Example.org:8000`` -> ``example.org``; IPv6 literals keep their brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def organization_for_host(session: AsyncSession, host: str) -> models.Organization:
    """The organization serving ``host``; a single-organization install serves every host."""
    o = models.Organization
    name = normalise_host(host)
    literal_host = literal(name)
    stmt = select(o).where(or_(o.host == name, literal_host == any_(o.secondary_hosts))).limit(1)  # type: ignore[arg-type, attr-defined]
    found = (await session.scalars(stmt)).first()
    if found is not None:
        return found
    only = (await session.scalars(select(o).order_by(o.id).limit(2))).all()  # type: ignore[arg-type]
    if len(only) == 1:
        return only[0]
    if not only:
        msg = "No organization exists yet: run `participa seed` or create one."
        raise UnknownOrganization(msg)
    msg = f"No organization is served at host {name!r}."
    raise UnknownOrganization(msg)


async def organization_stats(
    session: AsyncSession, *, organization: models.Organization, scope: Scope
) -> list[tuple[str, int]]:
    """The organization's figures: ``users_count`` and ``processes_count`` always (the spaces as the
    viewer's lists show them), then the non-zero ones among ``assemblies_count`` and the metrics'
    public figures (``proposals_count``, ``supports_count``, ``participants_count``...), which count
    what an anonymous visitor sees whoever asks."""
    u = models.User
    p = models.ParticipatoryProcess
    a = models.Assembly
    users = select(func.count()).select_from(u).where(user_visible(scope), u.kind == UserKind.USER).scalar_subquery()  # type: ignore[arg-type]
    processes = select(func.count()).select_from(p).where(process_visible(scope)).scalar_subquery()
    assemblies = select(func.count()).select_from(a).where(assembly_visible(scope)).scalar_subquery()
    row = (await session.execute(select(users, processes, assemblies))).one()
    out = [("users_count", int(row[0])), ("processes_count", int(row[1]))]
    if row[2]:
        out.append(("assemblies_count", int(row[2])))
    figures = [m for m in METRICS.values() if not m.organization_wide_only and m.stat]
    live = await live_figures(
        session, organization_id=scope.organization_id, time_zone=organization.time_zone, metrics=figures
    )
    for metric in figures:
        figure = live.get((metric.name, ORGANIZATION))
        if figure is not None and figure.count and metric.stat:
            out.append((metric.stat, figure.count))
    return out
