"""Builders and helpers for accountability specifications: components, statuses, result trees, milestones."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

import models
from resolvers.viewer import Viewer
from tests.builders import Make, tr

_seq = itertools.count(1)


async def accountability_component(
    make: Make, *, space: models.ParticipatoryProcess | None = None, **kw: Any
) -> models.Component:
    return await make.component(space=space, manifest_name="accountability", **kw)


async def status(make: Make, *, component: models.Component, **kw: Any) -> models.ResultStatus:
    n = next(_seq)
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "key": f"status_{n}",
        "name": tr(f"Statut {n}", f"Status {n}"),
        "position": n,
    }
    return await make.save(models.ResultStatus(**(defaults | kw)))  # type: ignore[no-any-return]


async def result(
    make: Make, *, component: models.Component, parent: models.Result | None = None, **kw: Any
) -> models.Result:
    """A live result; under ``parent``, whose ``children_count`` moves as the API would move it."""
    n = next(_seq)
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "parent_id": parent.id if parent is not None else None,
        "title": tr(f"Résultat {n}", f"Result {n}"),
        "description": tr("Ce qui est fait.", "What is done."),
    }
    row = models.Result(**(defaults | kw))
    async with make.sessionmaker() as session:
        session.add(row)
        if parent is not None:
            r = models.Result
            await session.execute(update(r).where(r.id == parent.id).values(children_count=r.children_count + 1))
        await session.commit()
        await session.refresh(row)
    return row


async def entry(make: Make, *, result: models.Result, entry_date: date, **kw: Any) -> models.TimelineEntry:
    defaults: dict[str, Any] = {
        "organization_id": result.organization_id,
        "result_id": result.id,
        "entry_date": entry_date,
        "title": tr(f"Étape {entry_date}", f"Milestone {entry_date}"),
    }
    return await make.save(models.TimelineEntry(**(defaults | kw)))  # type: ignore[no-any-return]


async def link(make: Make, *, result: models.Result, proposal: models.Proposal) -> models.ResultProposalLink:
    return await make.save(  # type: ignore[no-any-return]
        models.ResultProposalLink(organization_id=result.organization_id, result_id=result.id, proposal_id=proposal.id)
    )


def as_(user: models.User) -> Viewer:
    return Viewer(user_id=user.id)


def as_admin(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, organization_admin=True)


@pytest.fixture
async def org(make: Make) -> models.Organization:
    return await make.org(None)


@pytest.fixture
async def admin(make: Make) -> models.User:
    return await make.user(admin=True, nickname="admin")


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


def error_fields(body: dict[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in body.get("errors", []):
        fields |= error["extensions"].get("fields", {})
    return fields


async def reload(make: Make, row: Any) -> Any:
    """The row as the database has it now."""
    async with make.sessionmaker() as session:
        return await session.get(type(row), row.id)
