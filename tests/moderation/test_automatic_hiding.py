"""Reports count per resource; at the organization's threshold (3 by default) the resource is hidden."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import models
from tests.builders import Make
from tests.moderation.conftest import ADD_COMMENT, REPORT, THREAD, role, writer

LIST = """
query($c: ID!) {
  component(id: $c) { ... on Proposals { proposals { totalCount nodes { id } } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { id } }"
HIDE = """
mutation($id: ID!, $type: ReportableType!) {
  hideResource(reportableType: $type, reportableId: $id) { reportCount hiddenAt }
}
"""
UNHIDE = """
mutation($id: ID!, $type: ReportableType!) {
  unhideResource(reportableType: $type, reportableId: $id) { reportCount hiddenAt }
}
"""


async def _moderation(make: Make, kind: str, pk: int) -> models.Moderation | None:
    async with make.sessionmaker() as session:
        m = models.Moderation
        return (await session.scalars(select(m).where(m.reportable_kind == kind, m.reportable_id == pk))).first()


async def _listed(execute: Any, org: models.Organization, component: models.Component) -> dict[str, Any]:
    body = await execute(LIST, {"c": str(component.id)}, organization=org)
    return body["data"]["component"]["proposals"]  # type: ignore[no-any-return]


async def test_third_report_from_different_participants_hides_the_proposal_everywhere(
    make: Make, execute: Any, org: models.Organization
) -> None:
    component = await make.component(manifest_name="proposals")
    proposal = await make.proposal(component=component)
    reporters = [await make.user() for _ in range(3)]
    for reporter in reporters[:2]:
        body = await execute(
            REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(reporter)
        )
        assert "errors" not in body, body
    assert await _listed(execute, org, component) == {"totalCount": 1, "nodes": [{"id": str(proposal.id)}]}

    await execute(REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(reporters[2]))

    assert await _listed(execute, org, component) == {"totalCount": 0, "nodes": []}
    assert await execute(NODE, {"id": str(proposal.id)}, organization=org) == {"data": {"node": None}}
    moderation = await _moderation(make, "proposal", proposal.id)  # type: ignore[arg-type]
    assert moderation is not None
    assert moderation.report_count == 3
    assert moderation.hidden_at is not None


async def test_organization_threshold_setting_replaces_the_default(
    make: Make, execute: Any, org: models.Organization
) -> None:
    await make.save(models.ModerationSetting(organization_id=org.id, hide_threshold=1))
    component = await make.component(manifest_name="proposals")
    proposal = await make.proposal(component=component)
    await execute(
        REPORT, {"id": str(proposal.id), "type": "PROPOSAL"}, organization=org, viewer=writer(await make.user())
    )
    assert await _listed(execute, org, component) == {"totalCount": 0, "nodes": []}


async def test_moderator_unhides_a_proposal_and_it_reappears_exactly(
    make: Make, execute: Any, org: models.Organization
) -> None:
    process = await make.process()
    component = await make.component(space=process, manifest_name="proposals")
    proposal = await make.proposal(component=component)
    other = await make.proposal(component=component)
    moderator = await make.user()
    await role(make, user=moderator, space=process, name="moderator")
    variables = {"id": str(proposal.id), "type": "PROPOSAL"}

    hidden = await execute(HIDE, variables, organization=org, viewer=writer(moderator))
    assert hidden["data"]["hideResource"]["reportCount"] == 0
    assert hidden["data"]["hideResource"]["hiddenAt"] is not None
    assert await _listed(execute, org, component) == {"totalCount": 1, "nodes": [{"id": str(other.id)}]}

    shown = await execute(UNHIDE, variables, organization=org, viewer=writer(moderator))
    assert shown == {"data": {"unhideResource": {"reportCount": 0, "hiddenAt": None}}}
    listed = await _listed(execute, org, component)
    assert listed["totalCount"] == 2
    assert {n["id"] for n in listed["nodes"]} == {str(proposal.id), str(other.id)}
    assert await execute(NODE, {"id": str(proposal.id)}, organization=org) == {
        "data": {"node": {"id": str(proposal.id)}}
    }


async def _thread(execute: Any, org: models.Organization, proposal: models.Proposal) -> dict[str, Any]:
    body = await execute(THREAD, {"id": str(proposal.id)}, organization=org)
    return body["data"]["node"]  # type: ignore[no-any-return]


async def _comment(execute: Any, org: models.Organization, on: int, body: str, author: models.User) -> str:
    out = await execute(ADD_COMMENT, {"on": str(on), "body": body}, organization=org, viewer=writer(author))
    assert "errors" not in out, out
    return str(out["data"]["addComment"]["id"])


async def test_reported_comment_hidden_at_threshold_takes_its_replies_out_of_thread_and_count(
    make: Make, execute: Any, org: models.Organization
) -> None:
    proposal = await make.proposal(component=await make.component(manifest_name="proposals"))
    first = await _comment(execute, org, proposal.id, "Premier avis", await make.user())  # type: ignore[arg-type]
    reply = await _comment(execute, org, int(first), "Une réponse", await make.user())
    kept = await _comment(execute, org, proposal.id, "Autre avis", await make.user())  # type: ignore[arg-type]
    before = await _thread(execute, org, proposal)
    assert before == {
        "totalCommentsCount": 3,
        "comments": [
            {"id": first, "body": "Premier avis", "replies": [{"id": reply, "body": "Une réponse"}]},
            {"id": kept, "body": "Autre avis", "replies": []},
        ],
    }

    for _ in range(3):
        await execute(REPORT, {"id": first, "type": "COMMENT"}, organization=org, viewer=writer(await make.user()))

    assert await _thread(execute, org, proposal) == {
        "totalCommentsCount": 1,
        "comments": [{"id": kept, "body": "Autre avis", "replies": []}],
    }
    admin = await make.user(admin=True)
    out = await execute(UNHIDE, {"id": first, "type": "COMMENT"}, organization=org, viewer=writer(admin))
    assert out == {"data": {"unhideResource": {"reportCount": 3, "hiddenAt": None}}}
    assert await _thread(execute, org, proposal) == before


async def test_hiding_a_reply_moves_its_parent_replies_count_and_unhiding_restores_it(
    make: Make, execute: Any, org: models.Organization
) -> None:
    proposal = await make.proposal(component=await make.component(manifest_name="proposals"))
    first = await _comment(execute, org, proposal.id, "Premier avis", await make.user())  # type: ignore[arg-type]
    reply = await _comment(execute, org, int(first), "Une réponse", await make.user())
    admin = writer(await make.user(admin=True))
    query = "query($id: ID!) { node(id: $id) { ... on Comment { totalCommentsCount } } }"

    await execute(HIDE, {"id": reply, "type": "COMMENT"}, organization=org, viewer=admin)
    assert (await _thread(execute, org, proposal))["totalCommentsCount"] == 1
    assert await execute(query, {"id": first}, organization=org) == {"data": {"node": {"totalCommentsCount": 0}}}

    await execute(UNHIDE, {"id": reply, "type": "COMMENT"}, organization=org, viewer=admin)
    assert (await _thread(execute, org, proposal))["totalCommentsCount"] == 2
    assert await execute(query, {"id": first}, organization=org) == {"data": {"node": {"totalCommentsCount": 1}}}
