"""Creating proposals through Decidim's write API (drafts by default), and who may."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.proposals.conftest import BODY, TITLE, as_, attributes, error_codes, listed, proposals_component

CREATE = """
mutation($c: ID!, $input: CreateProposalInput!) {
  component(id: $c) {
    __typename
    ... on ProposalsMutation {
      createProposal(input: $input) {
        id title { translation(locale: "fr") } body { translation(locale: "fr") } address
        publishedAt reference author { nickname } authorsCount versionsCount createdAt
        category { id } scope { id }
      }
    }
  }
}
"""


async def create(execute: Any, org: Any, component: Any, viewer: Viewer | None, **attrs: Any) -> dict[str, Any]:
    variables = {"c": str(component.id), "input": {"attributes": attributes(**attrs)}}
    if viewer is None:
        return await execute(CREATE, variables, organization=org)  # type: ignore[no-any-return]
    return await execute(CREATE, variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]


def created(body: dict[str, Any]) -> Any:
    return ((body.get("data") or {}).get("component") or {}).get("createProposal")


async def test_participant_creates_a_draft_that_only_they_see(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    me = await make.user(nickname="camille")

    body = await create(execute, org, component, as_(me))

    proposal = created(body)
    assert "errors" not in body
    assert proposal | {"id": None, "createdAt": None} == {
        "id": None,
        "title": {"translation": TITLE},
        "body": {"translation": BODY},
        "address": None,
        "publishedAt": None,
        "reference": None,
        "author": {"nickname": "@camille"},
        "authorsCount": 1,
        "versionsCount": 1,
        "createdAt": None,
        "category": None,
        "scope": None,
    }
    assert await listed(execute, org, component) == []
    drafts = await execute(
        "query($c: ID!) { component(id: $c) { ... on Proposals { viewerDrafts { id } } } }",
        {"c": str(component.id)},
        organization=org,
        viewer=as_(me),
    )
    assert drafts["data"]["component"]["viewerDrafts"] == [{"id": proposal["id"]}]


async def test_participant_creates_and_publishes_at_once_with_a_reference(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await proposals_component(make, space=process)
    category = await make.category(space=process)
    scope = await make.scope()
    me = await make.user()

    body = await create(
        execute, org, component, as_(me), publish=True, categoryId=str(category.id), scopeId=str(scope.id)
    )

    proposal = created(body)
    created_at = datetime.fromisoformat(proposal["createdAt"]).astimezone(ZoneInfo(org.time_zone))
    assert proposal["reference"] == f"LA-PROP-{created_at:%Y-%m}-{proposal['id']}"
    assert proposal["publishedAt"] is not None
    assert (proposal["category"], proposal["scope"]) == ({"id": str(category.id)}, {"id": str(scope.id)})
    assert proposal["versionsCount"] == 2  # created, then published
    assert await listed(execute, org, component) == [proposal["id"]]


async def test_participant_proposes_for_a_group_they_belong_to(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    me = await make.user()
    group = await make.group(nickname="collectif")
    await make.membership(user=me, group=group)
    outsider_group = await make.group()

    body = await create(execute, org, component, as_(me), userGroupId=str(group.id))
    refused = await create(execute, org, component, as_(me), userGroupId=str(outsider_group.id))

    assert created(body)["author"] == {"nickname": "@collectif"}
    assert error_codes(refused) == [("FORBIDDEN", "NOT_GROUP_MEMBER")]


@pytest.mark.parametrize(
    ("user_kw", "expected"),
    [
        ({"confirmed_at": None}, ("FORBIDDEN", "UNCONFIRMED")),
        ({"blocked": True}, ("FORBIDDEN", "BLOCKED")),
        ({"deleted_at": NOW}, ("FORBIDDEN", "DELETED")),
    ],
)
async def test_participants_who_may_not_take_part_cannot_create(
    make: Make, execute: Any, org: Any, user_kw: dict[str, Any], expected: tuple[str, str]
) -> None:
    component = await proposals_component(make)
    user = await make.user(**user_kw)

    body = await create(execute, org, component, as_(user))

    assert error_codes(body) == [expected]
    assert body["data"] == {"component": {"__typename": "ProposalsMutation", "createProposal": None}}


async def test_anonymous_visitor_must_sign_in_to_create(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)

    body = await create(execute, org, component, None)

    assert error_codes(body) == [("UNAUTHENTICATED", None)]


async def test_creation_follows_the_step_setting(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, step={"creation_enabled": False})

    body = await create(execute, org, component, as_(await make.user()))

    assert error_codes(body) == [("FORBIDDEN", "CREATION_DISABLED")]


async def test_proposal_limit_counts_drafts_and_published_but_not_withdrawn(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, proposal_limit=2)
    me = await make.user()
    await make.proposal(component=component, author=me, withdrawn_at=NOW)
    await make.proposal(component=component, author=me, published_at=None)

    second = await create(execute, org, component, as_(me))
    third = await create(execute, org, component, as_(me))

    assert "errors" not in second
    assert error_codes(third) == [("FORBIDDEN", "PROPOSAL_LIMIT_REACHED")]


@pytest.mark.parametrize(
    ("attrs", "component_settings", "fields"),
    [
        ({"title": "Trop court"}, {}, {"attributes.title"}),
        ({"title": "t" * 151, "body": "court"}, {}, {"attributes.title", "attributes.body"}),
        ({"body": "b" * 101}, {"proposal_length": 100}, {"attributes.body"}),
        ({"address": "Nantes"}, {}, {"attributes.address"}),
        ({"latitude": 47.2, "longitude": -1.5}, {}, {"attributes.latitude", "attributes.longitude"}),
        ({"latitude": 47.2}, {"geocoding_enabled": True}, {"attributes.latitude"}),
        ({"categoryId": "nope"}, {}, {"attributes.categoryId"}),
    ],
)
async def test_invalid_attributes_are_refused_field_by_field(
    make: Make, execute: Any, org: Any, *, attrs: dict[str, Any], component_settings: dict[str, Any], fields: set[str]
) -> None:
    component = await proposals_component(make, **component_settings)

    body = await create(execute, org, component, as_(await make.user()), **attrs)

    assert error_codes(body) == [("BAD_USER_INPUT", None)]
    assert set(body["errors"][0]["extensions"]["fields"]) == fields


async def test_category_of_another_space_and_scope_of_another_organization_are_refused(
    make: Make, execute: Any, org: Any
) -> None:
    component = await proposals_component(make)
    foreign_category = await make.category(space=await make.process())
    foreign_scope = await make.scope(organization=await make.organization())

    body = await create(
        execute,
        org,
        component,
        as_(await make.user()),
        categoryId=str(foreign_category.id),
        scopeId=str(foreign_scope.id),
    )

    assert set(body["errors"][0]["extensions"]["fields"]) == {"attributes.categoryId", "attributes.scopeId"}


async def test_geolocated_proposal_where_the_component_locates_them(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, geocoding_enabled=True)

    body = await create(
        execute, org, component, as_(await make.user()), address="Place Royale", latitude=47.2, longitude=-1.5
    )

    assert created(body)["address"] == "Place Royale"


async def test_component_mutation_finds_only_published_proposals_components_of_visible_spaces(
    make: Make, execute: Any, org: Any
) -> None:
    me = await make.user()
    unpublished = await make.component(manifest_name="proposals", published_at=None)
    private = await proposals_component(make, space=await make.process(private_space=True))
    pages = await make.component(manifest_name="pages")  # a kind of component that takes no writes
    elsewhere = await proposals_component(make, space=await make.process(organization=await make.organization()))

    for component in (unpublished, private, pages, elsewhere):
        body = await create(execute, org, component, as_(me))
        assert error_codes(body) == [("NOT_FOUND", None)], component.manifest_name
    admin = Viewer(user_id=(await make.user(admin=True)).id, organization_admin=True)
    assert error_codes(await create(execute, org, unpublished, admin)) == [("NOT_FOUND", None)]
