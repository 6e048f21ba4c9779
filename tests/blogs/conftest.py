"""Builders and helpers for blog specifications: blog components, posts, endorsements."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

import models
from models.kinds import ResourceKind
from resolvers.viewer import Viewer
from tests.builders import NOW, Make, tr

_seq = itertools.count(1)


async def blog(make: Make, *, space: models.ParticipatoryProcess | None = None, **kw: Any) -> models.Component:
    return await make.component(space=space, manifest_name="blogs", **kw)


async def post(
    make: Make, *, component: models.Component | None = None, author: models.User | None = None, **kw: Any
) -> models.Post:
    """A published post, by ``author`` or (without one) the organization itself."""
    component = component or await blog(make)
    n = next(_seq)
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr(f"Actualité {n}", f"News {n}"),
        "body": tr(f"Le texte de l'actualité {n}.", f"The text of news {n}."),
        "published_at": NOW,
        "author_id": author.id if author is not None else None,
        "official": author is None and kw.get("user_group_id") is None,
    }
    return await make.save(models.Post(**(defaults | kw)))  # type: ignore[no-any-return]


async def endorse(make: Make, *, post: models.Post, author: models.User, group: models.User | None = None) -> None:
    """An endorsement, with the post's counter moved as the API would."""
    async with make.sessionmaker() as session:
        session.add(
            models.Endorsement(
                organization_id=post.organization_id,
                resource_kind=ResourceKind.POST.value,
                resource_id=post.id,
                author_id=author.id,
                user_group_id=group.id if group is not None else None,
            )
        )
        p = models.Post
        await session.execute(update(p).where(p.id == post.id).values(endorsements_count=p.endorsements_count + 1))
        await session.commit()


def in_days(days: float) -> datetime:
    """An instant relative to the real clock: the database's now() decides what is published."""
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)
