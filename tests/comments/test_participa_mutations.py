"""Participa's flat comment API: addComment, updateComment, deleteComment, voteComment, reportResource."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import models
from tests.comments.conftest import Threads, as_user, codes

ADD = (
    "mutation($input: AddCommentInput!) { addComment(input: $input) { id body alignment deleted author { nickname } } }"
)
UPDATE = "mutation($input: UpdateCommentInput!) { updateComment(input: $input) { id body edited } }"
DELETE = "mutation($id: ID!) { deleteComment(id: $id) { id body deleted } }"
VOTE = (
    "mutation($id: ID!, $d: VoteDirection!) {"
    " voteComment(id: $id, direction: $d) { upVotes upVoted downVotes downVoted } }"
)
REPORT = (
    "mutation($input: ReportResourceInput!) { reportResource(input: $input)"
    " { reportableId reportableType reason details } }"
)


async def test_add_comment_finds_the_commentable_from_its_id_alone(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    user = await make.user(nickname="ines")

    body = await execute(
        ADD,
        {"input": {"commentableId": str(proposal.id), "body": "Contre", "alignment": -1}},
        organization=await make.org(None),
        viewer=as_user(user),
    )

    assert body == {
        "data": {
            "addComment": {
                "id": body["data"]["addComment"]["id"],
                "body": "Contre",
                "alignment": -1,
                "deleted": False,
                "author": {"nickname": "@ines"},
            }
        }
    }


async def test_add_comment_replies_in_the_thread_only(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    first = await threads.comment(on=proposal)
    other_thread = await threads.comment(on=await threads.proposal())
    user = await make.user()
    org = await make.org(None)

    reply = await execute(
        ADD,
        {
            "input": {
                "commentableId": str(proposal.id),
                "commentableType": "PROPOSAL",
                "inReplyToId": str(first.id),
                "body": "Oui",
            }
        },
        organization=org,
        viewer=as_user(user),
    )
    astray = await execute(
        ADD,
        {"input": {"commentableId": str(proposal.id), "inReplyToId": str(other_thread.id), "body": "Oui"}},
        organization=org,
        viewer=as_user(user),
    )

    stored = await threads.reload(models.Comment, int(reply["data"]["addComment"]["id"]))
    assert (stored.parent_id, stored.depth) == (first.id, 1)
    assert codes(astray) == [("BAD_USER_INPUT", None)]
    assert astray["errors"][0]["extensions"]["fields"] == {"inReplyToId": "not a comment on this commentable"}


async def test_add_comment_on_something_not_commentable_is_bad_input(make: Any, execute: Any) -> None:
    space = await make.process()
    org = await make.org(None)
    user = await make.user()

    not_commentable = await execute(
        ADD, {"input": {"commentableId": str(space.id), "body": "x"}}, organization=org, viewer=as_user(user)
    )
    nothing = await execute(
        ADD, {"input": {"commentableId": "987654321", "body": "x"}}, organization=org, viewer=as_user(user)
    )

    assert codes(not_commentable) == [("BAD_USER_INPUT", None)]
    assert codes(nothing) == [("NOT_FOUND", None)]


async def test_author_edits_their_comment_and_others_cannot(make: Any, threads: Threads, execute: Any) -> None:
    author = await make.user()
    comment = await threads.comment(on=await threads.proposal(), author=author, body={"fr": "Vieux", "en": "Old"})
    org = await make.org(None)

    by_other = await execute(
        UPDATE,
        {"input": {"id": str(comment.id), "body": "Piraté"}},
        organization=org,
        viewer=as_user(await make.user()),
    )
    by_author = await execute(
        UPDATE, {"input": {"id": str(comment.id), "body": "Nouveau"}}, organization=org, viewer=as_user(author)
    )
    empty = await execute(
        UPDATE, {"input": {"id": str(comment.id), "body": " "}}, organization=org, viewer=as_user(author)
    )

    assert codes(by_other) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert by_author == {"data": {"updateComment": {"id": str(comment.id), "body": "Nouveau", "edited": True}}}
    assert codes(empty) == [("BAD_USER_INPUT", None)]
    stored = await threads.reload(models.Comment, comment.id)
    assert stored.body == {"fr": "Nouveau"}
    assert stored.edited_at is not None


async def test_author_deletes_their_comment_once_and_counters_follow(make: Any, threads: Threads, execute: Any) -> None:
    author = await make.user()
    proposal = await threads.proposal()
    parent = await threads.comment(on=proposal)
    comment = await threads.comment(on=parent, author=author)
    org = await make.org(None)

    by_other = await execute(DELETE, {"id": str(comment.id)}, organization=org, viewer=as_user(await make.user()))
    first = await execute(DELETE, {"id": str(comment.id)}, organization=org, viewer=as_user(author))
    second = await execute(DELETE, {"id": str(comment.id)}, organization=org, viewer=as_user(author))
    edit_deleted = await execute(
        UPDATE, {"input": {"id": str(comment.id), "body": "Retour"}}, organization=org, viewer=as_user(author)
    )

    assert codes(by_other) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert first == {"data": {"deleteComment": {"id": str(comment.id), "body": "", "deleted": True}}}
    assert second == first
    assert codes(edit_deleted) == [("FORBIDDEN", "COMMENT_DELETED")]
    assert (await threads.reload(models.Proposal, proposal.id)).comments_count == 1
    assert (await threads.reload(models.Comment, parent.id)).replies_count == 0


async def test_vote_comment_sets_the_direction(make: Any, threads: Threads, execute: Any) -> None:
    comment = await threads.comment(on=await threads.proposal())
    voter = await make.user()
    org = await make.org(None)

    async def vote(direction: str) -> dict[str, Any]:
        body = await execute(VOTE, {"id": str(comment.id), "d": direction}, organization=org, viewer=as_user(voter))
        return body["data"]["voteComment"]  # type: ignore[no-any-return]

    assert await vote("UP") == {"upVotes": 1, "upVoted": True, "downVotes": 0, "downVoted": False}
    assert await vote("UP") == {"upVotes": 1, "upVoted": True, "downVotes": 0, "downVoted": False}
    assert await vote("DOWN") == {"upVotes": 0, "upVoted": False, "downVotes": 1, "downVoted": True}
    assert await vote("NONE") == {"upVotes": 0, "upVoted": False, "downVotes": 0, "downVoted": False}


async def test_voting_on_a_deleted_comment_is_refused(make: Any, threads: Threads, execute: Any) -> None:
    comment = await threads.comment(on=await threads.proposal(), deleted_at=datetime(2026, 1, 3, tzinfo=UTC))

    body = await execute(
        VOTE, {"id": str(comment.id), "d": "UP"}, organization=await make.org(None), viewer=as_user(await make.user())
    )

    assert codes(body) == [("FORBIDDEN", "COMMENT_DELETED")]


async def test_participant_reports_a_comment_once(make: Any, threads: Threads, execute: Any) -> None:
    comment = await threads.comment(on=await threads.proposal())
    reporter = await make.user()
    org = await make.org(None)
    report = {
        "reportableId": str(comment.id),
        "reportableType": "COMMENT",
        "reason": "OFFENSIVE",
        "details": " Insultant ",
    }

    first = await execute(REPORT, {"input": report}, organization=org, viewer=as_user(reporter))
    second = await execute(REPORT, {"input": report}, organization=org, viewer=as_user(reporter))
    seen = await execute(
        f'{{ node(id: "{comment.id}") {{ ... on Comment {{ alreadyReported }} }} }}',
        organization=org,
        viewer=as_user(reporter),
    )

    assert first == {
        "data": {
            "reportResource": {
                "reportableId": str(comment.id),
                "reportableType": "COMMENT",
                "reason": "OFFENSIVE",
                "details": "Insultant",
            }
        }
    }
    assert codes(second) == [("CONFLICT", "ALREADY_REPORTED")]
    assert seen == {"data": {"node": {"alreadyReported": True}}}


async def test_participant_reports_a_proposal_but_not_their_own(make: Any, threads: Threads, execute: Any) -> None:
    author = await make.user()
    proposal = await threads.proposal(authors=(author,))
    org = await make.org(None)
    report = {"reportableId": str(proposal.id), "reportableType": "PROPOSAL", "reason": "SPAM"}

    own = await execute(REPORT, {"input": report}, organization=org, viewer=as_user(author))
    other = await execute(REPORT, {"input": report}, organization=org, viewer=as_user(await make.user()))

    assert codes(own) == [("FORBIDDEN", "OWN_RESOURCE")]
    assert other["data"]["reportResource"]["reason"] == "SPAM"


@pytest.mark.parametrize("state", [{"hidden_at": datetime(2026, 1, 2, tzinfo=UTC)}])
async def test_hidden_resources_cannot_be_reported(
    make: Any, threads: Threads, execute: Any, state: dict[str, Any]
) -> None:
    proposal = await threads.proposal(**state)
    comment = await threads.comment(on=await threads.proposal(), **state)
    org = await make.org(None)
    user = await make.user()

    on_proposal = await execute(
        REPORT,
        {"input": {"reportableId": str(proposal.id), "reportableType": "PROPOSAL", "reason": "SPAM"}},
        organization=org,
        viewer=as_user(user),
    )
    on_comment = await execute(
        REPORT,
        {"input": {"reportableId": str(comment.id), "reportableType": "COMMENT", "reason": "SPAM"}},
        organization=org,
        viewer=as_user(user),
    )

    assert codes(on_proposal) == [("NOT_FOUND", None)]
    assert codes(on_comment) == [("NOT_FOUND", None)]


async def test_own_comment_and_anonymous_reports_are_refused(make: Any, threads: Threads, execute: Any) -> None:
    author = await make.user()
    comment = await threads.comment(on=await threads.proposal(), author=author)
    org = await make.org(None)
    report = {"input": {"reportableId": str(comment.id), "reportableType": "COMMENT", "reason": "OTHER"}}

    own = await execute(REPORT, report, organization=org, viewer=as_user(author))
    anonymous = await execute(REPORT, report, organization=org)

    assert codes(own) == [("FORBIDDEN", "OWN_RESOURCE")]
    assert codes(anonymous) == [("UNAUTHENTICATED", None)]
