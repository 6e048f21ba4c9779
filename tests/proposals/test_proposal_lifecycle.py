"""Publishing, editing and withdrawing proposals through Decidim's write API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import models
from tests.builders import NOW, Make
from tests.proposals.conftest import BODY, acted, action, as_, attributes, error_codes, listed, proposals_component

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


async def test_publish_and_group_are_creation_attributes_only(make: Make, execute: Any, org: Any) -> None:
    me = await make.user()
    draft = await make.proposal(component=await proposals_component(make), author=me, published_at=None)

    body = await _update(execute, org, draft, me, publish=True)

    assert error_codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"attributes.publish": "creation only"}
