"""No email, password hash or other secret is reachable through the API."""

from __future__ import annotations

import re
from typing import Any

import pytest

FORBIDDEN = re.compile(r"e-?mail|password|encrypted|secret|ip_?address|sign_?in_ip|last_sign_in", re.IGNORECASE)

INTROSPECTION = """
{
  __schema {
    mutationType { name }
    types { name kind fields(includeDeprecated: true) { name } }
  }
}
"""


async def test_no_output_field_names_a_private_attribute(make: Any, gql: Any) -> None:
    """Arguments and inputs may take an email or a password (to sign in); no output field returns one."""
    await make.user(email="camille@example.org", encrypted_password="$2a$12$hash")

    body = await gql(INTROSPECTION)

    assert "errors" not in body
    schema = body["data"]["__schema"]
    actions = (schema["mutationType"] or {}).get("name")
    outputs = {
        f"{t['name']}.{f['name']}"
        for t in schema["types"]
        if t["kind"] in {"OBJECT", "INTERFACE"} and t["name"] != actions and not t["name"].startswith("__")
        for f in t["fields"]
    }
    assert {"User.nickname", "UserGroup.members", "Author.name", "Session.user"} <= outputs  # the scan saw users
    assert sorted(n for n in outputs if FORBIDDEN.search(n.split(".")[1])) == []


@pytest.mark.parametrize(
    ("query", "field", "type_name", "column"),
    [
        ("{ users { ... on User { email } } }", "email", "User", 25),
        ("{ users { ... on UserGroup { email } } }", "email", "UserGroup", 30),
        ("{ users { email } }", "email", "Author", 11),
        ('{ user(nickname: "camille") { encryptedPassword } }', "encryptedPassword", "Author", 31),
        ("{ session { user { email } } }", "email", "User", 20),
        ("{ organization { host } }", "host", "Organization", 18),
    ],
)
async def test_asking_for_a_private_attribute_fails_validation(
    make: Any, gql: Any, *, query: str, field: str, type_name: str, column: int
) -> None:
    await make.user(nickname="camille", email="camille@example.org", encrypted_password="$2a$12$hash")

    body = await gql(query)

    assert body == {
        "errors": [
            {
                "message": f"Cannot query field '{field}' on type '{type_name}'.",
                "locations": [{"line": 1, "column": column}],
                "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"},
            }
        ],
    }


async def test_no_response_carries_a_participant_email_or_password_hash(make: Any, gql: Any) -> None:
    camille = await make.user(nickname="camille", email="camille@example.org", encrypted_password="$2a$12$hash")
    group = await make.group(nickname="collectif")
    await make.membership(user=camille, group=group)

    response = await gql(
        "{ users { id name nickname avatarUrl profilePath badge deleted"
        " ... on User { directMessagesEnabled groups { id name nickname } }"
        " ... on UserGroup { members { id name nickname avatarUrl } } } }"
    )

    text = repr(response)
    assert "camille@example.org" not in text
    assert "$2a$12$hash" not in text
    assert "errors" not in response
