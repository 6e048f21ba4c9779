"""Reading threads: the root ``commentable`` query, replies, deleted and hidden comments, viewer marks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.comments.conftest import COMMENT_TYPE, PROPOSAL_TYPE, Threads, as_user, codes

HIDDEN = datetime(2026, 1, 20, tzinfo=UTC)


def commentable(pk: int, selection: str, *, type: str = PROPOSAL_TYPE, locale: str = "fr", toggle: bool = False) -> str:
    toggle_arg = "true" if toggle else "false"
    return (
        f'{{ commentable(id: "{pk}", type: "{type}", locale: "{locale}", toggleTranslations: {toggle_arg})'
        f" {{ {selection} }} }}"
    )


async def test_anonymous_visitor_reads_a_thread_as_decidim_shows_it(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    camille = await make.user(nickname="camille", name="Camille")
    first = await threads.comment(
        on=proposal,
        author=camille,
        body="Oui !\nSurtout le soir.",
        alignment=1,
        created_at=datetime(2026, 1, 15, 17, 5, tzinfo=UTC),
    )
    reply = await threads.comment(on=first, body="D'accord", created_at=datetime(2026, 1, 16, 8, 0, tzinfo=UTC))

    body = await execute(
        commentable(
            proposal.id,
            "__typename id type acceptsNewComments commentsHaveAlignment commentsHaveVotes totalCommentsCount"
            " hasComments userAllowedToComment"
            " comments { __typename id sgid type body formattedBody createdAt formattedCreatedAt alignment upVotes"
            " upVoted downVotes downVoted alreadyReported deleted edited hasComments totalCommentsCount"
            " acceptsNewComments commentsHaveAlignment commentsHaveVotes userAllowedToComment"
            " author { __typename name nickname } comments { id body alignment hasComments comments { id } } }",
        ),
        organization=await make.org(None),
    )

    assert body == {
        "data": {
            "commentable": {
                "__typename": body["data"]["commentable"]["__typename"],  # Proposal once its type registers
                "id": str(proposal.id),
                "type": PROPOSAL_TYPE,
                "acceptsNewComments": True,
                "commentsHaveAlignment": True,
                "commentsHaveVotes": True,
                "totalCommentsCount": 2,
                "hasComments": True,
                "userAllowedToComment": False,
                "comments": [
                    {
                        "__typename": "Comment",
                        "id": str(first.id),
                        "sgid": f"comment-{first.id}",
                        "type": COMMENT_TYPE,
                        "body": "Oui !\nSurtout le soir.",
                        "formattedBody": "<p>Oui !<br>Surtout le soir.</p>",
                        "createdAt": "2026-01-15T18:05:00+01:00",
                        "formattedCreatedAt": "15/01/2026 18:05",
                        "alignment": 1,
                        "upVotes": 0,
                        "upVoted": False,
                        "downVotes": 0,
                        "downVoted": False,
                        "alreadyReported": False,
                        "deleted": False,
                        "edited": False,
                        "hasComments": True,
                        "totalCommentsCount": 1,
                        "acceptsNewComments": True,
                        "commentsHaveAlignment": False,
                        "commentsHaveVotes": True,
                        "userAllowedToComment": False,
                        "author": {"__typename": "User", "name": "Camille", "nickname": "@camille"},
                        "comments": [
                            {
                                "id": str(reply.id),
                                "body": "D'accord",
                                "alignment": 0,
                                "hasComments": False,
                                "comments": [],
                            }
                        ],
                    }
                ],
            }
        }
    }
    assert body["data"]["commentable"]["__typename"] in {"Commentable", "Proposal"}


async def test_formatted_body_escapes_markup_and_links_urls(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    await threads.comment(
        on=proposal,
        body='<script>alert("x")</script> <b>gras</b>\n\nVoir https://example.org/a?b=1&c=<2>. Et javascript:alert(1)',
    )

    body = await execute(commentable(proposal.id, "comments { body formattedBody }"), organization=await make.org(None))

    assert body["data"]["commentable"]["comments"] == [
        {
            "body": '<script>alert("x")</script> <b>gras</b>\n\n'
            "Voir https://example.org/a?b=1&c=<2>. Et javascript:alert(1)",
            "formattedBody": "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;gras&lt;/b&gt;</p>"
            '<p>Voir <a href="https://example.org/a?b=1&amp;c=" rel="nofollow noopener" target="_blank">'
            "https://example.org/a?b=1&amp;c=</a>&lt;2&gt;. Et javascript:alert(1)</p>",
        }
    ]


async def test_deleted_comment_keeps_its_place_and_hidden_one_disappears_with_its_replies(
    make: Any, threads: Threads, execute: Any
) -> None:
    proposal = await threads.proposal()
    deleted = await threads.comment(on=proposal, body="Retiré", deleted_at=datetime(2026, 1, 18, tzinfo=UTC))
    answer_to_deleted = await threads.comment(on=deleted, body="Réponse conservée")
    hidden = await threads.comment(on=proposal, body="Insulte", hidden_at=HIDDEN)
    await threads.comment(on=hidden, body="Réponse à l'insulte")
    kept = await threads.comment(on=proposal, body="Reste")

    body = await execute(
        commentable(proposal.id, "comments { id body formattedBody deleted acceptsNewComments comments { id body } }"),
        organization=await make.org(None),
    )

    assert body["data"]["commentable"]["comments"] == [
        {
            "id": str(deleted.id),
            "body": "",
            "formattedBody": "",
            "deleted": True,
            "acceptsNewComments": False,
            "comments": [{"id": str(answer_to_deleted.id), "body": "Réponse conservée"}],
        },
        {
            "id": str(kept.id),
            "body": "Reste",
            "formattedBody": "<p>Reste</p>",
            "deleted": False,
            "acceptsNewComments": True,
            "comments": [],
        },
    ]


async def test_viewer_sees_their_votes_and_reports(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    viewer = await make.user()
    liked = await threads.comment(on=proposal)
    disliked = await threads.comment(on=liked)
    reported = await threads.comment(on=proposal)
    await threads.vote(liked, viewer, 1)
    await threads.vote(liked, await make.user(), 1)
    await threads.vote(disliked, viewer, -1)
    await threads.report("comment", reported.id, viewer)
    await threads.report("comment", liked.id, await make.user())  # someone else's report is not the viewer's

    selection = (
        "userAllowedToComment comments { id upVotes upVoted downVotes downVoted alreadyReported userAllowedToComment"
        " comments { id downVotes downVoted alreadyReported } }"
    )
    mine = await execute(commentable(proposal.id, selection), organization=await make.org(None), viewer=as_user(viewer))
    anonymous = await execute(commentable(proposal.id, selection), organization=await make.org(None))

    assert mine == {
        "data": {
            "commentable": {
                "userAllowedToComment": True,
                "comments": [
                    {
                        "id": str(liked.id),
                        "upVotes": 2,
                        "upVoted": True,
                        "downVotes": 0,
                        "downVoted": False,
                        "alreadyReported": False,
                        "userAllowedToComment": True,
                        "comments": [
                            {"id": str(disliked.id), "downVotes": 1, "downVoted": True, "alreadyReported": False}
                        ],
                    },
                    {
                        "id": str(reported.id),
                        "upVotes": 0,
                        "upVoted": False,
                        "downVotes": 0,
                        "downVoted": False,
                        "alreadyReported": True,
                        "userAllowedToComment": True,
                        "comments": [],
                    },
                ],
            }
        }
    }
    flags = [
        (c["upVoted"], c["alreadyReported"], c["userAllowedToComment"])
        for c in anonymous["data"]["commentable"]["comments"]
    ]
    assert flags == [(False, False, False), (False, False, False)]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (None, ["old", "mid", "new"]),
        ("older", ["old", "mid", "new"]),
        ("recent", ["new", "mid", "old"]),
        ("best_rated", ["mid", "old", "new"]),
        ("most_discussed", ["new", "old", "mid"]),
    ],
)
async def test_comments_follow_decidim_orders(
    make: Any, threads: Threads, execute: Any, order: str | None, expected: list[str]
) -> None:
    proposal = await threads.proposal()
    old = await threads.comment(on=proposal, body="old", created_at=datetime(2026, 1, 1, tzinfo=UTC))
    mid = await threads.comment(on=proposal, body="mid", created_at=datetime(2026, 1, 2, tzinfo=UTC))
    new = await threads.comment(on=proposal, body="new", created_at=datetime(2026, 1, 3, tzinfo=UTC))
    await threads.vote(mid, await make.user(), 1)
    await threads.vote(new, await make.user(), -1)
    await threads.comment(on=new)
    await threads.comment(on=new)
    await threads.comment(on=old)
    argument = f'(orderBy: "{order}")' if order else ""

    body = await execute(commentable(proposal.id, f"comments{argument} {{ body }}"), organization=await make.org(None))

    assert [c["body"] for c in body["data"]["commentable"]["comments"]] == expected
    del old


async def test_unknown_order_is_bad_input(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()

    body = await execute(
        commentable(proposal.id, 'comments(orderBy: "random") { id }'), organization=await make.org(None)
    )

    assert codes(body) == [("BAD_USER_INPUT", None)]


async def test_single_comment_id_picks_one_comment_of_the_thread(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    await threads.comment(on=proposal)
    wanted = await threads.comment(on=proposal)
    reply = await threads.comment(on=wanted)
    elsewhere = await threads.comment(on=await threads.proposal())
    org = await make.org(None)

    def single(pk: int) -> str:
        return commentable(proposal.id, f'comments(singleCommentId: "{pk}") {{ id comments {{ id }} }}')

    found = await execute(single(wanted.id), organization=org)
    foreign = await execute(single(elsewhere.id), organization=org)

    assert found["data"]["commentable"]["comments"] == [{"id": str(wanted.id), "comments": [{"id": str(reply.id)}]}]
    assert foreign["data"]["commentable"]["comments"] == []


async def test_locale_and_toggle_translations_choose_the_text(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    await threads.comment(on=proposal, body={"fr": "Bonjour", "machine_translations": {"en": "Hello"}})
    org = await make.org(None)

    async def text(locale: str, toggle: bool) -> str:
        body = await execute(
            commentable(proposal.id, "comments { body }", locale=locale, toggle=toggle), organization=org
        )
        return str(body["data"]["commentable"]["comments"][0]["body"])

    assert await text("en", False) == "Bonjour"
    assert await text("en", True) == "Hello"
    assert await text("fr", True) == "Bonjour"


async def test_commentable_of_type_comment_and_node_return_the_comment(
    make: Any, threads: Threads, execute: Any
) -> None:
    proposal = await threads.proposal()
    first = await threads.comment(on=proposal, body="Premier")
    reply = await threads.comment(on=first, body="Réponse")
    hidden = await threads.comment(on=proposal, hidden_at=HIDDEN)
    org = await make.org(None)

    as_commentable = await execute(
        commentable(first.id, "__typename id totalCommentsCount comments { id body }", type=COMMENT_TYPE),
        organization=org,
    )
    as_node = await execute(
        f'{{ node(id: "{reply.id}") {{ __typename ... on Comment {{ body }} }} }}', organization=org
    )
    hidden_node = await execute(f'{{ node(id: "{hidden.id}") {{ id }} }}', organization=org)

    assert as_commentable == {
        "data": {
            "commentable": {
                "__typename": "Comment",
                "id": str(first.id),
                "totalCommentsCount": 1,
                "comments": [{"id": str(reply.id), "body": "Réponse"}],
            }
        }
    }
    assert as_node == {"data": {"node": {"__typename": "Comment", "body": "Réponse"}}}
    assert hidden_node == {"data": {"node": None}}


async def test_comments_of_an_invisible_proposal_are_unreachable(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal(hidden_at=HIDDEN)
    comment = await threads.comment(on=proposal)
    org = await make.org(None)

    by_node = await execute(f'{{ node(id: "{comment.id}") {{ id }} }}', organization=org)
    by_commentable = await execute(commentable(comment.id, "id", type=COMMENT_TYPE), organization=org)

    assert by_node == {"data": {"node": None}}
    assert codes(by_commentable) == [("NOT_FOUND", None)]


async def test_comment_of_a_deleted_account_shows_no_name(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    gone = await make.user(name="Ancien", nickname="ancien", deleted_at=datetime(2026, 1, 5, tzinfo=UTC))
    await threads.comment(on=proposal, author=gone)

    body = await execute(
        commentable(proposal.id, "comments { author { id name nickname deleted } }"), organization=await make.org(None)
    )

    assert body["data"]["commentable"]["comments"] == [
        {"author": {"id": str(gone.id), "name": "", "nickname": "", "deleted": True}}
    ]
