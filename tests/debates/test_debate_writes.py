"""Decidim's debate write API: who may start and edit a debate, and what a valid one is."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

import models
from resolvers.viewer import Viewer
from tests.builders import Make
from tests.debates.conftest import (
    DESCRIPTION,
    PARTICIPANTS_CREATE,
    TITLE,
    acted,
    action,
    as_,
    as_admin,
    create,
    created,
    debates_component,
    error_codes,
    error_fields,
    reload,
    variables,
    versions,
)

SELECTION = 'title { translation(locale: "fr") } description { text } author { nickname } official closed startTime'


async def _count(make: Make, model: Any) -> int:
    async with make.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_participant_starts_a_debate_where_the_step_lets_them(make: Make, execute: Any) -> None:
    org = await make.org(None)
    camille = await make.user(nickname="camille")
    component = await debates_component(make, step=PARTICIPANTS_CREATE)

    body = await execute(
        create(f"id reference {SELECTION}"),
        {"component": str(component.id), "attributes": {"title": TITLE, "description": DESCRIPTION}},
        organization=org,
        viewer=as_(camille),
    )

    debate = created(body)
    assert body == {
        "data": {
            "component": {
                "createDebate": {
                    "id": debate["id"],
                    "reference": debate["reference"],
                    "title": {"translation": TITLE},
                    "description": {"text": DESCRIPTION},
                    "author": {"nickname": "@camille"},
                    "official": False,
                    "closed": False,
                    "startTime": None,
                }
            }
        }
    }
    assert re.fullmatch(rf"{org.reference_prefix}-DEBA-\d{{4}}-\d{{2}}-{debate['id']}", debate["reference"])
    stored = await make._get(models.Debate, int(debate["id"]))
    assert (stored.author_id, stored.title, stored.component_id) == (camille.id, {"fr": TITLE}, component.id)
    assert [event for event, _ in await versions(make, stored.id)] == ["create"]


async def test_participant_may_not_start_a_debate_while_the_step_does_not_allow_it(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)

    body = await execute(
        create(),
        {"component": str(component.id), "attributes": {"title": TITLE, "description": DESCRIPTION}},
        organization=org,
        viewer=as_(await make.user()),
    )

    assert body["data"] == {"component": {"createDebate": None}}
    assert error_codes(body) == [("FORBIDDEN", "CREATION_DISABLED")]
    assert await _count(make, models.Debate) == 0


async def test_anonymous_visitor_must_sign_in_to_start_a_debate(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make, step=PARTICIPANTS_CREATE)

    body = await execute(
        create(),
        {"component": str(component.id), "attributes": {"title": TITLE, "description": DESCRIPTION}},
        organization=org,
        viewer=Viewer(),
    )

    assert error_codes(body) == [("UNAUTHENTICATED", None)]


async def test_admin_starts_an_official_dated_debate_whatever_the_step(make: Make, execute: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)
    component = await debates_component(make)
    attributes = {
        "title": {"fr": TITLE, "en": "Should the city centre be car-free?"},
        "description": DESCRIPTION,
        "instructions": "Une contribution par personne.",
        "startTime": "2026-03-01T18:00:00+01:00",
        "endTime": "2026-03-31T18:00:00+02:00",
    }

    body = await execute(
        create(f"{SELECTION} endTime instructions {{ text }}"),
        {"component": str(component.id), "attributes": attributes, "locale": "fr"},
        organization=org,
        viewer=as_admin(admin),
    )

    assert body == {
        "data": {
            "component": {
                "createDebate": {
                    "title": {"translation": TITLE},
                    "description": {"text": DESCRIPTION},
                    "author": None,
                    "official": True,
                    "closed": False,
                    "startTime": "2026-03-01T17:00:00+00:00",
                    "endTime": "2026-03-31T16:00:00+00:00",
                    "instructions": {"text": "Une contribution par personne."},
                }
            }
        }
    }


async def test_invalid_debates_are_refused_with_every_problem_named(make: Make, execute: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)
    component = await debates_component(make)
    attributes = {
        "title": "Trop court",
        "startTime": "2026-03-31T18:00:00+02:00",
        "endTime": "2026-03-01T18:00:00+01:00",
    }

    body = await execute(
        create(), {"component": str(component.id), "attributes": attributes}, organization=org, viewer=as_admin(admin)
    )

    assert error_codes(body) == [("BAD_USER_INPUT", None)]
    assert error_fields(body) == {
        "attributes.title": "fr: must be 15 to 150 characters long",
        "attributes.description": "required",
        "attributes.endTime": "must be after startTime",
    }
    assert await _count(make, models.Debate) == 0


async def test_participants_may_not_date_their_debates_or_write_the_moderators_texts(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make, step=PARTICIPANTS_CREATE)
    attributes = {"title": TITLE, "description": DESCRIPTION, "informationUpdates": "Nouveau", "endTime": None}

    body = await execute(
        create(),
        {"component": str(component.id), "attributes": attributes},
        organization=org,
        viewer=as_(await make.user()),
    )

    assert error_fields(body) == {
        "attributes.endTime": "set by administrators only",
        "attributes.informationUpdates": "set by administrators only",
    }


async def test_author_edits_their_open_debate_and_history_records_it(make: Make, execute: Any) -> None:
    org = await make.org(None)
    author = await make.user()
    debate = await make.debate(author=author)
    new_title = "Un centre-ville sans voitures le dimanche ?"

    body = await execute(
        action(
            "update", input="{attributes: {title: $title}}", selection="title { text } description { text }"
        ).replace("$id: ID!)", "$id: ID!, $title: JSON)"),
        variables(debate) | {"title": new_title},
        organization=org,
        viewer=as_(author),
    )

    assert acted(body, "update") == {"title": {"text": new_title}, "description": {"text": debate.description["fr"]}}
    assert (await reload(make, debate)).title == {"fr": new_title}
    assert await versions(make, debate.id) == [("update", {"title": [debate.title, {"fr": new_title}]})]


async def test_only_the_author_or_an_admin_edits_a_debate(make: Make, execute: Any) -> None:
    org = await make.org(None)
    debate = await make.debate(author=await make.user())
    update = action("update", input='{attributes: {description: "Une description toute neuve."}}', selection="id")

    other = await execute(update, variables(debate), organization=org, viewer=as_(await make.user()))
    admin = await execute(update, variables(debate), organization=org, viewer=as_admin(await make.user(admin=True)))

    assert error_codes(other) == [("FORBIDDEN", "NOT_AUTHOR")]
    assert acted(admin, "update") == {"id": str(debate.id)}
    assert (await reload(make, debate)).description == {"fr": "Une description toute neuve."}
