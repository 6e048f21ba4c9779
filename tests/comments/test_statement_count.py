"""A proposal's whole thread, four levels deep, with authors and the viewer's marks: a fixed number of statements."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

import models
from models.kinds import ResourceKind
from resolvers.context import Context
from schema.root import build_schema
from tests.comments.conftest import PROPOSAL_TYPE, Threads, as_user

# The served schema's recursion and cost limits stop at three nested `comments`; the resolvers' statement
# count is measured on the full four levels (first level and three levels of replies) without them.
UNLIMITED = build_schema()

LEVEL = (
    "id body formattedBody createdAt alignment upVotes upVoted downVotes downVoted alreadyReported deleted"
    " hasComments totalCommentsCount acceptsNewComments userAllowedToComment author { id name nickname avatarUrl }"
)


def thread_query(pk: int) -> str:
    nested = LEVEL
    for _ in range(3):
        nested = f"{LEVEL} comments {{ {nested} }}"
    return (
        f'{{ commentable(id: "{pk}", type: "{PROPOSAL_TYPE}", locale: "fr", toggleTranslations: false)'
        " { id totalCommentsCount acceptsNewComments userAllowedToComment"
        f' comments(orderBy: "best_rated") {{ {nested} }} }} }}'
    )


async def build_thread(make: Any, threads: Threads, *, first_level: int, viewer: models.User) -> models.Proposal:
    """``first_level`` comments, each with a chain of three replies; authors rotate; the viewer votes and reports."""
    proposal = await threads.proposal()
    authors = [await make.user() for _ in range(5)]
    group = await make.group()
    rows: list[models.Comment] = []
    async with make.sessionmaker() as session, session.begin():
        for i in range(first_level):
            parent: models.Comment | None = None
            for depth in range(4):
                row = models.Comment(
                    organization_id=proposal.organization_id,
                    commentable_kind=ResourceKind.COMMENT if parent else ResourceKind.PROPOSAL,
                    commentable_id=parent.id if parent else proposal.id,
                    root_kind=ResourceKind.PROPOSAL,
                    root_id=proposal.id,
                    parent_id=parent.id if parent else None,
                    depth=depth,
                    author_id=authors[(i + depth) % len(authors)].id,
                    user_group_id=group.id if (i + depth) % 7 == 0 else None,
                    body={"fr": f"Commentaire {i}.{depth} https://example.org/{i}"},
                    alignment=(i % 3) - 1 if depth == 0 else 0,
                    replies_count=1 if depth < 3 else 0,
                )
                session.add(row)
                await session.flush()
                rows.append(row)
                parent = row
        for n, row in enumerate(rows):
            if n % 3 == 0:
                session.add(
                    models.CommentVote(
                        organization_id=row.organization_id,
                        comment_id=row.id,
                        author_id=viewer.id,
                        weight=1 - 2 * (n % 2),
                    )
                )
            if n % 5 == 0:
                session.add(
                    models.Report(
                        organization_id=row.organization_id,
                        reportable_kind=ResourceKind.COMMENT,
                        reportable_id=row.id,
                        user_id=viewer.id,
                        reason="spam",
                    )
                )
        p = models.Proposal
        await session.execute(update(p).where(p.id == proposal.id).values(comments_count=len(rows)))
    return proposal


async def run(app: Any, query: str, *, organization: models.Organization, viewer: models.User) -> dict[str, Any]:
    context = Context.build(
        organization=organization,
        viewer=as_user(viewer),
        locale=organization.default_locale,
        sessionmaker=app.state.sessionmaker,
        request_id="test",
    )
    result = await UNLIMITED.execute(query, context_value=context)
    return {"data": result.data, "errors": [e.formatted for e in result.errors or []]}


async def test_thread_statement_count_does_not_grow_with_the_thread(
    make: Any, threads: Threads, app: Any, count_queries: Any
) -> None:
    viewer = await make.user()
    small = await build_thread(make, threads, first_level=3, viewer=viewer)
    large = await build_thread(make, threads, first_level=30, viewer=viewer)
    org = await make.org(None)

    with count_queries() as small_log:
        small_body = await run(app, thread_query(small.id), organization=org, viewer=viewer)
    with count_queries() as large_log:
        large_body = await run(app, thread_query(large.id), organization=org, viewer=viewer)

    assert small_body["errors"] == large_body["errors"] == []
    assert len(large_body["data"]["commentable"]["comments"]) == 30
    deepest = large_body["data"]["commentable"]["comments"][0]["comments"][0]["comments"][0]["comments"]
    assert len(deepest) == 1
    assert deepest[0]["acceptsNewComments"] is False  # depth 3 takes no replies
    assert any(c["upVoted"] or c["downVoted"] for c in large_body["data"]["commentable"]["comments"])
    assert small_log.count == large_log.count, large_log.statements
    # commentable row, settings (component + active step), thread, viewer's marks, viewer's account.
    assert large_log.count == 6, large_log.statements
