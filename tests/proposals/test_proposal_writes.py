"""Creating, publishing, editing and withdrawing proposals through Decidim's write API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import models
from resolvers.viewer import Viewer
from tests.builders import NOW, Make
from tests.proposals.conftest import acted, action, as_, error_codes, proposals_component

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

TITLE = "Une piste cyclable rue de Rennes"
BODY = "Pour aller au travail en sécurité."


def attributes(**kw: Any) -> dict[str, Any]:
    return {"title": TITLE, "body": BODY} | kw


async def create(execute: Any, org: Any, component: Any, viewer: Viewer | None, **attrs: Any) -> dict[str, Any]:
    variables = {"c": str(component.id), "input": {"attributes": attributes(**attrs)}}
    if viewer is None:
        return await execute(CREATE, variables, organization=org)  # type: ignore[no-any-return]
    return await execute(CREATE, variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]


def created(body: dict[str, Any]) -> Any:
    return ((body.get("data") or {}).get("component") or {}).get("createProposal")


LIST = "query($c: ID!) { component(id: $c) { ... on Proposals { proposals { nodes { id } } } } }"


async def listed(execute: Any, org: Any, component: Any) -> list[str]:
    body = await execute(LIST, {"c": str(component.id)}, organization=org)
    return [n["id"] for n in body["data"]["component"]["proposals"]["nodes"]]


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
    meetings = await make.component(manifest_name="meetings")
    elsewhere = await proposals_component(make, space=await make.process(organization=await make.organization()))

    for component in (unpublished, private, meetings, elsewhere):
        body = await create(execute, org, component, as_(me))
        assert error_codes(body) == [("NOT_FOUND", None)], component.manifest_name
    admin = Viewer(user_id=(await make.user(admin=True)).id, organization_admin=True)
    assert error_codes(await create(execute, org, unpublished, admin)) == [("NOT_FOUND", None)]


# -- publish -------------------------------------------------------------------------------------


async def test_author_publishes_their_draft(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    me = await make.user()
    draft = await make.proposal(component=component, author=me, published_at=None)
    variables = {"component": str(component.id), "id": str(draft.id)}

    body = await execute(
        action("publish", selection="publishedAt reference"), variables, organization=org, viewer=as_(me)
    )
    again = await execute(action("publish"), variables, organization=org, viewer=as_(me))

    assert acted(body, "publish")["reference"].endswith(f"-{draft.id}")
    assert error_codes(again) == [("CONFLICT", "ALREADY_PUBLISHED")]
    assert await listed(execute, org, component) == [str(draft.id)]


async def test_nobody_else_reaches_a_draft(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    draft = await make.proposal(component=component, published_at=None)
    variables = {"component": str(component.id), "id": str(draft.id)}

    body = await execute(action("publish"), variables, organization=org, viewer=as_(await make.user()))

    assert error_codes(body) == [("NOT_FOUND", None)]


async def test_publishing_respects_the_proposal_limit(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, proposal_limit=1)
    me = await make.user()
    await make.proposal(component=component, author=me)
    draft = await make.proposal(component=component, author=me, published_at=None)

    body = await execute(
        action("publish"), {"component": str(component.id), "id": str(draft.id)}, organization=org, viewer=as_(me)
    )

    assert error_codes(body) == [("FORBIDDEN", "PROPOSAL_LIMIT_REACHED")]


# -- update --------------------------------------------------------------------------------------

UPDATE_SELECTION = 'title { translation(locale: "fr") } address versionsCount versions { changeset }'


def update(**attrs: Any) -> str:
    return action("update", input="$input", selection=UPDATE_SELECTION).replace(
        "mutation($component: ID!, $id: ID!)", "mutation($component: ID!, $id: ID!, $input: UpdateProposalInput!)"
    )


async def _update(execute: Any, org: Any, proposal: Any, who: models.User, **attrs: Any) -> dict[str, Any]:
    variables = {
        "component": str(proposal.component_id),
        "id": str(proposal.id),
        "input": {"attributes": attributes(**attrs)},
    }
    return await execute(update(), variables, organization=org, viewer=as_(who))  # type: ignore[no-any-return]


async def test_author_edits_within_the_edit_window_and_the_change_is_recorded(
    make: Make, execute: Any, org: Any
) -> None:
    component = await proposals_component(make, geocoding_enabled=True)
    me = await make.user()
    proposal = await make.proposal(
        component=component, author=me, published_at=datetime.now(UTC), address="Quai de la Fosse"
    )
    new_title = "Une piste cyclable protégée rue de Rennes"

    body = await _update(execute, org, proposal, me, title=new_title)

    assert acted(body, "update") == {
        "title": {"translation": new_title},
        "address": "Quai de la Fosse",  # left out, so unchanged
        "versionsCount": 1,
        "versions": [
            {
                "changeset": {
                    "title": [proposal.title, {"fr": new_title}],
                    "body": [proposal.body, {"fr": BODY}],
                }
            }
        ],
    }

    cleared = await _update(execute, org, proposal, me, title=new_title, address=None)
    assert acted(cleared, "update")["address"] is None


@pytest.mark.parametrize(
    ("proposal_kw", "who", "expected"),
    [
        ({"published_at": NOW - timedelta(days=2)}, "author", ("FORBIDDEN", "EDIT_WINDOW_CLOSED")),
        ({"votes_count": 1}, "author", ("FORBIDDEN", "HAS_SUPPORTS")),
        ({"state": "evaluating", "state_published_at": NOW}, "author", ("FORBIDDEN", "ANSWERED")),
        ({}, "someone", ("FORBIDDEN", "NOT_AUTHOR")),
        ({"hidden_at": NOW}, "author", ("NOT_FOUND", None)),
    ],
)
async def test_edits_refused(
    make: Make, execute: Any, org: Any, *, proposal_kw: dict[str, Any], who: str, expected: tuple[str, str | None]
) -> None:
    component = await proposals_component(make)
    me = await make.user()
    proposal = await make.proposal(
        component=component, author=me, **({"published_at": datetime.now(UTC)} | proposal_kw)
    )
    editor = me if who == "author" else await make.user()

    body = await _update(execute, org, proposal, editor)

    assert error_codes(body) == [expected]


async def test_a_draft_stays_editable_whatever_the_window(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, proposal_edit_before_minutes=0)
    me = await make.user()
    draft = await make.proposal(component=component, author=me, published_at=None)

    body = await _update(execute, org, draft, me, title="Un titre de brouillon revu")

    assert acted(body, "update")["title"] == {"translation": "Un titre de brouillon revu"}


# -- withdraw ------------------------------------------------------------------------------------


async def test_author_withdraws_and_the_proposal_stays_listed(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    me = await make.user()
    proposal = await make.proposal(component=component, author=me)
    variables = {"component": str(component.id), "id": str(proposal.id)}

    body = await execute(action("withdraw", selection="withdrawn"), variables, organization=org, viewer=as_(me))
    again = await execute(action("withdraw"), variables, organization=org, viewer=as_(me))

    assert acted(body, "withdraw") == {"withdrawn": True}
    assert error_codes(again) == [("CONFLICT", "ALREADY_WITHDRAWN")]
    assert await listed(execute, org, component) == [str(proposal.id)]


@pytest.mark.parametrize(
    ("proposal_kw", "who", "expected"),
    [
        ({"state": "accepted", "state_published_at": NOW}, "author", ("FORBIDDEN", "ACCEPTED")),
        ({}, "someone", ("FORBIDDEN", "NOT_AUTHOR")),
        ({"published_at": None}, "author", ("FORBIDDEN", "NOT_PUBLISHED")),
    ],
)
async def test_withdrawals_refused(
    make: Make, execute: Any, org: Any, *, proposal_kw: dict[str, Any], who: str, expected: tuple[str, str | None]
) -> None:
    component = await proposals_component(make)
    me = await make.user()
    proposal = await make.proposal(component=component, author=me, **proposal_kw)
    actor = me if who == "author" else await make.user()

    body = await execute(
        action("withdraw"),
        {"component": str(component.id), "id": str(proposal.id)},
        organization=org,
        viewer=as_(actor),
    )

    assert error_codes(body) == [expected]
