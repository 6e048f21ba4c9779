"""Decidim's comment mutations, written exactly as a Decidim client sends them."""

from __future__ import annotations

from typing import Any

import models
from tests.comments.conftest import COMMENT_TYPE, Threads, as_user


async def test_participant_comments_a_proposal_in_favour(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    camille = await make.user(nickname="camille")

    body = await execute(
        f'mutation {{ commentable(id: "{proposal.id}", type: "Decidim::Proposals::Proposal") {{'
        ' addComment(body: "Oui, et sur le pont aussi", alignment: 1) { id body alignment author { nickname } } } }',
        organization=await make.org(None),
        viewer=as_user(camille),
    )

    comment_id = body["data"]["commentable"]["addComment"]["id"]
    assert body == {
        "data": {
            "commentable": {
                "addComment": {
                    "id": comment_id,
                    "body": "Oui, et sur le pont aussi",
                    "alignment": 1,
                    "author": {"nickname": "@camille"},
                }
            }
        }
    }
    stored = await threads.reload(models.Comment, int(comment_id))
    assert (stored.root_kind, stored.root_id, stored.depth, stored.body) == (
        "proposal",
        proposal.id,
        0,
        {"fr": "Oui, et sur le pont aussi"},
    )
    assert (await threads.reload(models.Proposal, proposal.id)).comments_count == 1


async def test_default_alignment_is_neutral_and_locale_names_the_body_language(
    make: Any, threads: Threads, execute: Any
) -> None:
    proposal = await threads.proposal()
    user = await make.user()

    body = await execute(
        f'mutation {{ commentable(id: "{proposal.id}", type: "Decidim::Proposals::Proposal", locale: "en",'
        ' toggleTranslations: false) { addComment(body: "Good idea") { body alignment } } }',
        organization=await make.org(None),
        viewer=as_user(user),
    )

    assert body == {"data": {"commentable": {"addComment": {"body": "Good idea", "alignment": 0}}}}
    rows = await _comments_of(make)
    assert [r.body for r in rows] == [{"en": "Good idea"}]


async def test_reply_through_commentable_of_type_comment(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    first = await threads.comment(on=proposal)
    user = await make.user()

    body = await execute(
        f'mutation {{ commentable(id: "{first.id}", type: "{COMMENT_TYPE}") {{'
        ' addComment(body: "Je réponds") { body acceptsNewComments } } }',
        organization=await make.org(None),
        viewer=as_user(user),
    )

    assert body == {"data": {"commentable": {"addComment": {"body": "Je réponds", "acceptsNewComments": True}}}}
    reply = next(r for r in await _comments_of(make) if r.parent_id == first.id)
    assert (reply.depth, reply.commentable_kind, reply.commentable_id) == (1, "comment", first.id)
    assert (await threads.reload(models.Comment, first.id)).replies_count == 1
    assert (await threads.reload(models.Proposal, proposal.id)).comments_count == 2


async def test_upvote_toggles_as_in_decidim(make: Any, threads: Threads, execute: Any) -> None:
    comment = await threads.comment(on=await threads.proposal())
    voter = await make.user()
    org = await make.org(None)
    up = f'mutation {{ comment(id: "{comment.id}") {{ upVote {{ upVotes upVoted downVotes downVoted }} }} }}'
    down = f'mutation {{ comment(id: "{comment.id}") {{ downVote {{ upVotes upVoted downVotes downVoted }} }} }}'

    first = await execute(up, organization=org, viewer=as_user(voter))
    again = await execute(up, organization=org, viewer=as_user(voter))
    up_again = await execute(up, organization=org, viewer=as_user(voter))
    switched = await execute(down, organization=org, viewer=as_user(voter))
    withdrawn = await execute(down, organization=org, viewer=as_user(voter))

    def state(key: str, ups: int, upped: bool, downs: int, downed: bool) -> dict[str, Any]:
        values = {"upVotes": ups, "upVoted": upped, "downVotes": downs, "downVoted": downed}
        return {"data": {"comment": {key: values}}}

    assert first == state("upVote", 1, True, 0, False)
    assert again == state("upVote", 0, False, 0, False)
    assert up_again == state("upVote", 1, True, 0, False)
    assert switched == state("downVote", 0, False, 1, True)
    assert withdrawn == state("downVote", 0, False, 0, False)
    stored = await threads.reload(models.Comment, comment.id)
    assert (stored.up_votes_count, stored.down_votes_count) == (0, 0)


async def test_decidim_client_reads_the_thread_it_wrote(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    author = await make.user(nickname="louis")
    org = await make.org(None)
    added = await execute(
        f'mutation {{ commentable(id: "{proposal.id}", type: "Decidim::Proposals::Proposal") {{'
        ' addComment(body: "Premier", alignment: -1) { id } } }',
        organization=org,
        viewer=as_user(author),
    )
    comment_id = added["data"]["commentable"]["addComment"]["id"]

    body = await execute(
        f'{{ commentable(id: "{proposal.id}", type: "Decidim::Proposals::Proposal", locale: "fr",'
        " toggleTranslations: false) { id type totalCommentsCount hasComments acceptsNewComments"
        " comments { id body alignment author { nickname } hasComments } } }",
        organization=org,
    )

    assert body == {
        "data": {
            "commentable": {
                "id": str(proposal.id),
                "type": "Decidim::Proposals::Proposal",
                "totalCommentsCount": 1,
                "hasComments": True,
                "acceptsNewComments": True,
                "comments": [
                    {
                        "id": comment_id,
                        "body": "Premier",
                        "alignment": -1,
                        "author": {"nickname": "@louis"},
                        "hasComments": False,
                    }
                ],
            }
        }
    }


async def _comments_of(make: Any) -> list[models.Comment]:
    from sqlalchemy import select

    async with make.sessionmaker() as session:
        return list((await session.scalars(select(models.Comment).order_by(models.Comment.id))).all())
