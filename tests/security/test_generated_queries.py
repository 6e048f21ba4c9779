"""Queries generated from the schema never make the API fail unexpectedly.

hypothesis-graphql writes valid documents from the SDL (any field, argument and input value the
schema allows); they run against a small dataset as an anonymous visitor, a participant who is a
member of a private process, and an administrator. Refusals (BAD_USER_INPUT, NOT_FOUND, a limit)
are fine; an INTERNAL_SERVER_ERROR is a bug in a resolver.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes, queries

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import NOW, tr


@dataclass(frozen=True)
class Dataset:
    organization: models.Organization
    ids: tuple[int, ...]
    viewers: tuple[Viewer, ...]


@pytest.fixture
async def dataset(make: Any) -> Dataset:
    """One of each kind of row, a few of them hidden from some viewers."""
    org = await make.org(None)
    member = await make.user(nickname="membre")
    admin = await make.user(nickname="admin", admin=True)
    blocked = await make.user(nickname="bloque", blocked=True)
    group = await make.group(nickname="collectif", verified_at=NOW)
    await make.membership(user=member, group=group)

    department = await make.scope(code="44")
    town = await make.scope(parent_id=department.id, code="44109")
    area_type = await make.area_type()
    area = await make.area(area_type_id=area_type.id)
    process_group = await make.process_group()
    process_type = await make.process_type()
    process = await make.process(
        slug="mobilites",
        scope_id=town.id,
        area_id=area.id,
        process_group_id=process_group.id,
        process_type_id=process_type.id,
        hashtag="velo",
        description=tr("<p>Description</p>"),
    )
    private = await make.process(slug="privee", private_space=True)
    await make.private_member(space=private, user=member)
    draft = await make.process(slug="brouillon", published_at=None)
    await make.link(source=process, target=private)
    await make.link(source=process, target=draft)

    step = await make.step(process=process, active=True)
    category = await make.category(space=process)
    subcategory = await make.category(space=process, parent_id=category.id)
    proposals = await make.component(space=process, manifest_name="proposals")
    meetings = await make.component(space=process, manifest_name="meetings")
    hidden = await make.component(space=process, published_at=None)
    in_private = await make.component(space=private)
    collection = await make.collection(owner=process)
    attachment = await make.attachment(owner=process, attachment_collection_id=collection.id)
    image = await make.attachment(owner=proposals, content_type="image/png", url="https://files.example.org/a.png")
    proposal = await make.proposal(component=proposals, author=member)

    rows = (
        member, admin, blocked, group, department, town, area_type, area, process_group, process_type, process,
        private, draft, step, category, subcategory, proposals, meetings, hidden, in_private, collection,
        attachment, image, proposal,
    )  # fmt: skip
    return Dataset(
        organization=org,
        ids=tuple(row.id for row in rows),
        viewers=(ANONYMOUS, Viewer(user_id=member.id), Viewer(user_id=admin.id, organization_admin=True)),
    )


def id_values(ids: tuple[int, ...]) -> st.SearchStrategy[Any]:
    """Ids of real rows most of the time, and the odd malformed or unknown one."""
    odd = ("", "abc", "-1", "0", "1.5", "99999999999999999999999", "2147483648")
    return st.one_of(st.sampled_from(ids).map(str), st.sampled_from(odd)).map(nodes.String)


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
async def test_no_generated_query_fails_with_an_internal_error(
    app: Any, dataset: Dataset, execute: Any, data: st.DataObject
) -> None:
    sdl = app.state.schema.as_str()
    query = data.draw(queries(sdl, custom_scalars={"ID": id_values(dataset.ids)}), label="query")
    viewer = data.draw(st.sampled_from(dataset.viewers), label="viewer")

    body = await execute(query, organization=dataset.organization, viewer=viewer)

    internal = [e for e in body.get("errors", ()) if e["extensions"]["code"] == "INTERNAL_SERVER_ERROR"]
    assert internal == [], query
    assert all(e["extensions"].get("code") for e in body.get("errors", ())), body
