"""Who sees which proposals, through every path: the list, ``proposal(id)``, ``node(id)``, ``component(id)``."""

from __future__ import annotations

from typing import Any

import pytest

import models
from models.kinds import ResourceKind
from tests.builders import NOW, Make
from tests.proposals.conftest import as_, proposals_component

THROUGH_COMPONENT = """
query($c: ID!, $p: ID!) {
  component(id: $c) { ... on Proposals { proposals { nodes { id } totalCount } proposal(id: $p) { id } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def _seen(execute: Any, org: Any, proposal: models.Proposal, **kw: Any) -> dict[str, Any]:
    through = await execute(
        THROUGH_COMPONENT, {"c": str(proposal.component_id), "p": str(proposal.id)}, organization=org, **kw
    )
    node = await execute(NODE, {"id": str(proposal.id)}, organization=org, **kw)
    return {"component": through["data"]["component"], "node": node["data"]["node"]}


NOTHING = {"component": {"proposals": {"nodes": [], "totalCount": 0}, "proposal": None}, "node": None}


async def test_anonymous_visitor_sees_a_published_proposal_everywhere(make: Make, execute: Any, org: Any) -> None:
    proposal = await make.proposal()

    assert await _seen(execute, org, proposal) == {
        "component": {
            "proposals": {"nodes": [{"id": str(proposal.id)}], "totalCount": 1},
            "proposal": {"id": str(proposal.id)},
        },
        "node": {"__typename": "Proposal", "id": str(proposal.id)},
    }


@pytest.mark.parametrize(
    "state",
    [{"hidden_at": NOW}, {"published_at": None}],
    ids=["hidden by moderation", "draft"],
)
async def test_hidden_and_draft_proposals_are_invisible_to_everyone(
    make: Make, execute: Any, org: Any, state: dict[str, Any]
) -> None:
    author = await make.user()
    admin = await make.user(admin=True)
    proposal = await make.proposal(author=author, **state)

    from resolvers.viewer import Viewer

    assert await _seen(execute, org, proposal) == NOTHING
    assert await _seen(execute, org, proposal, viewer=as_(author)) == NOTHING
    assert await _seen(execute, org, proposal, viewer=Viewer(user_id=admin.id, organization_admin=True)) == NOTHING


async def test_proposals_of_an_unpublished_component_or_unpublished_space_are_invisible(
    make: Make, execute: Any, org: Any
) -> None:
    hidden_component = await proposals_component(make)
    async with make.sessionmaker() as session:
        row = await session.get(models.Component, hidden_component.id)
        row.published_at = None  # type: ignore[union-attr]
        await session.commit()
    in_hidden_component = await make.proposal(component=hidden_component)
    in_hidden_space = await make.proposal(
        component=await proposals_component(make, space=await make.process(published_at=None))
    )

    for proposal in (in_hidden_component, in_hidden_space):
        assert await _seen(execute, org, proposal) == {"component": None, "node": None}


async def test_proposals_of_a_private_space_are_for_its_members(make: Make, execute: Any, org: Any) -> None:
    space = await make.process(private_space=True)
    member = await make.user()
    await make.private_member(space=space, user=member)
    proposal = await make.proposal(component=await proposals_component(make, space=space))

    assert await _seen(execute, org, proposal) == {"component": None, "node": None}
    seen = await _seen(execute, org, proposal, viewer=as_(member))
    assert seen["node"] == {"__typename": "Proposal", "id": str(proposal.id)}


async def test_another_organizations_proposal_is_invisible(make: Make, execute: Any, org: Any) -> None:
    elsewhere = await make.organization()
    component = await proposals_component(make, space=await make.process(organization=elsewhere))
    proposal = await make.proposal(component=component)

    assert await _seen(execute, org, proposal) == {"component": None, "node": None}


async def test_proposal_finder_only_answers_for_its_own_component(make: Make, execute: Any, org: Any) -> None:
    here = await proposals_component(make)
    elsewhere = await make.proposal()

    body = await execute(THROUGH_COMPONENT, {"c": str(here.id), "p": str(elsewhere.id)}, organization=org)

    assert body["data"]["component"]["proposal"] is None


async def test_attachments_of_a_hidden_proposal_are_invisible(make: Make, execute: Any, org: Any) -> None:
    kind = ResourceKind.PROPOSAL.value
    visible = await make.attachment(owner=await make.proposal(), attached_to_kind=kind)
    hidden = await make.attachment(owner=await make.proposal(hidden_at=NOW), attached_to_kind=kind)

    shown = await execute(NODE, {"id": str(visible.id)}, organization=org)
    gone = await execute(NODE, {"id": str(hidden.id)}, organization=org)

    assert shown == {"data": {"node": {"__typename": "Attachment", "id": str(visible.id)}}}
    assert gone == {"data": {"node": None}}


VOTES = "query($id: ID!) { node(id: $id) { ... on Proposal { voteCount endorsementsCount } } }"


async def test_vote_count_is_null_while_the_step_hides_supports(make: Make, execute: Any, org: Any) -> None:
    hidden = await proposals_component(make, step={"votes_enabled": True, "votes_hidden": True})
    shown = await proposals_component(make, step={"votes_enabled": True})
    secret = await make.proposal(component=hidden, votes_count=12, endorsements_count=2)
    public = await make.proposal(component=shown, votes_count=12)

    assert await execute(VOTES, {"id": str(secret.id)}, organization=org) == {
        "data": {"node": {"voteCount": None, "endorsementsCount": 2}}
    }
    assert await execute(VOTES, {"id": str(public.id)}, organization=org) == {
        "data": {"node": {"voteCount": 12, "endorsementsCount": 0}}
    }


async def test_the_active_step_decides_whether_supports_are_hidden(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    step = await make.step(process=process, active=True)
    component = await make.component(
        space=process,
        manifest_name="proposals",
        default_step_settings={"votes_hidden": False},
        step_settings={str(step.id): {"votes_hidden": True}},
    )
    proposal = await make.proposal(component=component, votes_count=3)

    assert await execute(VOTES, {"id": str(proposal.id)}, organization=org) == {
        "data": {"node": {"voteCount": None, "endorsementsCount": 0}}
    }


DRAFTS = "query($c: ID!) { component(id: $c) { ... on Proposals { viewerDrafts { id publishedAt } } } }"


async def test_authors_find_their_own_drafts_and_nobody_elses(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    me, someone = await make.user(), await make.user()
    mine = await make.proposal(component=component, author=me, published_at=None)
    await make.proposal(component=component, author=someone, published_at=None)
    await make.proposal(component=component, author=me)  # published: not a draft

    body = await execute(DRAFTS, {"c": str(component.id)}, organization=org, viewer=as_(me))
    anonymous = await execute(DRAFTS, {"c": str(component.id)}, organization=org)

    assert body == {"data": {"component": {"viewerDrafts": [{"id": str(mine.id), "publishedAt": None}]}}}
    assert anonymous == {"data": {"component": {"viewerDrafts": []}}}


async def test_proposals_component_lists_as_proposals_in_its_space(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await proposals_component(make, space=process)
    proposal = await make.proposal(component=component)

    body = await execute(
        "query($id: ID) { participatoryProcess(id: $id) { components { __typename "
        "... on Proposals { proposals { nodes { id } } } } } }",
        {"id": str(process.id)},
        organization=org,
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "components": [{"__typename": "Proposals", "proposals": {"nodes": [{"id": str(proposal.id)}]}}]
            }
        }
    }
