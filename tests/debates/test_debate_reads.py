"""Reading debates as Decidim's API does: the component's keyset-paginated list and ``debate(id)``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import NOW, Make, tr
from tests.debates.conftest import debates_component

PAGE = """
query($c: ID!, $first: Int, $after: String) {
  component(id: $c) {
    __typename
    ... on Debates {
      debates(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        edges { cursor }
        nodes { id title { text } }
      }
    }
  }
}
"""

ONE = """
query($c: ID!, $id: ID!) {
  component(id: $c) {
    ... on Debates {
      debate(id: $id) {
        id type title { translation(locale: "en") } description { text } instructions { text }
        informationUpdates { text } startTime endTime image reference createdAt
        author { __typename nickname } official closed closedAt conclusions { text }
        acceptsNewComments commentsHaveAlignment commentsHaveVotes totalCommentsCount hasComments
        endorsementsCount endorsements { nickname } versionsCount
        category { id } scope { id } viewerHasEndorsed viewerCanEdit
      }
    }
  }
}
"""


async def test_visitor_pages_through_the_debates_of_a_component(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)
    debates = [await make.debate(component=component) for _ in range(5)]
    await make.debate()  # another component's: never in this list

    first = await execute(PAGE, {"c": str(component.id), "first": 2}, organization=org)
    page = first["data"]["component"]["debates"]
    assert first["data"]["component"]["__typename"] == "Debates"
    assert page["totalCount"] == 5
    assert page["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False}
    assert [n["id"] for n in page["nodes"]] == [str(d.id) for d in debates[:2]]

    rest = await execute(
        PAGE, {"c": str(component.id), "first": 10, "after": page["edges"][-1]["cursor"]}, organization=org
    )
    page = rest["data"]["component"]["debates"]
    assert page["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True}
    assert [n["id"] for n in page["nodes"]] == [str(d.id) for d in debates[2:]]
    assert page["nodes"][0]["title"] == {"text": debates[2].title["fr"]}


async def test_a_forged_cursor_is_the_clients_mistake(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)

    body = await execute(PAGE, {"c": str(component.id), "after": "bm90LWEtY3Vyc29y"}, organization=org)

    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_an_official_dated_debate_shows_every_decidim_field(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make, step={"comments_blocked": False})
    debate = await make.debate(
        component=component,
        title=tr("Le tramway jusqu'à Rezé ?", "The tram to Rezé?"),
        instructions=tr("Restez courtois."),
        information_updates=tr("Réunion publique le 3 mars."),
        start_time=NOW,
        end_time=NOW + timedelta(days=30),
        reference="LA-DEBA-2026-01-1",
        created_at=NOW,
    )

    body = await execute(ONE, {"c": str(component.id), "id": str(debate.id)}, organization=org)

    assert body == {
        "data": {
            "component": {
                "debate": {
                    "id": str(debate.id),
                    "type": "Decidim::Debates::Debate",
                    "title": {"translation": "The tram to Rezé?"},
                    "description": {"text": "Parlons-en ensemble ici."},
                    "instructions": {"text": "Restez courtois."},
                    "informationUpdates": {"text": "Réunion publique le 3 mars."},
                    "startTime": NOW.isoformat(),
                    "endTime": (NOW + timedelta(days=30)).isoformat(),
                    "image": None,
                    "reference": "LA-DEBA-2026-01-1",
                    "createdAt": NOW.isoformat(),
                    "author": None,
                    "official": True,
                    "closed": False,
                    "closedAt": None,
                    "conclusions": None,
                    "acceptsNewComments": True,
                    "commentsHaveAlignment": True,
                    "commentsHaveVotes": True,
                    "totalCommentsCount": 0,
                    "hasComments": False,
                    "endorsementsCount": 0,
                    "endorsements": [],
                    "versionsCount": 0,
                    "category": None,
                    "scope": None,
                    "viewerHasEndorsed": False,
                    "viewerCanEdit": False,
                }
            }
        }
    }


async def test_a_participants_closed_debate_shows_its_author_conclusions_and_endorsers(
    make: Make, execute: Any
) -> None:
    org = await make.org(None)
    author = await make.user(nickname="camille")
    endorser = await make.user(nickname="dominique")
    process = await make.process()
    category = await make.category(space=process)
    component = await debates_component(make, space=process)
    debate = await make.debate(
        component=component,
        author=author,
        closed_at=NOW,
        conclusions=tr("Une zone piétonne à l'essai."),
        category_id=category.id,
        endorsements_count=1,
    )
    async with make.sessionmaker() as session:
        session.add(
            models.Endorsement(
                organization_id=org.id,
                resource_kind=ResourceKind.DEBATE.value,
                resource_id=debate.id,
                author_id=endorser.id,
            )
        )
        await session.commit()
    query = """query($c: ID!, $id: ID!) { component(id: $c) { ... on Debates { debate(id: $id) {
      author { nickname } official closed closedAt conclusions { text } acceptsNewComments
      endorsementsCount endorsements { nickname } category { id } } } } }"""

    body = await execute(query, {"c": str(component.id), "id": str(debate.id)}, organization=org)

    assert body == {
        "data": {
            "component": {
                "debate": {
                    "author": {"nickname": "@camille"},
                    "official": False,
                    "closed": True,
                    "closedAt": NOW.isoformat(),
                    "conclusions": {"text": "Une zone piétonne à l'essai."},
                    "acceptsNewComments": False,
                    "endorsementsCount": 1,
                    "endorsements": [{"nickname": "@dominique"}],
                    "category": {"id": str(category.id)},
                }
            }
        }
    }


async def test_debate_of_another_component_is_not_found_through_this_one(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await debates_component(make)
    elsewhere = await make.debate()

    body = await execute(ONE, {"c": str(component.id), "id": str(elsewhere.id)}, organization=org)

    assert body == {"data": {"component": {"debate": None}}}
