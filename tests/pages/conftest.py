"""Builders for pages specifications."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import Make, tr

_seq = itertools.count(1)


async def pages_component(
    make: Make, *, space: models.ParticipatoryProcess | None = None, **kw: Any
) -> models.Component:
    return await make.component(space=space, manifest_name="pages", **kw)


async def page(make: Make, *, component: models.Component | None = None, **kw: Any) -> models.Page:
    component = component or await pages_component(make)
    n = next(_seq)
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr(f"Page {n}"),
        "body": tr(f"<p>Contenu {n}</p>", f"<p>Content {n}</p>"),
    }
    return await make.save(models.Page(**(defaults | kw)))  # type: ignore[no-any-return]


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)
