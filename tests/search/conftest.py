"""Helpers for search specifications: builders for what ``Make`` lacks, and a ``search`` runner."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import Make, tr

SCOPES = frozenset({"api:read", "api:write"})


def fr(text: str) -> dict[str, str]:
    """A text written in French only."""
    return {"fr": text}


SEARCH = """
query($term: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(term: $term, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { %s }
  }
}
"""


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, scopes=SCOPES)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True, scopes=SCOPES)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


async def post(make: Make, *, component: models.Component | None = None, **kw: Any) -> models.Post:
    component = component or await make.component(manifest_name="blogs")
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr("Nouvelle du blog", "Blog news"),
        "body": tr("<p>Un article.</p>", "<p>An article.</p>"),
        "official": True,
    }
    return await make.save(models.Post(**(defaults | kw)))  # type: ignore[no-any-return]


async def result(make: Make, *, component: models.Component | None = None, **kw: Any) -> models.Result:
    component = component or await make.component(manifest_name="accountability")
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr("Résultat", "Result"),
        "description": tr("Ce qui a été fait.", "What was done."),
    }
    return await make.save(models.Result(**(defaults | kw)))  # type: ignore[no-any-return]


async def comment(
    make: Make,
    *,
    on: models.Proposal,
    author: models.User | None = None,
    parent: models.Comment | None = None,
    **kw: Any,
) -> models.Comment:
    """A comment on a proposal (or a reply to ``parent``), counted on the proposal as the app does."""
    author = author or await make.user()
    defaults: dict[str, Any] = {
        "organization_id": on.organization_id,
        "commentable_kind": "comment" if parent else "proposal",
        "commentable_id": parent.id if parent else on.id,
        "root_kind": "proposal",
        "root_id": on.id,
        "parent_id": parent.id if parent else None,
        "depth": parent.depth + 1 if parent else 0,
        "author_id": author.id,
        "body": tr("Un commentaire."),
    }
    row: models.Comment = await make.save(models.Comment(**(defaults | kw)))
    async with make.sessionmaker() as session:
        p = models.Proposal
        await session.execute(update(p).where(p.id == on.id).values(comments_count=p.comments_count + 1))  # type: ignore[arg-type]
        await session.commit()
    return row


async def change(make: Make, row: Any, **values: Any) -> None:
    """Write ``values`` on ``row`` in its own transaction, as any mutation would."""
    async with make.sessionmaker() as session:
        stored = await session.get(type(row), row.id)
        for name, value in values.items():
            setattr(stored, name, value)
        await session.commit()


async def delete(make: Make, row: Any) -> None:
    async with make.sessionmaker() as session:
        await session.delete(await session.get(type(row), row.id))
        await session.commit()


@pytest.fixture
def search(execute: Any, org: models.Organization) -> Any:
    """``await search("term", selection="id", viewer=..., **variables)`` -> the ``search`` connection (or the body)."""

    async def run(
        term: str,
        *,
        selection: str = "id",
        viewer: Viewer = ANONYMOUS,
        organization: models.Organization | None = None,
        raw: bool = False,
        **variables: Any,
    ) -> Any:
        body = await execute(
            SEARCH % selection, {"term": term, **variables}, organization=organization or org, viewer=viewer
        )
        if raw:
            return body
        assert "errors" not in body, body
        return body["data"]["search"]

    return run


def ids(connection: dict[str, Any]) -> list[str]:
    return [n["id"] for n in connection["nodes"]]
