"""Bad filter, sort and id values are the client's error: BAD_USER_INPUT, never a crash."""

from __future__ import annotations

from typing import Any

import pytest


def bad_input(field: str, message: str, fields: dict[str, str], *, column: int = 3) -> dict[str, Any]:
    return {
        "data": {field: None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 1, "column": column}],
                "path": [field],
                "extensions": {"code": "BAD_USER_INPUT", "fields": fields},
            }
        ],
    }


@pytest.mark.parametrize(
    ("arguments", "message", "fields"),
    [
        (
            'filter: {publishedBefore: "2026-13-01"}',
            "Invalid date '2026-13-01' for filter.publishedBefore: use YYYY-MM-DD.",
            {"filter.publishedBefore": "must be a date as YYYY-MM-DD"},
        ),
        (
            'filter: {publishedSince: "15/01/2026"}',
            "Invalid date '15/01/2026' for filter.publishedSince: use YYYY-MM-DD.",
            {"filter.publishedSince": "must be a date as YYYY-MM-DD"},
        ),
        (
            'filter: {publishedBefore: "20260110"}',
            "Invalid date '20260110' for filter.publishedBefore: use YYYY-MM-DD.",
            {"filter.publishedBefore": "must be a date as YYYY-MM-DD"},
        ),
        (
            'filter: {publishedSince: "2026-W02-1"}',
            "Invalid date '2026-W02-1' for filter.publishedSince: use YYYY-MM-DD.",
            {"filter.publishedSince": "must be a date as YYYY-MM-DD"},
        ),
        (
            'filter: {publishedSince: ""}',
            "Invalid date '' for filter.publishedSince: use YYYY-MM-DD.",
            {"filter.publishedSince": "must be a date as YYYY-MM-DD"},
        ),
        (
            'order: {id: "UP"}',
            'Invalid sort direction \'UP\' for order.id: use "ASC" or "DESC".',
            {"order.id": "must be ASC or DESC"},
        ),
        (
            'order: {startDate: "ascending"}',
            'Invalid sort direction \'ascending\' for order.startDate: use "ASC" or "DESC".',
            {"order.startDate": "must be ASC or DESC"},
        ),
        (
            'order: {publishedAt: "1"}',
            'Invalid sort direction \'1\' for order.publishedAt: use "ASC" or "DESC".',
            {"order.publishedAt": "must be ASC or DESC"},
        ),
    ],
)
async def test_anonymous_visitor_gets_bad_user_input_for_invalid_list_arguments(
    make: Any, gql: Any, arguments: str, message: str, fields: dict[str, str]
) -> None:
    await make.process()

    body = await gql(f"{{ participatoryProcesses({arguments}) {{ id }} }}")

    assert body == bad_input("participatoryProcesses", message, fields)


@pytest.mark.parametrize(
    ("query", "field", "message", "fields"),
    [
        (
            '{ participatoryProcess(id: "abc") { id } }',
            "participatoryProcess",
            "Invalid id 'abc' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
        (
            '{ participatoryProcess(id: "1_000") { id } }',
            "participatoryProcess",
            "Invalid id '1_000' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
        (
            '{ participatoryProcess(id: "\u0661\u0662") { id } }',
            "participatoryProcess",
            "Invalid id '\u0661\u0662' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
        (
            '{ participatoryProcess(id: "-4") { id } }',
            "participatoryProcess",
            "Invalid id '-4' for id.",
            {"id": "out of range"},
        ),
        (
            '{ participatoryProcess(id: "99999999999999999999") { id } }',
            "participatoryProcess",
            "Invalid id '99999999999999999999' for id.",
            {"id": "out of range"},
        ),
        (
            '{ participatoryProcessGroup(id: "1.5") { id } }',
            "participatoryProcessGroup",
            "Invalid id '1.5' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
        (
            '{ participatoryProcessType(id: "type-1") { id } }',
            "participatoryProcessType",
            "Invalid id 'type-1' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
        (
            '{ node(id: "UHJvY2VzczoxMDA=") { id } }',
            "node",
            "Invalid id 'UHJvY2VzczoxMDA=' for id: ids are integers.",
            {"id": "must be an integer id"},
        ),
    ],
)
async def test_anonymous_visitor_gets_bad_user_input_for_a_non_integer_id(
    make: Any, gql: Any, *, query: str, field: str, message: str, fields: dict[str, str]
) -> None:
    await make.process()

    body = await gql(query)

    assert body == bad_input(field, message, fields)


async def test_a_bad_id_in_nodes_fails_the_whole_non_null_list(make: Any, gql: Any) -> None:
    process = await make.process()

    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [str(process.id), "x"]})

    assert body == {
        "data": None,
        "errors": [
            {
                "message": "Invalid id 'x' for ids: ids are integers.",
                "locations": [{"line": 1, "column": 23}],
                "path": ["nodes"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"ids": "must be an integer id"}},
            }
        ],
    }


async def test_a_bad_argument_on_one_field_leaves_the_other_fields_answered(make: Any, gql: Any) -> None:
    process = await make.process(slug="mobilites")

    body = await gql(
        '{ ok: participatoryProcess(slug: "mobilites") { id } bad: participatoryProcesses(order: {id: "UP"}) { id } }'
    )

    assert body == {
        "data": {"ok": {"id": str(process.id)}, "bad": None},
        "errors": [
            {
                "message": 'Invalid sort direction \'UP\' for order.id: use "ASC" or "DESC".',
                "locations": [{"line": 1, "column": 54}],
                "path": ["bad"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"order.id": "must be ASC or DESC"}},
            }
        ],
    }


async def test_a_wrongly_typed_argument_fails_validation_without_touching_data(make: Any, gql: Any) -> None:
    await make.process()

    body = await gql("{ participatoryProcesses(filter: {publishedBefore: 20260101}) { id } }")

    assert body == {
        "errors": [
            {
                "message": "String cannot represent a non string value: 20260101",
                "locations": [{"line": 1, "column": 52}],
                "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"},
            }
        ],
    }
