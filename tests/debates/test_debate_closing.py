"""Closing debates with conclusions, endorsing them, and what a write may not target."""

from __future__ import annotations

from typing import Any

from tests.builders import NOW, Make
from tests.debates.conftest import (
    acted,
    action,
    as_,
    as_admin,
    debates_component,
    error_codes,
    error_fields,
    reload,
    variables,
    versions,
)


async def test_author_closes_with_conclusions_and_may_rewrite_them_but_not_edit_the_debate(
    make: Make, execute: Any
) -> None:
    org = await make.org(None)
    author = await make.user()
    debate = await make.debate(author=author)
    close = action("close", input="{conclusions: $c}", selection="closed conclusions { text } acceptsNewComments")
    close = close.replace("$id: ID!)", "$id: ID!, $c: JSON)")

    first = await execute(
        close, variables(debate) | {"c": {"fr": "On essaie un an."}}, organization=org, viewer=as_(author)
    )
    closed_at = (await reload(make, debate)).closed_at
    again = await execute(close, variables(debate) | {"c": "On essaie deux ans."}, organization=org, viewer=as_(author))
    edit = await execute(
        action("update", input='{attributes: {description: "Une description toute neuve."}}', selection="id"),
        variables(debate),
        organization=org,
        viewer=as_(author),
    )

    assert acted(first, "close") == {
        "closed": True,
        "conclusions": {"text": "On essaie un an."},
        "acceptsNewComments": False,
    }
    assert acted(again, "close") == {
        "closed": True,
        "conclusions": {"text": "On essaie deux ans."},
        "acceptsNewComments": False,
    }
    assert (await reload(make, debate)).closed_at == closed_at
    assert error_codes(edit) == [("FORBIDDEN", "CLOSED")]
    assert [e for e, _ in await versions(make, debate.id)] == ["update", "update"]


async def test_closing_needs_conclusions_and_the_right_person(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate(author=await make.user())

    short = await execute(
        action("close", input='{conclusions: "Bof"}'),
        variables(debate),
        organization=org,
        viewer=as_(await make.user()),
    )
    stranger = await execute(
        action("close", input='{conclusions: "Des conclusions claires."}'),
        variables(debate),
        organization=org,
        viewer=as_(await make.user()),
    )

    assert error_fields(short) == {"conclusions": "fr: must be 10 to 10000 characters long"}
    assert error_codes(stranger) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert (await reload(make, debate)).closed_at is None


async def test_admin_closes_an_official_debate(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate()

    body = await execute(
        action("close", input='{conclusions: "Des conclusions claires."}', selection="closed"),
        variables(debate),
        organization=org,
        viewer=as_admin(await make.user(admin=True)),
    )

    assert acted(body, "close") == {"closed": True}


async def test_participant_endorses_once_while_the_step_allows_it(make: Make, execute: Any) -> None:
    org = await make.org(None)
    user = await make.user()
    debate = await make.debate(component=await debates_component(make, step={"endorsements_enabled": True}))
    closed = await make.debate(component=await debates_component(make, step={"endorsements_enabled": False}))
    endorse = action("endorse", selection="endorsementsCount viewerHasEndorsed")

    first = await execute(endorse, variables(debate), organization=org, viewer=as_(user))
    twice = await execute(endorse, variables(debate), organization=org, viewer=as_(user))
    disabled = await execute(endorse, variables(closed), organization=org, viewer=as_(user))
    undone = await execute(
        action("unendorse", selection="endorsementsCount"), variables(debate), organization=org, viewer=as_(user)
    )

    assert acted(first, "endorse") == {"endorsementsCount": 1, "viewerHasEndorsed": True}
    assert error_codes(twice) == [("CONFLICT", "ALREADY_ENDORSED")]
    assert error_codes(disabled) == [("FORBIDDEN", "ENDORSEMENTS_DISABLED")]
    assert acted(undone, "unendorse") == {"endorsementsCount": 0}


async def test_a_hidden_debate_cannot_be_targeted(make: Make, execute: Any) -> None:
    org = await make.org(None)
    author = await make.user()
    debate = await make.debate(author=author, hidden_at=NOW)

    body = await execute(
        action("close", input='{conclusions: "Des conclusions claires."}'),
        variables(debate),
        organization=org,
        viewer=as_(author),
    )

    assert error_codes(body) == [("NOT_FOUND", None)]
