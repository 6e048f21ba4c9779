"""``ProposalMutation.answer`` (Decidim develop): who may answer, when answers go public, who is told."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import Make
from tests.restitution.conftest import ANSWER, PUBLIC, answered, codes, role, writer

ACCEPT = {"state": "accepted", "answer": {"fr": "Nous le ferons."}}

CELLS = {
    "anonymous": "UNAUTHENTICATED",
    "participant": "FORBIDDEN",
    "author": "FORBIDDEN",
    "collaborator": "FORBIDDEN",
    "moderator": "FORBIDDEN",
    "evaluator_elsewhere": "FORBIDDEN",
    "evaluator": None,
    "space_admin": None,
    "organization_admin": None,
}


async def _viewer(make: Make, who: str, *, space: Any, elsewhere: Any, author: models.User) -> Viewer:
    if who == "anonymous":
        return ANONYMOUS
    if who == "author":
        return writer(author)
    if who == "organization_admin":
        return writer(await make.user(admin=True))
    user = await make.user()
    roles = {
        "collaborator": (space, "collaborator"),
        "moderator": (space, "moderator"),
        "evaluator": (space, "evaluator"),
        "space_admin": (space, "admin"),
        "evaluator_elsewhere": (elsewhere, "evaluator"),
    }
    if who in roles:
        target, name = roles[who]
        await role(make, user=user, space=target, name=name)
    return writer(user)


async def _notifications(make: Make, proposal: models.Proposal) -> list[tuple[int, str]]:
    async with make.sessionmaker() as session:
        n = models.Notification
        rows = await session.execute(
            select(n.user_id, n.event).where(n.resource_kind == "proposal", n.resource_id == proposal.id)
        )
        return sorted((int(u), str(e)) for u, e in rows.all())


@pytest.mark.parametrize(("who", "denied"), CELLS.items())
async def test_answer_permission(
    make: Make, execute: Any, org: models.Organization, who: str, denied: str | None
) -> None:
    process, elsewhere = await make.process(), await make.process()
    component = await make.component(space=process)
    author = await make.user()
    proposal = await make.proposal(component=component, author=author)
    viewer = await _viewer(make, who, space=process, elsewhere=elsewhere, author=author)

    body = await execute(
        ANSWER, {"c": str(component.id), "id": str(proposal.id), "attributes": ACCEPT}, organization=org, viewer=viewer
    )

    if denied is None:
        assert answered(body) == {
            "id": str(proposal.id),
            "state": "accepted",
            "answer": {"translation": "Nous le ferons."},
        }
    else:
        assert codes(body) == [denied]
        assert answered(body) is None
        assert await execute(PUBLIC, {"id": str(proposal.id)}, organization=org) == {
            "data": {"node": {"state": None, "answer": None}}
        }


async def test_answer_published_immediately_notifies_authors_and_supporters_once_each(
    make: Make, execute: Any, org: models.Organization
) -> None:
    component = await make.component()
    author, coauthor, supporter = await make.user(), await make.user(), await make.user()
    proposal = await make.proposal(component=component, author=author, coauthors=(coauthor,))
    await make.vote(proposal=proposal, author=supporter)
    await make.vote(proposal=proposal, author=coauthor)  # an author who also supports is told once
    admin = writer(await make.user(admin=True))

    await execute(
        ANSWER, {"c": str(component.id), "id": str(proposal.id), "attributes": ACCEPT}, organization=org, viewer=admin
    )

    assert await execute(PUBLIC, {"id": str(proposal.id)}, organization=org) == {
        "data": {"node": {"state": "accepted", "answer": {"translation": "Nous le ferons."}}}
    }
    expected = sorted((int(u.id), "proposal_accepted") for u in (author, coauthor, supporter))  # type: ignore[arg-type]
    assert await _notifications(make, proposal) == expected
    async with make.sessionmaker() as session:
        v = models.Version
        events = (await session.scalars(select(v.event).where(v.item_id == proposal.id))).all()
        row = await session.get(models.Proposal, proposal.id)
    assert list(events) == ["answer"]
    assert row is not None
    assert row.answered_at is not None
    assert row.state_published_at is not None


async def test_answer_stays_private_until_publish_answers(make: Make, execute: Any, org: models.Organization) -> None:
    process = await make.process()
    component = await make.component(space=process, default_step_settings={"publish_answers_immediately": False})
    author = await make.user()
    first = await make.proposal(component=component, author=author)
    second = await make.proposal(component=component, author=author)
    evaluator = await make.user()
    await role(make, user=evaluator, space=process, name="evaluator")
    for proposal in (first, second):
        body = await execute(
            ANSWER,
            {
                "c": str(component.id),
                "id": str(proposal.id),
                "attributes": {"state": "rejected", "answer": {"fr": "Hors sujet."}},
            },
            organization=org,
            viewer=writer(evaluator),
        )
        assert "errors" not in body, body

    assert await execute(PUBLIC, {"id": str(first.id)}, organization=org) == {
        "data": {"node": {"state": None, "answer": None}}
    }
    assert await _notifications(make, first) == []

    publish = "mutation($c: ID!, $ids: [ID!]) { publishAnswers(componentId: $c, proposalIds: $ids) }"
    participant = writer(await make.user())
    denied = await execute(publish, {"c": str(component.id), "ids": None}, organization=org, viewer=participant)
    assert codes(denied) == ["FORBIDDEN"]

    body = await execute(
        publish, {"c": str(component.id), "ids": [str(first.id)]}, organization=org, viewer=writer(evaluator)
    )
    assert body == {"data": {"publishAnswers": [str(first.id)]}}
    assert await execute(PUBLIC, {"id": str(first.id)}, organization=org) == {
        "data": {"node": {"state": "rejected", "answer": {"translation": "Hors sujet."}}}
    }
    assert await execute(PUBLIC, {"id": str(second.id)}, organization=org) == {
        "data": {"node": {"state": None, "answer": None}}
    }
    assert await _notifications(make, first) == [(author.id, "proposal_rejected")]

    again = await execute(publish, {"c": str(component.id), "ids": None}, organization=org, viewer=writer(evaluator))
    assert again == {"data": {"publishAnswers": [str(second.id)]}}


async def test_accepting_with_costs_requires_cost_report_and_execution_period(
    make: Make, execute: Any, org: models.Organization
) -> None:
    component = await make.component(default_step_settings={"answers_with_costs": True})
    proposal = await make.proposal(component=component)
    admin = writer(await make.user(admin=True))
    variables = {"c": str(component.id), "id": str(proposal.id), "attributes": ACCEPT}

    body = await execute(ANSWER, variables, organization=org, viewer=admin)

    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["fields"] == {
        "attributes.cost": "required for an accepted proposal when answers include costs",
        "attributes.costReport": "required for an accepted proposal when answers include costs",
        "attributes.executionPeriod": "required for an accepted proposal when answers include costs",
    }
    complete = ACCEPT | {"cost": 1200.5, "costReport": {"fr": "Devis"}, "executionPeriod": {"fr": "2027"}}
    ok = await execute(ANSWER, variables | {"attributes": complete}, organization=org, viewer=admin)
    assert answered(ok)["state"] == "accepted"
    async with make.sessionmaker() as session:
        row = await session.get(models.Proposal, proposal.id)
    assert row is not None
    assert float(row.cost or 0) == 1200.5
    assert row.execution_period == {"fr": "2027"}


async def test_unknown_state_is_bad_user_input(make: Make, execute: Any, org: models.Organization) -> None:
    component = await make.component()
    proposal = await make.proposal(component=component)
    admin = writer(await make.user(admin=True))
    body = await execute(
        ANSWER,
        {"c": str(component.id), "id": str(proposal.id), "attributes": {"state": "Peut-être !"}},
        organization=org,
        viewer=admin,
    )
    assert codes(body) == ["BAD_USER_INPUT"]
    assert set(body["errors"][0]["extensions"]["fields"]) == {"attributes.state"}


async def test_viewer_reads_only_their_own_notifications(make: Make, execute: Any, org: models.Organization) -> None:
    component = await make.component()
    author, other = await make.user(), await make.user()
    proposal = await make.proposal(component=component, author=author)
    admin = writer(await make.user(admin=True))
    await execute(
        ANSWER, {"c": str(component.id), "id": str(proposal.id), "attributes": ACCEPT}, organization=org, viewer=admin
    )
    query = "{ notifications { event resourceType resourceId readAt } }"

    mine = await execute(query, organization=org, viewer=writer(author))
    assert mine == {
        "data": {
            "notifications": [
                {
                    "event": "proposal_accepted",
                    "resourceType": "proposal",
                    "resourceId": str(proposal.id),
                    "readAt": None,
                }
            ]
        }
    }
    assert await execute(query, organization=org, viewer=writer(other)) == {"data": {"notifications": []}}
    assert codes(await execute(query, organization=org)) == ["UNAUTHENTICATED"]
