"""Every way a comment can be refused, each with a clean error (never a 500) and nothing written."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

import models
from resolvers.viewer import ANONYMOUS, Viewer
from tests.comments.conftest import COMMENT_TYPE, PROPOSAL_TYPE, Threads, as_user, codes

ADD = (
    "mutation($id: String!, $type: String!, $body: String!, $alignment: Int, $group: ID) {"
    " commentable(id: $id, type: $type) {"
    " addComment(body: $body, alignment: $alignment, userGroupId: $group) { id } } }"
)


async def add(
    execute: Any,
    org: models.Organization,
    target: Any,
    *,
    viewer: Viewer,
    type: str = PROPOSAL_TYPE,
    body: str = "Un avis",
    alignment: int | None = 0,
    group: int | None = None,
) -> dict[str, Any]:
    variables = {"id": str(target.id), "type": type, "body": body, "alignment": alignment, "group": group}
    return await execute(ADD, variables, organization=org, viewer=viewer)  # type: ignore[no-any-return]


async def comment_rows(make: Any) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(models.Comment)) or 0)


async def test_anonymous_visitor_cannot_comment(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()

    body = await add(execute, await make.org(None), proposal, viewer=ANONYMOUS)

    assert body["data"] == {"commentable": {"addComment": None}}
    assert codes(body) == [("UNAUTHENTICATED", None)]
    assert await comment_rows(make) == 0


@pytest.mark.parametrize(
    ("account", "reason"),
    [
        ({"confirmed_at": None}, "UNCONFIRMED"),
        ({"blocked": True, "blocked_at": datetime(2026, 1, 1, tzinfo=UTC)}, "BLOCKED"),
        ({"deleted_at": datetime(2026, 1, 1, tzinfo=UTC)}, "DELETED"),
    ],
)
async def test_participant_who_may_not_act_cannot_comment(
    make: Any, threads: Threads, execute: Any, account: dict[str, Any], reason: str
) -> None:
    proposal = await threads.proposal()
    user = await make.user(**account)

    body = await add(execute, await make.org(None), proposal, viewer=as_user(user))

    assert codes(body) == [("FORBIDDEN", reason)]
    assert await comment_rows(make) == 0


async def test_commentable_of_another_organization_is_not_found(make: Any, threads: Threads, execute: Any) -> None:
    other_org = await make.organization()
    elsewhere = await threads.proposal(component=await make.component(space=await make.process(organization=other_org)))
    user = await make.user()

    body = await add(execute, await make.org(None), elsewhere, viewer=as_user(user))

    assert codes(body) == [("NOT_FOUND", None)]
    assert await comment_rows(make) == 0


@pytest.mark.parametrize(
    "proposal_state",
    [
        {"hidden_at": datetime(2026, 1, 2, tzinfo=UTC)},
        {"published_at": None},
    ],
)
async def test_hidden_or_unpublished_proposal_cannot_be_commented(
    make: Any, threads: Threads, execute: Any, proposal_state: dict[str, Any]
) -> None:
    proposal = await threads.proposal(**proposal_state)

    body = await add(execute, await make.org(None), proposal, viewer=as_user(await make.user()))

    assert codes(body) == [("NOT_FOUND", None)]


async def test_proposal_of_a_private_space_is_not_found_for_outsiders(
    make: Any, threads: Threads, execute: Any
) -> None:
    space = await make.process(private_space=True)
    proposal = await threads.proposal(component=await make.component(space=space))

    body = await add(execute, await make.org(None), proposal, viewer=as_user(await make.user()))

    assert codes(body) == [("NOT_FOUND", None)]


async def test_comments_blocked_by_the_active_step(make: Any, threads: Threads, execute: Any) -> None:
    space = await make.process()
    step = await make.step(process=space, active=True)
    component = await make.component(space=space, step_settings={str(step.id): {"comments_blocked": True}})
    proposal = await threads.proposal(component=component)
    user = await make.user()

    body = await add(execute, await make.org(None), proposal, viewer=as_user(user))
    read = await execute(
        f'{{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}", locale: "fr", toggleTranslations: false)'
        " { acceptsNewComments userAllowedToComment } }",
        organization=await make.org(None),
        viewer=as_user(user),
    )

    assert codes(body) == [("FORBIDDEN", "COMMENTS_BLOCKED")]
    assert read == {"data": {"commentable": {"acceptsNewComments": False, "userAllowedToComment": False}}}


async def test_comments_disabled_for_the_component(make: Any, threads: Threads, execute: Any) -> None:
    component = await make.component(settings={"comments_enabled": False})
    proposal = await threads.proposal(component=component)

    body = await add(execute, await make.org(None), proposal, viewer=as_user(await make.user()))

    assert codes(body) == [("FORBIDDEN", "COMMENTS_DISABLED")]


async def test_withdrawn_proposal_takes_no_new_comments(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal(withdrawn_at=datetime(2026, 1, 3, tzinfo=UTC))

    body = await add(execute, await make.org(None), proposal, viewer=as_user(await make.user()))

    assert codes(body) == [("FORBIDDEN", "WITHDRAWN")]


async def test_reply_deeper_than_three_levels_is_refused(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    level = await threads.comment(on=proposal)
    for _ in range(3):
        level = await threads.comment(on=level)
    assert level.depth == 3

    body = await add(execute, await make.org(None), level, type=COMMENT_TYPE, viewer=as_user(await make.user()))

    assert codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"inReplyToId": "at most 3 levels of replies"}
    assert await comment_rows(make) == 4


async def test_reply_to_a_deleted_comment_is_refused(make: Any, threads: Threads, execute: Any) -> None:
    gone = await threads.comment(on=await threads.proposal(), deleted_at=datetime(2026, 1, 3, tzinfo=UTC))

    body = await add(execute, await make.org(None), gone, type=COMMENT_TYPE, viewer=as_user(await make.user()))

    assert codes(body) == [("FORBIDDEN", "COMMENT_DELETED")]


@pytest.mark.parametrize("alignment", [2, -2, 10])
async def test_alignment_outside_minus_one_to_one_is_refused(
    make: Any, threads: Threads, execute: Any, alignment: int
) -> None:
    proposal = await threads.proposal()

    body = await add(execute, await make.org(None), proposal, alignment=alignment, viewer=as_user(await make.user()))

    assert codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"alignment": "must be -1, 0 or 1"}


async def test_reply_with_an_alignment_is_refused(make: Any, threads: Threads, execute: Any) -> None:
    first = await threads.comment(on=await threads.proposal())

    body = await add(
        execute, await make.org(None), first, type=COMMENT_TYPE, alignment=1, viewer=as_user(await make.user())
    )

    assert codes(body) == [("BAD_USER_INPUT", None)]


@pytest.mark.parametrize("text", ["", "   \n\t "])
async def test_empty_body_is_refused(make: Any, threads: Threads, execute: Any, text: str) -> None:
    proposal = await threads.proposal()

    body = await add(execute, await make.org(None), proposal, body=text, viewer=as_user(await make.user()))

    assert codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"body": "must not be empty"}


async def test_body_longer_than_the_component_allows_is_refused(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal(component=await make.component(settings={"comments_max_length": 20}))
    user = await make.user()

    too_long = await add(execute, await make.org(None), proposal, body="x" * 21, viewer=as_user(user))
    just_right = await add(execute, await make.org(None), proposal, body="x" * 20, viewer=as_user(user))

    assert codes(too_long) == [("BAD_USER_INPUT", None)]
    assert "errors" not in just_right


@pytest.mark.parametrize(
    ("type_name", "field_error"),
    [
        ("Decidim::ParticipatoryProcess", "not commentable"),
        ("Decidim::Component", "not commentable"),
        ("Decidim::Surveys::Survey", "not commentable"),
        ("Decidim::Nowhere::Thing", "unknown type"),
        ("Kernel", "unknown type"),
        ("", "unknown type"),
    ],
)
async def test_non_commentable_or_unknown_type_is_bad_input(
    make: Any, execute: Any, type_name: str, field_error: str
) -> None:
    space = await make.process()

    body = await add(execute, await make.org(None), space, type=type_name, viewer=as_user(await make.user()))

    assert body["data"] is None
    assert codes(body) == [("BAD_USER_INPUT", None)]
    assert body["errors"][0]["extensions"]["fields"] == {"type": field_error}


@pytest.mark.parametrize("bad_id", ["abc", "-1", "0", "1e3", "99999999999999999999"])
async def test_malformed_id_is_bad_input(make: Any, execute: Any, bad_id: str) -> None:
    body = await execute(
        ADD,
        {"id": bad_id, "type": PROPOSAL_TYPE, "body": "x"},
        organization=await make.org(None),
        viewer=as_user(await make.user()),
    )

    assert codes(body) == [("BAD_USER_INPUT", None)]


async def test_bad_locale_is_bad_input_in_query_and_mutation(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    org = await make.org(None)

    read = await execute(
        f'{{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}", locale: "xx", toggleTranslations: false)'
        " { id } }",
        organization=org,
    )
    write = await execute(
        f'mutation {{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}", locale: "klingon")'
        ' { addComment(body: "x") { id } } }',
        organization=org,
        viewer=as_user(await make.user()),
    )

    assert read["data"] == {"commentable": None}
    assert codes(read) == [("BAD_USER_INPUT", None)]
    assert read["errors"][0]["extensions"]["fields"] == {"locale": "must be one of fr, en"}
    assert codes(write) == [("BAD_USER_INPUT", None)]


async def test_commenting_as_a_group_requires_membership(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    user = await make.user()
    theirs = await make.group(nickname="velocampus")
    others = await make.group()
    await make.membership(user=user, group=theirs)
    org = await make.org(None)

    refused = await add(execute, org, proposal, group=others.id, viewer=as_user(user))
    accepted = await execute(
        f'mutation {{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}") {{'
        f' addComment(body: "Au nom du collectif", userGroupId: "{theirs.id}") {{ author {{ nickname }} }} }} }}',
        organization=org,
        viewer=as_user(user),
    )

    assert codes(refused) == [("FORBIDDEN", "NOT_GROUP_MEMBER")]
    assert accepted == {"data": {"commentable": {"addComment": {"author": {"nickname": "@velocampus"}}}}}


async def test_missing_commentable_in_the_root_query_is_not_found(make: Any, execute: Any) -> None:
    body = await execute(
        f'{{ commentable(id: "424242", type: "{PROPOSAL_TYPE}", locale: "fr", toggleTranslations: false) {{ id }} }}',
        organization=await make.org(None),
    )

    assert body["data"] == {"commentable": None}
    assert codes(body) == [("NOT_FOUND", None)]


async def test_voting_is_refused_to_anonymous_and_on_hidden_comments(make: Any, threads: Threads, execute: Any) -> None:
    proposal = await threads.proposal()
    visible = await threads.comment(on=proposal)
    hidden = await threads.comment(on=proposal, hidden_at=datetime(2026, 1, 2, tzinfo=UTC))
    under_hidden = await threads.comment(on=hidden)
    org = await make.org(None)
    user = await make.user()

    def up(pk: int) -> str:
        return f'mutation {{ comment(id: "{pk}") {{ upVote {{ upVotes }} }} }}'

    anonymous = await execute(up(visible.id), organization=org)
    on_hidden = await execute(up(hidden.id), organization=org, viewer=as_user(user))
    on_reply_of_hidden = await execute(up(under_hidden.id), organization=org, viewer=as_user(user))

    assert codes(anonymous) == [("UNAUTHENTICATED", None)]
    assert codes(on_hidden) == [("NOT_FOUND", None)]
    assert codes(on_reply_of_hidden) == [("NOT_FOUND", None)]
