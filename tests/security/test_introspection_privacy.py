"""What introspection shows: nothing that reads or filters by a credential or a private attribute.

Account mutations must take an email, a password or an emailed token, and signing in returns a
bearer token once to its owner; those are the write side's inputs and that one payload. Everything a
query can reach (types, fields, arguments, input fields) must name none of them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import get_introspection_query

PRIVATE = re.compile(r"e-?mail|password|encrypted|token|secret", re.IGNORECASE)

# A sign-in hands its bearer token to the participant who just proved their password.
WRITE_SIDE_OUTPUTS = {"SignInPayload.token"}


@pytest.fixture
async def schema(make: Any, gql: Any) -> dict[str, Any]:
    await make.org(None)
    body = await gql(get_introspection_query(descriptions=False, input_value_deprecation=True))
    assert "errors" not in body
    return body["data"]["__schema"]  # type: ignore[no-any-return]


def named(ref: dict[str, Any]) -> str:
    while ref.get("ofType"):
        ref = ref["ofType"]
    return str(ref["name"])


def reachable_names(schema: dict[str, Any], root: str) -> set[str]:
    """``Type.field``, ``Type.field(argument)`` and ``Input.field`` for everything reachable from ``root``."""
    types = {t["name"]: t for t in schema["types"]}
    seen: set[str] = set()
    names: set[str] = set()
    pending = [root]
    while pending:
        name = pending.pop()
        if name in seen or name.startswith("__"):
            continue
        seen.add(name)
        kind = types[name]
        for field in kind.get("fields") or ():
            names.add(f"{name}.{field['name']}")
            pending.append(named(field["type"]))
            for argument in field["args"]:
                names.add(f"{name}.{field['name']}({argument['name']})")
                pending.append(named(argument["type"]))
        for field in kind.get("inputFields") or ():
            names.add(f"{name}.{field['name']}")
            pending.append(named(field["type"]))
        pending.extend(t["name"] for t in kind.get("possibleTypes") or ())
        pending.extend(t["name"] for t in kind.get("interfaces") or ())
    return names


def last_name(path: str) -> str:
    return re.split(r"[.(]", path.rstrip(")"))[-1]


async def test_nothing_a_query_can_reach_names_a_credential_or_private_attribute(schema: dict[str, Any]) -> None:
    names = reachable_names(schema, schema["queryType"]["name"])

    assert {"ParticipatoryProcess.title", "Query.users(filter)", "UserEntityFilter.nickname"} <= names  # walked
    assert sorted(n for n in names if PRIVATE.search(last_name(n))) == []


async def test_no_output_field_of_any_type_names_a_credential_or_private_attribute(schema: dict[str, Any]) -> None:
    mutation = (schema.get("mutationType") or {}).get("name")
    outputs = {
        f"{t['name']}.{f['name']}"
        for t in schema["types"]
        if t["kind"] in {"OBJECT", "INTERFACE"} and t["name"] != mutation and not t["name"].startswith("__")
        for f in t["fields"]
    }

    assert sorted(n for n in outputs if PRIVATE.search(last_name(n))) == sorted(WRITE_SIDE_OUTPUTS & outputs)
