"""The seeded demo answers GraphQL through the real app, with the visibility rules applied."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from starlette.applications import Starlette

from app.asgi import create_app
from app.seed.figures import (
    CONSULTATIONS,
    DEMO_PASSWORD,
    PARTICIPANT_EMAIL,
    PARTICIPANTS,
    PROPOSALS,
    PROPOSALS_BY_PROCESS,
    SUPPORTS,
)
from app.seed.people import HIDDEN, VISIBLE_PER_BLOCK, nickname
from app.seed.territory import communes
from app.settings import Settings
from tests.cli.conftest import aquery


@pytest.fixture(scope="module")
async def seeded_app(seeded_url: str) -> AsyncIterator[Starlette]:
    application = create_app(Settings(environment="test"), database_url=seeded_url)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="module")
async def seeded_client(seeded_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=seeded_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        yield client


async def gql(
    client: httpx.AsyncClient, document: str, variables: dict[str, Any] | None = None, *, token: str | None = None
) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await client.post("/graphql", json={"query": document, "variables": variables or {}}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def test_anonymous_visitor_sees_the_nine_public_consultations(seeded_client: httpx.AsyncClient) -> None:
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
            {"slug": "bien-vieillir", "title": {"translation": "Bien vieillir en Loire-Atlantique"}},
            {"slug": "bien-manger-au-college", "title": {"translation": "Bien manger au collège"}},
            {
                "slug": "espaces-naturels",
                "title": {"translation": "Espaces naturels sensibles : randonner et préserver"},
            },
        ]
    }


async def test_one_anonymous_query_gives_the_case_studys_annual_review(
    seeded_app: Starlette, seeded_client: httpx.AsyncClient
) -> None:
    document = (
        '{ metrics(names: ["users", "proposals", "votes"]) { name count }'
        " participatoryProcesses { slug } organization { stats { name value } } }"
    )
    await gql(seeded_client, document)  # the organization is looked up once, then cached
    statements: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = seeded_app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        data = await gql(seeded_client, document)
    finally:
        event.remove(engine, "before_cursor_execute", before)

    # "1500 participants ; 9 consultations, 794 propositions, 643 soutiens": the public figures, exactly.
    assert data["metrics"] == [
        {"name": "users", "count": PARTICIPANTS},
        {"name": "proposals", "count": PROPOSALS},
        {"name": "votes", "count": SUPPORTS},
    ]
    assert (PARTICIPANTS, CONSULTATIONS, PROPOSALS, SUPPORTS) == (1500, 9, 794, 643)
    assert len(data["participatoryProcesses"]) == CONSULTATIONS
    stats = {s["name"]: s["value"] for s in data["organization"]["stats"]}
    assert {name: stats[name] for name in ("users_count", "processes_count", "proposals_count", "supports_count")} == {
        "users_count": PARTICIPANTS,
        "processes_count": CONSULTATIONS,
        "proposals_count": PROPOSALS,
        "supports_count": SUPPORTS,
    }
    # The processes; the three metrics' live figures (one each) and stored days; the stats' counts and
    # live figures (one per metric).
    assert len(statements) == 17, statements


async def test_the_private_and_the_unpublished_consultations_stay_hidden(seeded_client: httpx.AsyncClient) -> None:
    document = "query ($slug: String!) { participatoryProcess(slug: $slug) { id } }"

    assert await gql(seeded_client, document, {"slug": "panel-citoyen-evaluation"}) == {"participatoryProcess": None}
    assert await gql(seeded_client, document, {"slug": "plan-velo"}) == {"participatoryProcess": None}


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
    assert kinds.count("User") == VISIBLE_PER_BLOCK + 3  # with the team, the moderator and the demo participant
    assert not listed & {f"@{nickname(position)}" for position in HIDDEN}
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


async def _route_proposals(url: str) -> int:
    return int(
        (
            await aquery(
                url,
                "SELECT c.id FROM components c JOIN participatory_processes p ON p.id = c.space_id"
                " WHERE p.slug = 'route-de-demain' AND c.manifest_name = 'proposals'",
            )
        )[0][0]
    )


async def test_a_page_of_proposals_shows_the_total_and_exact_counters(
    seeded_client: httpx.AsyncClient, seeded_url: str
) -> None:
    component = await _route_proposals(seeded_url)
    rows = await aquery(
        seeded_url,
        "SELECT id, reference, votes_count, endorsements_count, comments_count,"
        " CASE WHEN state_published_at IS NOT NULL THEN state END, withdrawn_at IS NOT NULL"
        " FROM proposals WHERE component_id = :c AND published_at IS NOT NULL AND hidden_at IS NULL ORDER BY id",
        c=component,
    )

    data = await gql(
        seeded_client,
        """
        query ($id: ID!) { component(id: $id) { ... on Proposals {
          proposals(first: 50, order: { id: "ASC" }) {
            totalCount pageInfo { hasNextPage }
            nodes { id reference voteCount endorsementsCount totalCommentsCount state withdrawn }
        } } } }
        """,
        {"id": str(component)},
    )

    assert data == {
        "component": {
            "proposals": {
                "totalCount": len(rows),
                "pageInfo": {"hasNextPage": True},
                "nodes": [
                    {
                        "id": str(pk),
                        "reference": reference,
                        "voteCount": votes,
                        "endorsementsCount": endorsements,
                        "totalCommentsCount": comments,
                        "state": state,
                        "withdrawn": withdrawn,
                    }
                    for pk, reference, votes, endorsements, comments, state, withdrawn in rows[:50]
                ],
            }
        }
    }
    assert len(rows) == PROPOSALS_BY_PROCESS["route-de-demain"] == 240  # its public share; the hidden ones on top


async def test_a_comment_thread_shows_alignments_votes_and_replies(
    seeded_client: httpx.AsyncClient, seeded_url: str
) -> None:
    proposal = (
        await aquery(
            seeded_url,
            "SELECT p.id, p.comments_count FROM proposals p WHERE p.hidden_at IS NULL AND p.component_id = :c"
            " AND EXISTS (SELECT 1 FROM comments c WHERE c.root_id = p.id AND c.depth = 2)"
            " ORDER BY p.comments_count DESC, p.id LIMIT 1",
            c=await _route_proposals(seeded_url),
        )
    )[0]
    rows = await aquery(
        seeded_url,
        "SELECT id, parent_id, alignment, up_votes_count, down_votes_count, deleted_at IS NOT NULL FROM comments"
        " WHERE root_kind = 'proposal' AND root_id = :p AND hidden_at IS NULL ORDER BY created_at, id",
        p=proposal[0],
    )

    def level(parent: int | None) -> list[dict[str, Any]]:
        """The expected thread under ``parent``, oldest first (seeded threads stop at depth 2)."""
        return [
            {"id": str(pk), "alignment": alignment, "upVotes": up, "downVotes": down, "deleted": deleted}
            | {"comments": level(pk)}
            for pk, parent_id, alignment, up, down, deleted in rows
            if parent_id == parent
        ]

    fields = "id alignment upVotes downVotes deleted"
    data = await gql(
        seeded_client,
        f"query ($id: ID!) {{ node(id: $id) {{ ... on Proposal {{ totalCommentsCount"
        f" comments {{ {fields} comments {{ {fields} comments {{ {fields} comments {{ {fields} }} }} }} }} }} }} }}",
        {"id": str(proposal[0])},
    )

    expected = level(None)
    assert data == {"node": {"totalCommentsCount": proposal[1], "comments": expected}}
    assert {c["alignment"] for c in expected} <= {1, 0, -1}


async def test_the_demo_participant_signs_in_and_sees_the_private_panel(seeded_client: httpx.AsyncClient) -> None:
    signed_in = await gql(
        seeded_client,
        "mutation ($email: String!, $password: String!) {"
        " signIn(email: $email, password: $password) { token confirmed user { nickname } } }",
        {"email": PARTICIPANT_EMAIL, "password": DEMO_PASSWORD},
    )
    token = signed_in["signIn"]["token"]
    panel = '{ participatoryProcess(slug: "panel-citoyen-evaluation") { slug } }'

    assert signed_in["signIn"]["confirmed"] is True
    assert signed_in["signIn"]["user"] == {"nickname": "@participant_demo"}
    assert await gql(seeded_client, panel, token=token) == {
        "participatoryProcess": {"slug": "panel-citoyen-evaluation"}
    }


async def test_every_kind_of_component_answers_its_list(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(
        seeded_client,
        """
        { participatoryProcesses { slug components { __typename
            ... on Proposals { proposals(first: 5) { totalCount } }
            ... on Meetings { meetings(first: 5) { totalCount } }
            ... on Surveys { surveys(first: 5) { totalCount } }
            ... on Accountability { results(first: 5) { totalCount } }
            ... on Blogs { posts(first: 5) { totalCount } }
            ... on Pages { pages(first: 5) { totalCount } }
            ... on Debates { debates(first: 5) { totalCount } }
            ... on Budgets { budgets(first: 5) { totalCount } }
        } } }
        """,
    )

    totals: dict[str, int] = {}
    for process in data["participatoryProcesses"]:
        for component in process["components"]:
            listed = [v for k, v in component.items() if k != "__typename"]
            if listed:
                totals[component["__typename"]] = totals.get(component["__typename"], 0) + listed[0]["totalCount"]
    assert set(totals) == {"Proposals", "Meetings", "Surveys", "Accountability", "Blogs", "Pages", "Debates", "Budgets"}
    assert all(totals.values()), totals
