"""An admin script with an API token runs a whole consultation through GraphQL alone.

Create the process, its calendar and its idea box; publish them; import the proposals collected
on paper; answer them and publish the answers (the restitution); moderate a reported proposal.
Every call goes over HTTP with ``Authorization: Bearer``, as `examples/admin_script.py` does.
"""

from __future__ import annotations

import json
from typing import Any

from tests.builders import Make

CREATE_PROCESS = """
mutation($attributes: ParticipatoryProcessAttributes!) {
  createParticipatoryProcess(attributes: $attributes) { id slug publishedAt }
}"""
CREATE_STEP = "mutation($p: ID!, $a: StepAttributes!) { createStep(processId: $p, attributes: $a) { id } }"
ACTIVATE_STEP = "mutation($id: ID!) { activateStep(id: $id) { id active } }"
ADD_COMPONENT = """
mutation($space: ID!, $attributes: ComponentAttributes!) {
  addComponent(spaceId: $space, manifestName: "proposals", attributes: $attributes) { id }
}"""
PUBLISH_COMPONENT = "mutation($id: ID!) { publishComponent(id: $id) { id } }"
PUBLISH_PROCESS = "mutation($id: ID!) { publishParticipatoryProcess(id: $id) { id publishedAt } }"
IMPORT = """
mutation($c: ID!, $content: String!) {
  importProposals(componentId: $c, format: JSON, content: $content) { createdIds unchangedCount }
}"""
ANSWER = """
mutation($c: ID!, $p: ID!, $state: String!, $answer: JSON) {
  component(id: $c) { ... on ProposalsMutation { proposal(id: $p) {
    answer(input: {attributes: {state: $state, answer: $answer}}) { id }
  } } }
}"""
PUBLISH_ANSWERS = "mutation($c: ID!) { publishAnswers(componentId: $c) }"
HIDE = "mutation($id: ID!) { hideResource(reportableType: PROPOSAL, reportableId: $id) { hiddenAt } }"
PUBLIC_PAGE = """
query($c: ID!) {
  component(id: $c) { ... on Proposals { proposals(first: 10) {
    totalCount nodes { id state answer { translation(locale: "fr") } title { translation(locale: "fr") } }
  } } }
}"""


async def test_api_token_runs_a_consultation_from_creation_to_moderation(make: Make, gql: Any) -> None:
    admin = await make.user(admin=True)
    token = await make.signed_in(admin, kind="api", name="lifecycle", scopes=["api:read", "api:write"])
    headers = {"Authorization": f"Bearer {token}"}

    async def run(query: str, **variables: Any) -> dict[str, Any]:
        body = await gql(query, variables, headers=headers)
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    process = (
        await run(
            CREATE_PROCESS,
            attributes={"slug": "route-de-demain", "title": {"fr": "Inventons la route de demain", "en": "Roads"}},
        )
    )["createParticipatoryProcess"]
    assert process["publishedAt"] is None
    steps = [
        (await run(CREATE_STEP, p=process["id"], a={"title": {"fr": title}}))["createStep"]["id"]
        for title in ("Propositions", "Restitution")
    ]
    await run(ACTIVATE_STEP, id=steps[1])
    component = (
        await run(
            ADD_COMPONENT,
            space=process["id"],
            attributes={
                "name": {"fr": "Boîte à idées"},
                "defaultStepSettings": {"publish_answers_immediately": False},
            },
        )
    )["addComponent"]["id"]
    await run(PUBLISH_COMPONENT, id=component)
    await run(PUBLISH_PROCESS, id=process["id"])

    paper = [
        {
            "external_id": f"papier-{n}",
            "title/fr": f"Proposition papier numéro {n} pour la route",
            "body/fr": f"Recueillie à l'atelier de Nantes, fiche {n}: sécuriser les carrefours.",
        }
        for n in (1, 2, 3)
    ]
    imported = (await run(IMPORT, c=component, content=json.dumps(paper)))["importProposals"]
    assert len(imported["createdIds"]) == 3
    again = (await run(IMPORT, c=component, content=json.dumps(paper)))["importProposals"]
    assert again == {"createdIds": [], "unchangedCount": 3}

    first, second, third = imported["createdIds"]
    await run(ANSWER, c=component, p=first, state="accepted", answer={"fr": "Retenue au programme 2027."})
    await run(ANSWER, c=component, p=second, state="rejected", answer={"fr": "Hors compétence du Département."})

    # Answers stay private until published (the step does not publish them immediately).
    before = (await gql(PUBLIC_PAGE, {"c": component}))["data"]["component"]["proposals"]
    assert {n["state"] for n in before["nodes"]} == {None}
    assert sorted(await_ids(await run(PUBLISH_ANSWERS, c=component), "publishAnswers")) == sorted([first, second])
    await run(HIDE, id=third)

    page = (await gql(PUBLIC_PAGE, {"c": component}))["data"]["component"]["proposals"]
    assert page["totalCount"] == 2
    assert {n["id"]: (n["state"], n["answer"]["translation"]) for n in page["nodes"]} == {
        first: ("accepted", "Retenue au programme 2027."),
        second: ("rejected", "Hors compétence du Département."),
    }


def await_ids(data: dict[str, Any], key: str) -> list[str]:
    return list(data[key])
