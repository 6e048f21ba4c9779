"""Every open-data entity keeps the contract of resolvers/open_data/base.py, and none leaks private data."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

import models
from models.kinds import ResourceKind, SpaceKind
from resolvers.open_data.base import Column, Entity
from resolvers.open_data.entities import OPEN_DATA_ENTITIES
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import Scope
from tests.builders import NOW, Make, tr

NAMES = [e.name for e in OPEN_DATA_ENTITIES]
FORBIDDEN = re.compile(r"email|password|token|(^|_)ip($|_)")


def test_registry_names_each_file_once_in_decidims_names() -> None:
    assert NAMES == [
        "participatory_processes",
        "assemblies",
        "proposals",
        "proposal_comments",
        "meetings",
        "meeting_comments",
        "results",
        "result_comments",
        "posts",
        "post_comments",
        "pages",
        "debates",
        "debate_comments",
        "projects",
        "project_comments",
        "users",
        "metrics",
    ]


@pytest.mark.parametrize("entity", OPEN_DATA_ENTITIES, ids=NAMES)
def test_every_entity_and_column_is_described_and_names_are_unique(entity: Entity) -> None:
    assert entity.description.strip()
    assert all(c.description.strip() for c in entity.columns)
    names = [c.name for c in entity.columns]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


@pytest.mark.parametrize("entity", OPEN_DATA_ENTITIES, ids=NAMES)
def test_no_column_is_named_after_a_secret(entity: Entity) -> None:
    assert [c.name for c in entity.columns if FORBIDDEN.search(c.name)] == []


def test_headers_flatten_translated_columns_per_locale() -> None:
    entity = Entity(
        name="x",
        description="x",
        columns=(Column("id", "i"), Column("title", "t", translated=True), Column("day", "d")),
        select=lambda _scope: None,  # type: ignore[arg-type, return-value]
    )
    assert entity.headers(("fr", "en")) == ["id", "title/fr", "title/en", "day"]
    proposals = next(e for e in OPEN_DATA_ENTITIES if e.name == "proposals")
    headers = proposals.headers(("fr", "en"))
    assert [h for h in headers if h.startswith(("title/", "body/"))] == ["title/fr", "title/en", "body/fr", "body/en"]
    translated = sum(c.translated for c in proposals.columns)
    assert len(headers) == len(proposals.columns) + translated


async def seed(make: Make, org: models.Organization, n: int) -> None:
    """``n`` of everything each file exports, each with a public author and a comment, plus a metric."""
    process = await make.process(organization=org)
    assembly = await make.assembly(organization=org)
    components = {
        name: await make.component(space=process if name != "meetings" else assembly, manifest_name=name)
        for name in ("proposals", "meetings", "debates", "blogs", "pages", "budgets", "accountability")
    }
    budget = await make.budget(component=components["budgets"])
    for i in range(n):
        author = await make.user(organization=org)
        group = await make.group(organization=org)
        proposal = await make.proposal(component=components["proposals"], author=author, user_group=group)
        meeting = await make.meeting(component=components["meetings"], author=author)
        debate = await make.debate(component=components["debates"], author=author)
        post = await make.save(
            models.Post(
                organization_id=org.id,
                component_id=components["blogs"].id,
                title=tr("Nouvelles"),
                body=tr("Texte"),
                author_id=author.id,
                published_at=NOW,
            )
        )
        await make.save(
            models.Page(organization_id=org.id, component_id=components["pages"].id, title=tr("P"), body=tr("B"))
        )
        project = await make.project(budget=budget)
        parent = await make.save(
            models.Result(
                organization_id=org.id,
                component_id=components["accountability"].id,
                title=tr("R"),
                children_count=1,
            )
        )
        result = await make.save(
            models.Result(
                organization_id=org.id,
                component_id=components["accountability"].id,
                title=tr("R"),
                parent_id=parent.id,
                progress=10.0 * i,
            )
        )
        for kind, target in (
            (ResourceKind.PROPOSAL, proposal),
            (ResourceKind.MEETING, meeting),
            (ResourceKind.DEBATE, debate),
            (ResourceKind.POST, post),
            (ResourceKind.PROJECT, project),
            (ResourceKind.RESULT, result),
        ):
            top = await make.save(
                models.Comment(
                    organization_id=org.id,
                    commentable_kind=kind,
                    commentable_id=target.id,
                    root_kind=kind,
                    root_id=target.id,
                    author_id=author.id,
                    body={"fr": "Avis"},
                )
            )
            await make.save(
                models.Comment(
                    organization_id=org.id,
                    commentable_kind=ResourceKind.COMMENT,
                    commentable_id=top.id,
                    root_kind=kind,
                    root_id=target.id,
                    parent_id=top.id,
                    depth=1,
                    author_id=author.id,
                    user_group_id=group.id,
                    body={"fr": "Réponse"},
                )
            )
        await make.save(
            models.MetricDay(
                organization_id=org.id,
                name="proposals",
                space_kind=SpaceKind.PARTICIPATORY_PROCESS,
                space_id=process.id,
                day=date(2026, 1, i + 1),
                quantity=1,
                cumulative=i + 1,
            )
        )


async def run_all(app: Any, org: models.Organization) -> dict[str, list[tuple[Any, ...]]]:
    scope = Scope(organization_id=org.id, viewer=ANONYMOUS)  # type: ignore[arg-type]
    out: dict[str, list[tuple[Any, ...]]] = {}
    async with app.state.sessionmaker() as session:
        for entity in OPEN_DATA_ENTITIES:
            out[entity.name] = [tuple(r) for r in (await session.execute(entity.select(scope))).all()]
    return out


async def test_each_statement_yields_its_columns_in_one_statement_whatever_the_row_count(
    app: Any, make: Make, count_queries: Any
) -> None:
    org = await make.org(None)
    await seed(make, org, 1)
    with count_queries() as few:
        small = await run_all(app, org)
    await seed(make, org, 3)
    with count_queries() as many:
        large = await run_all(app, org)

    assert few.count == many.count == len(OPEN_DATA_ENTITIES)
    for entity in OPEN_DATA_ENTITIES:
        assert small[entity.name], entity.name
        assert len(large[entity.name]) > len(small[entity.name]), entity.name
        assert {len(row) for row in large[entity.name]} == {len(entity.columns)}, entity.name
        ids = [row[0] for row in large[entity.name]]
        if entity.name != "metrics":
            assert ids == sorted(ids), entity.name


async def test_no_cell_of_any_file_holds_an_email_address(app: Any, make: Make) -> None:
    org = await make.org(None)
    await seed(make, org, 2)
    await make.user(organization=org, email="private.person@example.org", nickname="private")
    async with app.state.sessionmaker() as session:
        emails = set((await session.scalars(select(models.User.email).where(models.User.email.is_not(None)))).all())  # type: ignore[union-attr]
    assert "private.person@example.org" in emails

    cells = [str(v) for rows in (await run_all(app, org)).values() for row in rows for v in row]

    assert "private" in cells  # the participant is exported, by nickname
    assert [c for c in cells if "@" in c or c in emails] == []
