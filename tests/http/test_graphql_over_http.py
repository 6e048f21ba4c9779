"""GraphQL over HTTP: the npm `graphql-http` audit against a live server, then each rule one by one."""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.graphql_view import GRAPHQL_RESPONSE_JSON, JSON, negotiate_media_type
from tests.http.conftest import LiveServer

ROOT = Path(__file__).resolve().parents[2]
NODE_TOOLS = ROOT / "var" / "node-tools"
INSTALL_TOOLS = ROOT / ".ci" / "install-test-tools"
# The audit runner lives in the shared folder beside the repository (CI lays it there too).
AUDIT_SCRIPT = ROOT.parent / "shared" / "tools" / "graphql-http-audit.mjs"
AUDIT_COUNT = 61

GQL_ACCEPT = {"accept": GRAPHQL_RESPONSE_JSON}
JSON_ACCEPT = {"accept": JSON}


def _audit_runner() -> tuple[str, Path]:
    """Node and the audit script copied next to var/node-tools/node_modules (installed there if npm is here)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: run .ci/install-test-tools")
    if not AUDIT_SCRIPT.is_file():
        pytest.skip(f"the audit script {AUDIT_SCRIPT} is missing")
    if not (NODE_TOOLS / "node_modules" / "graphql-http").is_dir():
        if shutil.which("npm") is None:
            pytest.skip("the npm packages graphql-http and graphql are missing and npm is not installed")
        done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [shutil.which("bash") or "/bin/bash", str(INSTALL_TOOLS), "node"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"could not install graphql-http with npm: {done.stderr.strip()[-500:]}")
    # ESM resolves `graphql-http` from the script's own folder, so the script must sit there.
    runner = NODE_TOOLS / AUDIT_SCRIPT.name
    shutil.copyfile(AUDIT_SCRIPT, runner)
    return node, runner


@pytest.mark.node
async def test_server_passes_every_graphql_over_http_audit_strictly(make: Any, live_server: LiveServer) -> None:
    node, runner = _audit_runner()
    # One organization: a single-organization install answers on any host, 127.0.0.1 included.
    await make.process()
    process = await asyncio.create_subprocess_exec(
        node,
        str(runner),
        live_server.graphql_url,
        "--strict",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        cwd=NODE_TOOLS,
    )
    stdout, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    output = stdout.decode()
    assert process.returncode == 0, output
    summary = re.search(r"(\d+)/(\d+) audits pass", output)
    assert summary is not None, output
    assert (int(summary[1]), int(summary[2])) == (AUDIT_COUNT, AUDIT_COUNT), output


# -- Accept negotiation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("application/json", JSON),
        ("application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json;q=0.5", JSON),
        ("application/graphql-response+json;q=0, */*", JSON),
        ("text/html,application/xhtml+xml,*/*;q=0.8", JSON),
        ("application/json, multipart/mixed", JSON),
        ("text/html", None),
        ("application/json;q=0", None),
    ],
)
def test_accept_header_chooses_the_response_media_type(accept: str | None, expected: str | None) -> None:
    assert negotiate_media_type(accept) == expected


async def test_client_accepting_graphql_response_json_gets_it(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=GQL_ACCEPT)
    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("accept", [None, "*/*", JSON])
async def test_client_without_a_preference_gets_plain_json(
    make: Any, client: httpx.AsyncClient, accept: str | None
) -> None:
    await make.organization(host="participa.test")
    headers = {"accept": accept} if accept else {}
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_client_accepting_no_json_type_is_refused_with_406(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"accept": "text/html"})
    assert response.status_code == 406
    assert response.json() == {
        "errors": [
            {
                "message": "This endpoint answers with application/graphql-response+json or application/json.",
                "extensions": {"code": "NOT_ACCEPTABLE"},
            }
        ]
    }


# -- status codes of GraphQL request errors ---------------------------------------------------------

REQUEST_ERRORS = {
    "parse": ({"query": "{"}, "Syntax Error: Expected Name, found <EOF>."),
    "validation": ({"query": "{ noSuchField }"}, "Cannot query field 'noSuchField' on type 'Query'."),
    "variable coercion": (
        {"query": "query Q($id: ID!) { component(id: $id) { id } }", "variables": {"id": None}},
        "Variable '$id' has invalid value: Expected value of non-null type 'ID!' not to be None.",
    ),
}


@pytest.mark.parametrize("kind", list(REQUEST_ERRORS))
async def test_request_error_is_400_without_data_for_graphql_response_json(
    make: Any, client: httpx.AsyncClient, kind: str
) -> None:
    await make.organization(host="participa.test")
    payload, message = REQUEST_ERRORS[kind]
    response = await client.post("/graphql", json=payload, headers=GQL_ACCEPT)
    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["message"].startswith(message)


@pytest.mark.parametrize("kind", list(REQUEST_ERRORS))
async def test_request_error_is_200_without_data_for_application_json(
    make: Any, client: httpx.AsyncClient, kind: str
) -> None:
    await make.organization(host="participa.test")
    payload, message = REQUEST_ERRORS[kind]
    response = await client.post("/graphql", json=payload, headers=JSON_ACCEPT)
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["message"].startswith(message)


async def test_field_error_keeps_data_and_status_200_for_graphql_response_json(
    make: Any, client: httpx.AsyncClient
) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", json={"query": '{ component(id: "abc") { id } }'}, headers=GQL_ACCEPT)
    assert response.status_code == 200
    assert response.json() == {
        "data": {"component": None},
        "errors": [
            {
                "message": "Invalid id 'abc' for id: ids are integers.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["component"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"id": "must be an integer id"}},
            }
        ],
    }


# -- GET --------------------------------------------------------------------------------------------


async def test_get_runs_a_query_with_url_encoded_variables(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    params = {"query": "query T($name: String!) { __type(name: $name) { name } }", "variables": '{"name":"Query"}'}
    response = await client.get("/graphql", params=params, headers=GQL_ACCEPT)
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": {"name": "Query"}}}


async def test_get_refuses_a_mutation_with_405_and_allow_post(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.get("/graphql", params={"query": "mutation { __typename }"}, headers=GQL_ACCEPT)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json() == {
        "errors": [
            {"message": "mutations are not allowed when using GET", "extensions": {"code": "METHOD_NOT_ALLOWED"}}
        ]
    }


async def test_get_with_malformed_variables_is_400(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    params = {"query": "{ __typename }", "variables": "{not json"}
    response = await client.get("/graphql", params=params, headers=JSON_ACCEPT)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert error["message"].startswith("Malformed JSON in the `variables` parameter: ")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_other_methods_are_refused_with_405_and_allow(make: Any, client: httpx.AsyncClient, method: str) -> None:
    await make.organization(host="participa.test")
    response = await client.request(method, "/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["errors"][0]["extensions"] == {"code": "METHOD_NOT_ALLOWED"}


# -- malformed requests -----------------------------------------------------------------------------


def _bad_request(message: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]}


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE_JSON])
async def test_malformed_json_body_is_400_with_a_readable_message(
    make: Any, client: httpx.AsyncClient, accept: str
) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", content=b'{ "not a JSON', headers={"content-type": JSON, "accept": accept})
    assert response.status_code == 400
    assert response.headers["content-type"] == accept
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    assert error["message"].startswith("Malformed JSON in the request body: ")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"query": "{ __typename }", "variables": "string"}, "`variables` must be an object or null."),
        ({"query": "{ __typename }", "variables": [1]}, "`variables` must be an object or null."),
        ({"query": "{ __typename }", "extensions": 0}, "`extensions` must be an object or null."),
        ({"query": "{ __typename }", "operationName": False}, "`operationName` must be a string or null."),
        ({"query": {"obj": "ect"}}, "`query` must be a string or null."),
        ({"qeury": "{ __typename }"}, "No GraphQL query found in the request"),
        ([{"query": "{ __typename }"}], "Batched operations are not supported; send one JSON object per request."),
        ("{ __typename }", "The request must be a JSON object with a `query`."),
    ],
)
async def test_bad_request_parameters_are_400_bad_request(
    make: Any, client: httpx.AsyncClient, payload: Any, message: str
) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", json=payload, headers=GQL_ACCEPT)
    assert response.status_code == 400
    assert response.json() == _bad_request(message)


async def test_empty_post_body_is_400(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", headers={"content-type": JSON})
    assert response.status_code == 400
    assert response.json() == _bad_request("The request body is empty; send a JSON object with a `query`.")


# -- media types and CSRF ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        (None, b'{"query":"{ __typename }"}', "A POST needs `Content-Type: application/json`."),
        (
            "text/plain",
            b'{"query":"{ __typename }"}',
            "Unsupported media type 'text/plain': send the operation as application/json.",
        ),
        (
            "application/x-www-form-urlencoded",
            b"query=%7B+__typename+%7D",
            "Unsupported media type 'application/x-www-form-urlencoded': send the operation as application/json.",
        ),
        (
            "multipart/form-data; boundary=x",
            b'--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n',
            "Unsupported media type 'multipart/form-data': send the operation as application/json.",
        ),
        ("application/json; charset=latin-1", b'{"query":"{ __typename }"}', "Only UTF-8 encoded JSON is accepted."),
    ],
)
async def test_non_json_posts_are_refused_with_415(
    make: Any, client: httpx.AsyncClient, content_type: str | None, body: bytes, message: str
) -> None:
    """Forms and multipart bodies are what a cross-site page can post without a preflight."""
    await make.organization(host="participa.test")
    headers = {"content-type": content_type} if content_type else {}
    response = await client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 415
    assert response.json() == {"errors": [{"message": message, "extensions": {"code": "UNSUPPORTED_MEDIA_TYPE"}}]}


async def test_utf8_json_with_charset_is_accepted(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    body = '{"query":"{ __type(name: \\"Run🏃Swim🏊\\") { name } }"}'.encode()
    response = await client.post("/graphql", content=body, headers={"content-type": "application/json; charset=UTF-8"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": None}}


# -- body size ----------------------------------------------------------------------------------------


def _oversized_body(limit: int) -> bytes:
    return b'{"query":"{ __typename }","extensions":{"pad":"' + b"x" * limit + b'"}}'


async def test_body_over_the_cap_is_refused_with_413(make: Any, client: httpx.AsyncClient, settings: Any) -> None:
    await make.organization(host="participa.test")
    limit = settings.limits.max_body_bytes
    response = await client.post("/graphql", content=_oversized_body(limit), headers={"content-type": JSON})
    assert response.status_code == 413
    assert response.json() == {
        "errors": [
            {
                "message": f"The request body is larger than {limit} bytes.",
                "extensions": {"code": "PAYLOAD_TOO_LARGE"},
            }
        ]
    }


async def test_chunked_body_over_the_cap_is_refused_with_413(
    make: Any, client: httpx.AsyncClient, settings: Any
) -> None:
    """Without a Content-Length the body is counted as it arrives."""
    await make.organization(host="participa.test")
    body = _oversized_body(settings.limits.max_body_bytes)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    response = await client.post("/graphql", content=chunks(), headers={"content-type": JSON})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "PAYLOAD_TOO_LARGE"}


# -- tenant, health, schema -------------------------------------------------------------------------


async def test_unknown_host_is_404_organization_not_found(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="first.test")
    await make.organization(host="second.test")
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"host": "elsewhere.test"})
    assert response.status_code == 404
    assert response.json() == {
        "errors": [
            {
                "message": "No organization is served at host 'elsewhere.test'.",
                "extensions": {"code": "ORGANIZATION_NOT_FOUND"},
            }
        ]
    }


async def test_single_organization_install_serves_any_host(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"host": "127.0.0.1:8000"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_healthz_reports_the_database_reachable(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_schema_is_served_as_a_download(client: httpx.AsyncClient, app: Any) -> None:
    response = await client.get("/schema.graphql")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/graphql; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="schema.graphql"'
    assert response.text == app.state.schema.as_str() + "\n"
