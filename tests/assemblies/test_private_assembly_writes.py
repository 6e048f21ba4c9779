"""Nobody outside a private assembly can comment, reply, vote or support inside it: it does not exist for them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import models
from resolvers.viewer import Viewer
from tests.assemblies.conftest import COMMENT_TYPE, MEETING_TYPE, PROPOSAL_TYPE
from tests.comments.conftest import Threads
from tests.proposals.conftest import OPEN_STEP, acted, action, error_codes

ADD = (
    "mutation($id: String!, $type: String!) {"
    ' commentable(id: $id, type: $type) { addComment(body: "Un avis") { id } } }'
)
UPVOTE = "mutation($id: ID!) { comment(id: $id) { upVote { upVotes } } }"


async def private_thread(make: Any) -> tuple[models.Assembly, models.Proposal, models.Comment, models.Meeting]:
    threads = Threads(make)
    assembly = await make.assembly(private_space=True)
    component = await make.component(space=assembly, manifest_name="proposals", default_step_settings=OPEN_STEP)
    proposal = await threads.proposal(component=component)
    meeting = await make.meeting(component=await make.component(space=assembly, manifest_name="meetings"))
    return assembly, proposal, await threads.comment(on=proposal), meeting


async def count(make: Any, model: Any) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def attempts(execute: Any, org: Any, thread: tuple[Any, ...], viewer: Viewer) -> list[dict[str, Any]]:
    """Comment the proposal, reply to its comment, upvote that comment, support the proposal, comment the meeting."""
    _, proposal, comment, meeting = thread

    async def run(query: str, variables: dict[str, str]) -> dict[str, Any]:
        return await execute(query, variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]

    return [
        await run(ADD, {"id": str(proposal.id), "type": PROPOSAL_TYPE}),
        await run(ADD, {"id": str(comment.id), "type": COMMENT_TYPE}),
        await run(UPVOTE, {"id": str(comment.id)}),
        await run(action("vote", selection="id"), {"component": str(proposal.component_id), "id": str(proposal.id)}),
        await run(ADD, {"id": str(meeting.id), "type": MEETING_TYPE}),
    ]


@pytest.mark.parametrize("who", ["outsider", "member of another assembly"])
async def test_participant_outside_a_private_assembly_gets_not_found_and_writes_nothing(
    make: Any, execute: Any, who: str
) -> None:
    thread = await private_thread(make)
    user = await make.user()
    if who != "outsider":
        await make.assembly_member(assembly=await make.assembly(private_space=True), user=user)

    bodies = await attempts(execute, await make.org(None), thread, Viewer(user_id=user.id))

    assert [error_codes(b) for b in bodies] == [[("NOT_FOUND", None)]] * 5
    assert (await count(make, models.Comment), await count(make, models.CommentVote)) == (1, 0)
    assert await count(make, models.ProposalVote) == 0


async def test_participant_outside_a_private_parent_cannot_comment_in_its_public_child(make: Any, execute: Any) -> None:
    threads = Threads(make)
    child = await make.assembly(parent=await make.assembly(private_space=True))
    proposal = await threads.proposal(component=await make.component(space=child, manifest_name="proposals"))

    body = await execute(
        ADD,
        {"id": str(proposal.id), "type": PROPOSAL_TYPE},
        organization=await make.org(None),
        viewer=Viewer(user_id=(await make.user()).id),
    )

    assert error_codes(body) == [("NOT_FOUND", None)]
    assert await count(make, models.Comment) == 0


@pytest.mark.parametrize("who", ["member", "admin"])
async def test_member_and_admin_comment_vote_and_support_in_a_private_assembly(
    make: Any, execute: Any, who: str
) -> None:
    thread = await private_thread(make)
    assembly, proposal = thread[0], thread[1]
    user = await make.user(admin=who == "admin")
    if who == "member":
        await make.assembly_member(assembly=assembly, user=user)
    viewer = Viewer(user_id=user.id, organization_admin=who == "admin")

    bodies = await attempts(execute, await make.org(None), thread, viewer)

    assert [b.get("errors") for b in bodies] == [None] * 5
    assert bodies[2] == {"data": {"comment": {"upVote": {"upVotes": 1}}}}
    assert acted(bodies[3], "vote") == {"id": str(proposal.id)}
    assert (await count(make, models.Comment), await count(make, models.CommentVote)) == (4, 1)
    assert await count(make, models.ProposalVote) == 1
