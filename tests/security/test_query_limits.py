"""Every document limit refuses with its own ``extensions.code`` and accepts a document just under it.

The numbers come from ``app.settings.LimitSettings``; tests read them from the ``settings`` fixture
so a changed limit moves the boundary the tests probe.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from graphql import get_introspection_query
from graphql.language import Lexer, Source, TokenKind

from app.settings import Settings

pytestmark = pytest.mark.usefixtures("organization")


@pytest.fixture
async def organization(make: Any) -> Any:
    """The tenant the requests' host resolves to."""
    return await make.org(None)


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", ())]


def count_tokens(document: str) -> int:
    lexer = Lexer(Source(document))
    count = 0
    while lexer.advance().kind != TokenKind.EOF:
        count += 1
    return count


# -- depth ------------------------------------------------------------------------------------------


def nested(leaf: str) -> str:
    """A path of 14 fields above ``leaf`` whose names repeat at most three times (the recursion limit)."""
    return (
        '{ participatoryProcess(slug: "x") { activeStep { participatoryProcess { activeStep { participatoryProcess {'
        " participatoryProcessGroup { participatoryProcesses { scope { parent { parent { parent {"
        " children { children { children { " + leaf + " } } } } } } } } } } } } } } }"
    )


async def test_a_document_as_deep_as_the_limit_runs(gql: Any, settings: Settings) -> None:
    assert settings.limits.max_depth == 15  # nested() is built for this figure

    body = await gql(nested("id"))

    assert body == {"data": {"participatoryProcess": None}}


async def test_a_document_one_level_deeper_than_the_limit_is_refused(gql: Any) -> None:
    body = await gql(nested("name { text }"))

    assert body == {
        "errors": [
            {
                "message": "Operation 'anonymous' has depth 16; the maximum is 15.",
                "locations": [{"line": 1, "column": 1}],
                "extensions": {"code": "QUERY_TOO_DEEP", "depth": 16, "maxDepth": 15},
            }
        ]
    }


# -- aliases ----------------------------------------------------------------------------------------


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


async def test_as_many_aliases_as_the_limit_run(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_aliases

    body = await gql(aliases(limit))

    assert body == {"data": {f"a{i}": "Query" for i in range(limit)}}


@pytest.mark.parametrize("extra", [1, 71], ids=["one over", "graphql-cop's 101"])
async def test_more_aliases_than_the_limit_are_refused(gql: Any, settings: Settings, extra: int) -> None:
    limit = settings.limits.max_aliases
    count = limit + extra

    body = await gql(aliases(count))

    assert body == {
        "errors": [
            {
                "message": f"Operation 'anonymous' uses {count} aliases; at most {limit} are allowed.",
                "locations": [{"line": 1, "column": 1}],
                "extensions": {"code": "TOO_MANY_ALIASES", "aliases": count, "maxAliases": limit},
            }
        ]
    }


async def test_aliases_inside_fragments_count_where_the_fragment_is_spread(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_aliases
    fragment = "fragment F on Query { " + " ".join(f"f{i}: __typename" for i in range(limit)) + " }"

    body = await gql("{ a: __typename ...F } " + fragment)

    assert codes(body) == ["TOO_MANY_ALIASES"]


# -- tokens -----------------------------------------------------------------------------------------


def with_tokens(count: int) -> str:
    """A valid document of exactly ``count`` tokens: a long list of ids to leave out."""
    frame = "{ users(filter: {excludeIds: [%s]}) { id } }"
    ids = " ".join(str(i) for i in range(1, 1 + count - count_tokens(frame % "")))
    document = frame % ids
    assert count_tokens(document) == count
    return document


async def test_a_document_of_as_many_tokens_as_the_limit_runs(gql: Any, settings: Settings) -> None:
    body = await gql(with_tokens(settings.limits.max_tokens))

    assert body == {"data": {"users": []}}


async def test_a_document_with_one_token_too_many_is_refused_before_it_is_parsed(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_tokens

    body = await gql(with_tokens(limit + 1))

    assert len(body["errors"]) == 1
    error = body["errors"][0]
    assert error["message"] == f"The document has more than {limit} tokens; split the operation."
    assert error["extensions"] == {"code": "TOO_MANY_TOKENS", "maxTokens": limit}


async def test_comments_are_limited_like_tokens(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_tokens
    comments = "\n".join("# padding" for _ in range(limit + 1))

    body = await gql(comments + "\n{ __typename }")

    assert codes(body) == ["TOO_MANY_TOKENS"]


async def test_a_syntax_error_has_a_code(gql: Any) -> None:
    body = await gql("{ organization { id }")

    assert body == {
        "errors": [
            {
                "message": "Syntax Error: Expected Name, found <EOF>.",
                "locations": [{"line": 1, "column": 22}],
                "extensions": {"code": "GRAPHQL_PARSE_FAILED"},
            }
        ]
    }


# -- directives -------------------------------------------------------------------------------------


def directives(count: int) -> str:
    """``count`` directives, two per aliased field (a directive may appear once per location)."""
    pairs, odd = divmod(count, 2)
    fields = [f"t{i}: __typename @include(if: true) @skip(if: false)" for i in range(pairs)]
    if odd:
        fields.append("__typename @include(if: true)")
    return "{ " + " ".join(fields) + " }"


async def test_as_many_directives_as_the_limit_run(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_directives

    body = await gql(directives(limit))

    assert body == {"data": {f"t{i}": "Query" for i in range(limit // 2)}}


async def test_more_directives_than_the_limit_are_refused_before_validation(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_directives

    body = await gql(directives(limit + 1))

    assert body == {
        "errors": [
            {
                "message": f"The document uses {limit + 1} directives; at most {limit} are allowed.",
                "extensions": {"code": "TOO_MANY_DIRECTIVES", "directives": limit + 1, "maxDirectives": limit},
            }
        ]
    }


async def test_graphql_cops_ten_duplicated_unknown_directives_are_refused(gql: Any) -> None:
    body = await gql("query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")

    assert "data" not in body
    assert {e["message"] for e in body["errors"]} == {"Unknown directive '@aa'."}
    assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}


# -- recursion --------------------------------------------------------------------------------------


def scope_parents(count: int) -> str:
    return '{ participatoryProcess(slug: "x") { scope { ' + "parent { " * count + "id" + " }" * count + " } } }"


async def test_a_field_nested_as_often_as_the_recursion_limit_runs(gql: Any, settings: Settings) -> None:
    body = await gql(scope_parents(settings.limits.max_recursion))

    assert body == {"data": {"participatoryProcess": None}}


async def test_a_field_nested_once_more_than_the_recursion_limit_is_refused(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_recursion

    body = await gql(scope_parents(limit + 1))

    assert body["errors"] == [
        {
            "message": f"Field 'parent' is nested {limit + 1} times in one branch; at most {limit} are allowed.",
            "locations": [{"line": 1, "column": 45}],
            "extensions": {"code": "QUERY_TOO_RECURSIVE", "field": "parent", "count": limit + 1, "maxRecursion": limit},
        }
    ]


async def test_circular_introspection_is_refused(gql: Any) -> None:
    body = await gql(
        "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields "
        "{ type { fields { name } } } } } } } } } } } } } }"
    )

    assert "QUERY_TOO_RECURSIVE" in codes(body)
    assert "data" not in body


# -- field duplication ------------------------------------------------------------------------------


async def test_graphql_cops_500_duplicated_typename_fields_are_refused_before_validation(gql: Any) -> None:
    """graphql-core compares same-named fields pairwise: 500 copies are 125 000 comparisons."""
    body = await gql("query cop { " + "__typename\n" * 500 + "}")

    assert body == {
        "errors": [
            {
                "message": "Field '__typename' is selected 500 times in one selection set; at most 20 are allowed.",
                "locations": [{"line": 1, "column": 11}],
                "extensions": {
                    "code": "TOO_MANY_DUPLICATE_FIELDS",
                    "field": "__typename",
                    "count": 500,
                    "maxDuplicateFields": 20,
                },
            }
        ]
    }


async def test_duplicates_gathered_through_fragments_count_together(gql: Any, settings: Settings) -> None:
    limit = settings.limits.max_duplicate_fields
    half = "__typename " * (limit // 2 + 1)

    body = await gql(f"{{ ...A ... on Query {{ {half} }} }} fragment A on Query {{ {half} }}")

    assert codes(body) == ["TOO_MANY_DUPLICATE_FIELDS"]


async def test_as_many_duplicates_as_the_limit_are_merged_into_one_answer(gql: Any, settings: Settings) -> None:
    body = await gql("{ " + "__typename " * settings.limits.max_duplicate_fields + "}")

    assert body == {"data": {"__typename": "Query"}}


# -- cost -------------------------------------------------------------------------------------------


async def test_graphiqls_full_introspection_query_runs(gql: Any) -> None:
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
        one_of=True,
    )

    body = await gql(query)

    assert "errors" not in body
    assert any(t["name"] == "ParticipatoryProcess" for t in body["data"]["__schema"]["types"])


async def test_a_process_list_page_runs(gql: Any, make: Any) -> None:
    process = await make.process()
    step = await make.step(process=process)
    category = await make.category(space=process)
    subcategory = await make.category(space=process, parent_id=category.id)
    component = await make.component(space=process)
    attachment = await make.attachment(owner=process)

    body = await gql(
        '{ participatoryProcesses { id title { translation(locale: "fr") }'
        ' steps { id title { translation(locale: "fr") } }'
        ' categories { id name { translation(locale: "fr") } subcategories { id } }'
        ' components { id name { translation(locale: "fr") } }'
        ' attachments { url title { translation(locale: "fr") } } } }'
    )

    assert body == {
        "data": {
            "participatoryProcesses": [
                {
                    "id": str(process.id),
                    "title": {"translation": process.title["fr"]},
                    "steps": [{"id": str(step.id), "title": {"translation": step.title["fr"]}}],
                    "categories": [
                        {
                            "id": str(category.id),
                            "name": {"translation": category.name["fr"]},
                            "subcategories": [{"id": str(subcategory.id)}],
                        },
                        {
                            "id": str(subcategory.id),
                            "name": {"translation": subcategory.name["fr"]},
                            "subcategories": [],
                        },
                    ],
                    "components": [{"id": str(component.id), "name": {"translation": component.name["fr"]}}],
                    "attachments": [{"url": attachment.url, "title": {"translation": attachment.title["fr"]}}],
                }
            ]
        }
    }


async def test_lists_nested_five_deep_are_refused_for_their_cost(gql: Any, settings: Settings) -> None:
    """10 processes x 10 categories x 10 x 10 x 10 subcategories: 111 111 fields at worst."""
    body = await gql(
        "{ participatoryProcesses { categories { subcategories { subcategories { subcategories { id } } } } } }"
    )

    limit = settings.limits.max_cost
    assert body == {
        "errors": [
            {
                "message": f"Operation 'anonymous' has cost 111111, above the limit of {limit}. Ask for fewer fields "
                "or smaller pages (`first`/`last`), or split the operation.",
                "locations": [{"line": 1, "column": 1}],
                "extensions": {"code": "QUERY_TOO_COMPLEX", "cost": 111111, "maxCost": limit},
            }
        ]
    }


async def test_fragments_spread_twice_at_every_level_are_measured_quickly(gql: Any) -> None:
    """Walkers that expand every spread need 2**24 steps here (Strawberry's depth and alias limiters do)."""
    levels = 24
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))

    started = time.perf_counter()
    body = await gql(f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ __typename }}")

    assert body == {"data": {"__typename": "Query"}}
    assert time.perf_counter() - started < 2  # milliseconds in fact; exponential walkers take minutes


async def test_a_limit_refusal_is_a_400_for_graphql_response_json_clients(client: Any) -> None:
    response = await client.post(
        "/graphql",
        json={"query": aliases(101)},
        headers={"accept": "application/graphql-response+json"},
    )

    assert response.status_code == 400
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["TOO_MANY_ALIASES"]
