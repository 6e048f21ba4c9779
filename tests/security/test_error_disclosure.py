"""Errors tell the caller what went wrong without disclosing the schema or the server's internals."""

from __future__ import annotations

import logging
from typing import Any

import pytest

import resolvers.processes.queries
from schema.errors import INTERNAL_MESSAGE

pytestmark = pytest.mark.usefixtures("organization")


@pytest.fixture
async def organization(make: Any) -> Any:
    return await make.org(None)


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    [
        ("{ participatoryProcesse { id } }", None, "Cannot query field 'participatoryProcesse' on type 'Query'."),
        ("{ users(fitler: null) { id } }", None, "Unknown argument 'fitler' on field 'Query.users'."),
        (
            "query($f: UserEntityFilte) { users(filter: $f) { id } }",
            None,
            "Unknown type 'UserEntityFilte'.",
        ),
        (
            '{ users(filter: {nam: "x"}) { id } }',
            None,
            "Expected value of type 'UserEntityFilter' not to include unknown field 'nam'. Found: { nam: \"x\" }.",
        ),
        (
            "query($f: UserEntityFilter) { users(filter: $f) { id } }",
            {"f": {"nam": "x"}},
            "Variable '$f' has invalid value: Expected value of type 'UserEntityFilter' not to include unknown "
            "field 'nam'. Found: {'nam': 'x'}.",
        ),
        (
            "{ participatoryProcesses { titl { text } } }",
            None,
            "Cannot query field 'titl' on type 'ParticipatoryProcess'.",
        ),
    ],
)
async def test_no_error_suggests_names_from_the_schema(
    gql: Any, query: str, variables: dict[str, Any] | None, message: str
) -> None:
    body = await gql(query, variables)

    assert [e["message"] for e in body["errors"]] == [message]
    assert "Did you mean" not in str(body)


async def test_an_unexpected_failure_is_masked_and_carries_the_request_id(
    gql: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        msg = "connection to 10.0.0.7 refused; password=hunter2"
        raise RuntimeError(msg)

    monkeypatch.setattr(resolvers.processes.queries, "list_processes", broken)

    with caplog.at_level(logging.ERROR, logger="participa.graphql"):
        body = await gql("{ participatoryProcesses { id } }", headers={"x-request-id": "req-4f2a"})

    assert body == {
        "data": {"participatoryProcesses": None},
        "errors": [
            {
                "message": INTERNAL_MESSAGE,
                "locations": [{"line": 1, "column": 3}],
                "path": ["participatoryProcesses"],
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": "req-4f2a"},
            }
        ],
    }
    text = str(body)
    for leak in ("hunter2", "10.0.0.7", "RuntimeError", "Traceback", "resolvers/", ".py"):
        assert leak not in text
    # The operator gets the whole story, under the same request id.
    logged = [r for r in caplog.records if r.name == "participa.graphql"]
    assert len(logged) == 1
    assert "req-4f2a" in logged[0].getMessage()
    assert logged[0].exc_info is not None
    assert "hunter2" in str(logged[0].exc_info[1])


async def test_without_a_request_id_header_one_is_made_up_for_the_report(
    gql: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("secret")

    monkeypatch.setattr(resolvers.processes.queries, "list_processes", broken)

    body = await gql("{ participatoryProcesses { id } }")

    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert isinstance(error["extensions"]["requestId"], str)
    assert len(error["extensions"]["requestId"]) >= 16
    assert "secret" not in str(body)
