"""The layering of CONVENTIONS.md, enforced: models <- resolvers <- schema <- app."""

from __future__ import annotations

from pytest_archon import archrule


def test_models_depend_on_nothing_of_ours() -> None:
    (
        archrule("models are plain tables")
        .match("models*")
        .should_not_import("resolvers*", "schema*", "app*", "strawberry*", "starlette*")
        .check("models", only_toplevel_imports=False)
    )


def test_resolvers_know_nothing_of_graphql_or_http() -> None:
    (
        archrule("resolvers are data access only")
        .match("resolvers*")
        .should_not_import("schema*", "app*", "strawberry*", "starlette*", "graphql*")
        .check("resolvers", only_toplevel_imports=False)
    )


def test_schema_does_not_reach_into_the_application() -> None:
    (
        archrule("schema is thin GraphQL over resolvers")
        .match("schema*")
        .should_not_import("app*", "starlette*")
        .check("schema", only_toplevel_imports=False)
    )
