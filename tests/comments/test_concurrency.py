"""Counters stay exact under real concurrent requests (HTTP, bearer tokens, one request per participant)."""

from __future__ import annotations

import asyncio
import random
from typing import Any

from sqlalchemy import func, select

import models
from tests.comments.conftest import PROPOSAL_TYPE, Threads


async def signed_in_participants(make: Any, count: int) -> list[tuple[models.User, dict[str, str]]]:
    out = []
    for _ in range(count):
        user = await make.user()
        out.append((user, {"Authorization": f"Bearer {await make.signed_in(user)}"}))
    return out


async def scalar(make: Any, statement: Any) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(statement) or 0)


def no_errors(bodies: list[dict[str, Any]]) -> bool:
    return all("errors" not in b for b in bodies)


async def test_two_hundred_participants_comment_at_once(make: Any, threads: Threads, gql: Any) -> None:
    proposal = await threads.proposal()
    participants = await signed_in_participants(make, 200)
    mutation = (
        f'mutation {{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}")'
        ' { addComment(body: "À l\'unisson", alignment: 1) { id } } }'
    )

    bodies = await asyncio.gather(*(gql(mutation, headers=headers) for _, headers in participants))

    assert no_errors(bodies), [b for b in bodies if "errors" in b][:3]
    c = models.Comment
    rows = await scalar(make, select(func.count()).select_from(c).where(c.root_id == proposal.id))
    stored = await threads.reload(models.Proposal, proposal.id)
    assert stored.comments_count == rows == 200


async def test_one_hundred_participants_upvote_one_comment_at_once(make: Any, threads: Threads, gql: Any) -> None:
    comment = await threads.comment(on=await threads.proposal())
    participants = await signed_in_participants(make, 100)
    mutation = f'mutation {{ comment(id: "{comment.id}") {{ upVote {{ upVoted }} }} }}'

    bodies = await asyncio.gather(*(gql(mutation, headers=headers) for _, headers in participants))

    assert no_errors(bodies)
    assert all(b["data"]["comment"]["upVote"]["upVoted"] for b in bodies)
    v = models.CommentVote
    rows = await scalar(make, select(func.count()).select_from(v).where(v.comment_id == comment.id, v.weight == 1))
    stored = await threads.reload(models.Comment, comment.id)
    assert (stored.up_votes_count, stored.down_votes_count, rows) == (100, 0, 100)


async def test_same_participant_toggling_votes_concurrently_keeps_counters_equal_to_rows(
    make: Any, threads: Threads, gql: Any
) -> None:
    comment = await threads.comment(on=await threads.proposal())
    participants = await signed_in_participants(make, 5)
    rng = random.Random(7)  # a fixed mix of up and down presses, several per participant, all at once
    presses = [(headers, rng.choice(["upVote", "downVote"])) for _, headers in participants for _ in range(12)]
    rng.shuffle(presses)

    bodies = await asyncio.gather(
        *(gql(f'mutation {{ comment(id: "{comment.id}") {{ {press} {{ id }} }} }}', headers=h) for h, press in presses)
    )

    assert no_errors(bodies)
    v = models.CommentVote
    ups = await scalar(make, select(func.count()).select_from(v).where(v.comment_id == comment.id, v.weight == 1))
    downs = await scalar(make, select(func.count()).select_from(v).where(v.comment_id == comment.id, v.weight == -1))
    stored = await threads.reload(models.Comment, comment.id)
    assert (stored.up_votes_count, stored.down_votes_count) == (ups, downs)
    assert ups + downs <= 5


async def test_concurrent_replies_and_deletions_never_deadlock_and_counts_stay_exact(
    make: Any, threads: Threads, gql: Any
) -> None:
    proposal = await threads.proposal()
    participants = await signed_in_participants(make, 30)
    parent = await threads.comment(on=proposal, author=participants[0][0])
    doomed = [await threads.comment(on=parent, author=user) for user, _ in participants[:15]]
    reply = f'mutation {{ addComment(input: {{commentableId: "{parent.id}", body: "Réponse"}}) {{ id }} }}'
    requests = [gql(reply, headers=headers) for _, headers in participants[15:]]
    requests += [
        gql(f'mutation {{ deleteComment(id: "{row.id}") {{ deleted }} }}', headers=headers)
        for row, (_, headers) in zip(doomed, participants[:15], strict=True)
    ]
    requests.append(gql(f'mutation {{ deleteComment(id: "{parent.id}") {{ deleted }} }}', headers=participants[0][1]))

    bodies = await asyncio.gather(*requests)

    # Replies that arrive after the parent's deletion are refused; nothing else may fail (a deadlock would).
    errors = [e["extensions"] for b in bodies for e in b.get("errors", [])]
    assert all(e == {"code": "FORBIDDEN", "reason": "COMMENT_DELETED"} for e in errors), errors[:3]
    c = models.Comment
    live = c.deleted_at.is_(None)  # type: ignore[union-attr]
    live_replies = await scalar(make, select(func.count()).select_from(c).where(c.parent_id == parent.id, live))
    live_total = await scalar(make, select(func.count()).select_from(c).where(c.root_id == proposal.id, live))
    assert (await threads.reload(models.Comment, parent.id)).replies_count == live_replies
    assert (await threads.reload(models.Proposal, proposal.id)).comments_count == live_total
