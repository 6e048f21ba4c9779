"""A read-only API token reads, answers surveys' kind of open mutations, but writes nothing else."""

from __future__ import annotations

from typing import Any

from tests.admin.conftest import Actors

PUBLISH = 'mutation { publishParticipatoryProcess(id: "%s") { slug } }'


async def test_a_read_only_token_is_refused_before_anything_runs(gql: Any, make: Any, actors: Actors) -> None:
    admin = await make.user(organization=actors.org, admin=True)
    token, _ = await make.access_token(admin, kind="api", name="export", scopes=["api:read"])
    result = await gql(PUBLISH % actors.process.id, headers={"Authorization": f"Bearer {token}"})
    # Refused before execution: like a request error, the answer has no "data".
    assert result == {
        "errors": [
            {
                "message": "This token may only read: it lacks the api:write scope.",
                "extensions": {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"},
            }
        ],
    }
    read = await gql("{ organization { __typename } }", headers={"Authorization": f"Bearer {token}"})
    assert read == {"data": {"organization": {"__typename": "Organization"}}}


async def test_a_read_only_token_may_still_call_the_open_account_mutations(gql: Any, make: Any, actors: Actors) -> None:
    user = await make.user(organization=actors.org)
    token, _ = await make.access_token(user, kind="api", name="export", scopes=["api:read"])
    result = await gql(
        'mutation { requestPasswordReset(email: "nobody@example.org") }', headers={"Authorization": f"Bearer {token}"}
    )
    assert "errors" not in result


async def test_a_sign_in_token_keeps_both_scopes(gql: Any, make: Any, actors: Actors) -> None:
    admin = await make.user(organization=actors.org, admin=True)
    token = await make.signed_in(admin)
    result = await gql(PUBLISH % actors.process.id, headers={"Authorization": f"Bearer {token}"})
    assert result == {"data": {"publishParticipatoryProcess": {"slug": "budget-2026"}}}
