"""downloadMyData: the participant's own account and contributions, and nobody else's personal data."""

from __future__ import annotations

import json
from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import Make

DOWNLOAD = "mutation { downloadMyData }"


async def test_participant_downloads_their_account_and_contributions(make: Make, gql: Any, bearer: Any) -> None:
    alice = await make.user(email="alice.archive@example.org", nickname="alicearchive", name="Alice Archive")
    bob = await make.user(email="bob.private@example.org", nickname="bobprivate", name="Bob Private")
    own = await make.proposal(author=alice, coauthors=(bob,))
    bobs = await make.proposal(author=bob)
    await make.vote(proposal=bobs, author=alice)
    await make.vote(proposal=own, author=bob)
    await make.endorsement(proposal=bobs, author=alice)
    comment = await make.save(
        models.Comment(
            organization_id=alice.organization_id,
            commentable_kind=ResourceKind.PROPOSAL.value,
            commentable_id=bobs.id,
            root_kind=ResourceKind.PROPOSAL.value,
            root_id=bobs.id,
            author_id=alice.id,
            body={"fr": "Je soutiens"},
        )
    )
    meeting = await make.meeting()
    registration = await make.registration(meeting=meeting, user=alice)
    await make.registration(meeting=meeting, user=bob)
    debate = await make.debate(author=alice)
    project = await make.project()
    order = await make.save(
        models.Order(organization_id=alice.organization_id, budget_id=project.budget_id, user_id=alice.id)
    )
    await make.save(models.LineItem(organization_id=alice.organization_id, order_id=order.id, project_id=project.id))
    group = await make.group(nickname="collectif", name="Le Collectif")
    await make.membership(user=alice, group=group)

    body = await gql(DOWNLOAD, headers=await bearer(alice))

    assert "errors" not in body
    archive = body["data"]["downloadMyData"]
    account = archive["account"]
    assert account["email"] == "alice.archive@example.org"
    assert (account["id"], account["nickname"], account["name"]) == (alice.id, "alicearchive", "Alice Archive")
    assert {"locale", "createdAt", "confirmedAt", "about", "avatarUrl"} <= set(account)
    assert [p["id"] for p in archive["proposals"]] == [own.id]
    assert [s["proposalId"] for s in archive["supports"]] == [bobs.id]
    assert [e["resourceId"] for e in archive["endorsements"]] == [bobs.id]
    assert [c["id"] for c in archive["comments"]] == [comment.id]
    assert archive["comments"][0]["body"] == {"fr": "Je soutiens"}
    assert [r["code"] for r in archive["meetingRegistrations"]] == [registration.code]
    assert [d["id"] for d in archive["debates"]] == [debate.id]
    assert [o["id"] for o in archive["budgetOrders"]] == [order.id]
    assert [li["projectId"] for li in archive["budgetLineItems"]] == [project.id]
    assert [m["userGroupId"] for m in archive["groupMemberships"]] == [group.id]
    assert len(archive["accessTokens"]) == 1
    text = json.dumps(archive)
    for secret in ("bob.private@example.org", "bobprivate", "Bob Private", "tokenHash", "encryptedPassword"):
        assert secret not in text


async def test_anonymous_visitor_must_sign_in_to_download(make: Make, gql: Any) -> None:
    await make.org(None)

    body = await gql(DOWNLOAD)

    assert body == {
        "data": {"downloadMyData": None},
        "errors": [
            {
                "message": "Sign in to do this.",
                "locations": [{"line": 1, "column": 12}],
                "path": ["downloadMyData"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ],
    }
