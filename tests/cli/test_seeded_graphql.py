"""The seeded demo answers GraphQL through the real app, with the visibility rules applied."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.asgi import create_app
from app.seed.people import nickname
from app.seed.territory import communes
from app.settings import Settings


@pytest.fixture(scope="module")
async def seeded_client(seeded_url: str) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(Settings(environment="test"), database_url=seeded_url)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            yield client


async def gql(client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def test_anonymous_visitor_sees_the_seven_public_consultations(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(seeded_client, '{ participatoryProcesses { slug title { translation(locale: "fr") } } }')

    assert data == {
        "participatoryProcesses": [
            {"slug": "route-de-demain", "title": {"translation": "Inventons la route de demain"}},
            {"slug": "projet-educatif-departemental", "title": {"translation": "Projet éducatif départemental"}},
            {
                "slug": "accueil-solidarites",
                "title": {"translation": "Améliorer l'accueil dans les espaces départementaux des solidarités"},
            },
            {"slug": "aires-de-covoiturage", "title": {"translation": "Schéma des aires de covoiturage"}},
            {
                "slug": "loire-estuaire",
                "title": {"translation": "Loire et estuaire : imaginons nos rives de demain"},
            },
            {"slug": "budget-participatif", "title": {"translation": "Budget participatif de Loire-Atlantique"}},
            {"slug": "bien-manger-au-college", "title": {"translation": "Bien manger au collège"}},
        ]
    }


async def test_the_private_and_the_unpublished_consultations_stay_hidden(seeded_client: httpx.AsyncClient) -> None:
    query = "query ($slug: String!) { participatoryProcess(slug: $slug) { id } }"

    assert await gql(seeded_client, query, {"slug": "panel-citoyen-evaluation"}) == {"participatoryProcess": None}
    assert await gql(seeded_client, query, {"slug": "plan-velo"}) == {"participatoryProcess": None}


async def test_the_departement_scope_holds_the_207_communes(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(
        seeded_client,
        '{ participatoryProcess(slug: "route-de-demain") {'
        ' scope { code name { translation(locale: "fr") } children { code name { translation(locale: "fr") } } } } }',
    )

    scope = data["participatoryProcess"]["scope"]
    assert scope["code"] == "44"
    assert scope["name"] == {"translation": "Loire-Atlantique"}
    assert len(scope["children"]) == 207
    assert {(c["code"], c["name"]["translation"]) for c in scope["children"]} == {(c.code, c.name) for c in communes()}


async def test_the_road_consultation_carries_its_documents(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(
        seeded_client,
        '{ participatoryProcess(slug: "route-de-demain") {'
        ' attachments { title { translation(locale: "fr") } fileSize contentType }'
        ' attachmentCollections { name { translation(locale: "fr") } attachmentsCount } } }',
    )

    process = data["participatoryProcess"]
    # ``attachments`` lists every document of the process, those filed in collections included.
    assert len(process["attachments"]) == 5 + 14 + 3 + 5 + 7 + 3
    title = "Bilan de la consultation « Inventons la route de demain »"
    loose = [a for a in process["attachments"] if a["title"]["translation"] == title]
    assert loose == [
        {
            "title": {"translation": title},
            "fileSize": 557 * 1024,
            "contentType": "application/pdf",
        }
    ]
    assert process["attachmentCollections"] == [
        {"name": {"translation": "Compte-rendu et synthèse"}, "attachmentsCount": 14},
        {"name": {"translation": "Que fait le Département en matière de partage de la voirie"}, "attachmentsCount": 3},
        {
            "name": {"translation": "Que fait le Département en matière de sécurité sur les routes départementales"},
            "attachmentsCount": 5,
        },
        {
            "name": {"translation": "Que fait le Département en matière de route et environnement"},
            "attachmentsCount": 7,
        },
        {"name": {"translation": "Les expérimentations en cours du Département"}, "attachmentsCount": 3},
    ]


async def test_links_to_hidden_consultations_are_not_shown(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(
        seeded_client,
        '{ participatoryProcess(slug: "route-de-demain") {'
        " linkedParticipatorySpaces { name participatorySpace { ... on ParticipatoryProcess { slug } } } } }",
    )

    assert data["participatoryProcess"]["linkedParticipatorySpaces"] == [
        {"name": "related_processes", "participatorySpace": {"slug": "aires-de-covoiturage"}}
    ]


async def test_unconfirmed_blocked_and_deleted_participants_are_not_listed(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(seeded_client, "{ users { __typename nickname } }")

    listed = {u["nickname"] for u in data["users"]}
    kinds = [u["__typename"] for u in data["users"]]
    assert kinds.count("UserGroup") == 3
    assert kinds.count("User") == 57  # 56 visible participants and the participation team
    assert not listed & {f"@{nickname(position)}" for position in (56, 57, 58, 59)}
    assert "@equipe_participation" in listed


async def test_the_organization_is_served_in_both_locales(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(
        seeded_client,
        '{ organization { name { fr: translation(locale: "fr") en: translation(locale: "en") }'
        " availableLocales defaultLocale timeZone } }",
    )

    assert data == {
        "organization": {
            "name": {"fr": "Participer en Loire-Atlantique", "en": "Take part in Loire-Atlantique"},
            "availableLocales": ["fr", "en"],
            "defaultLocale": "fr",
            "timeZone": "Europe/Paris",
        }
    }
