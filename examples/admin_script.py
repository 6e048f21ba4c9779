#!/usr/bin/env python3
"""Set up a participatory process through Participa's GraphQL API, as an admin script would.

It creates a process with two steps (the first one active) and a proposals component, publishes
both, and prints the new ids. Only the standard library is used, so it runs anywhere Python 3.11+ is.

Environment:
    PARTICIPA_URL    the GraphQL endpoint, e.g. http://localhost:8000/graphql
    PARTICIPA_TOKEN  an API token with the api:write scope, from
                     `participa token create --user admin@example.org --name setup --scopes api:read,api:write`
    PARTICIPA_SLUG   optional: the new process's slug (default: setup-<unix time>)

Exit status: 0 on success; 1 on any GraphQL or HTTP error (printed on stderr); 2 on a missing variable.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from typing import Any


class GraphQLFailure(Exception):
    """The server answered with errors (or not at all)."""


def call(url: str, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """POST one operation; its ``data``, or ``GraphQLFailure`` when the answer carries errors."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is the operator's own endpoint
        url,
        data=body,
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Bearer {token}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            answer = json.load(response)
    except urllib.error.HTTPError as exc:
        # GraphQL errors may come with a 4xx status (a bad token gets 401): show the body.
        raise GraphQLFailure(f"HTTP {exc.code}: {exc.read().decode(errors='replace')}") from None
    except urllib.error.URLError as exc:
        raise GraphQLFailure(f"cannot reach {url}: {exc.reason}") from None
    if answer.get("errors"):
        raise GraphQLFailure(json.dumps(answer["errors"], ensure_ascii=False, indent=2))
    return answer["data"]  # type: ignore[no-any-return]


CREATE_PROCESS = """
mutation($attributes: ParticipatoryProcessAttributes!) {
  createParticipatoryProcess(attributes: $attributes) { id slug }
}"""
CREATE_STEP = """
mutation($processId: ID!, $attributes: StepAttributes!) {
  createStep(processId: $processId, attributes: $attributes) { id }
}"""
ACTIVATE_STEP = "mutation($id: ID!) { activateStep(id: $id) { id active } }"
ADD_COMPONENT = """
mutation($spaceId: ID!, $attributes: ComponentAttributes!) {
  addComponent(spaceId: $spaceId, manifestName: "proposals", attributes: $attributes) { id }
}"""
PUBLISH_COMPONENT = "mutation($id: ID!) { publishComponent(id: $id) { id } }"
PUBLISH_PROCESS = "mutation($id: ID!) { publishParticipatoryProcess(id: $id) { id publishedAt } }"


def set_up(url: str, token: str, slug: str) -> dict[str, Any]:
    def run(query: str, **variables: Any) -> dict[str, Any]:
        return call(url, token, query, variables)

    process = run(
        CREATE_PROCESS,
        attributes={
            "slug": slug,
            "title": {"fr": "Budget participatif", "en": "Participatory budget"},
            "shortDescription": {"fr": "Proposez, puis votez.", "en": "Propose, then vote."},
        },
    )["createParticipatoryProcess"]
    steps = [
        run(CREATE_STEP, processId=process["id"], attributes={"title": title})["createStep"]["id"]
        for title in ({"fr": "Propositions", "en": "Proposals"}, {"fr": "Vote", "en": "Vote"})
    ]
    run(ACTIVATE_STEP, id=steps[0])
    component = run(
        ADD_COMPONENT,
        spaceId=process["id"],
        attributes={"name": {"fr": "Propositions", "en": "Proposals"}, "settings": {"vote_limit": 5}},
    )["addComponent"]
    run(PUBLISH_COMPONENT, id=component["id"])
    run(PUBLISH_PROCESS, id=process["id"])
    return {"process": process["id"], "slug": process["slug"], "steps": steps, "component": component["id"]}


def main() -> int:
    url, token = os.environ.get("PARTICIPA_URL"), os.environ.get("PARTICIPA_TOKEN")
    if not url or not token:
        print("Set PARTICIPA_URL and PARTICIPA_TOKEN (see this script's docstring).", file=sys.stderr)
        return 2
    slug = os.environ.get("PARTICIPA_SLUG") or f"setup-{int(time.time())}"
    try:
        ids = set_up(url, token, slug)
    except GraphQLFailure as exc:
        print(f"GraphQL error: {exc}", file=sys.stderr)
        return 1
    print(f"process {ids['process']} ({ids['slug']})")
    print(f"steps {' '.join(ids['steps'])} (first active)")
    print(f"component {ids['component']} (proposals)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
