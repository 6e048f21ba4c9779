"""A deleted participant's contributions stay, signed by a deleted author; the participant stays unlisted."""

from __future__ import annotations

import json
from typing import Any

from tests.builders import NOW, Make

DELETED_AUTHOR = {"__typename": "User", "deleted": True, "name": "", "nickname": "", "profilePath": ""}
AUTHOR = "__typename deleted name nickname profilePath"

READS = f"""
query($p: ID!, $m: ID!, $d: ID!, $pc: ID!, $mc: ID!, $dc: ID!, $u: ID!) {{
  proposals: component(id: $pc) {{
    ... on Proposals {{
      proposal(id: $p) {{ author {{ {AUTHOR} }} authors {{ {AUTHOR} }} endorsements {{ {AUTHOR} }} }}
    }}
  }}
  meetings: component(id: $mc) {{ ... on Meetings {{ meeting(id: $m) {{ author {{ {AUTHOR} }} }} }} }}
  debates: component(id: $dc) {{ ... on Debates {{ debate(id: $d) {{ author {{ {AUTHOR} }} }} }} }}
  users {{ id }}
  user(id: $u) {{ id }}
  node(id: $u) {{ id }}
}}
"""


async def _deleted(make: Make) -> Any:
    return await make.user(email=None, name="", nickname="deleted-gone", deleted_at=NOW)


async def test_deleted_participant_signs_their_contributions_as_a_deleted_author(make: Make, gql: Any) -> None:
    gone = await _deleted(make)
    proposal = await make.proposal(author=gone)
    await make.endorsement(proposal=proposal, author=gone)
    meeting = await make.meeting(author=gone)
    debate = await make.debate(author=gone)

    body = await gql(
        READS,
        {
            "p": str(proposal.id),
            "pc": str(proposal.component_id),
            "m": str(meeting.id),
            "mc": str(meeting.component_id),
            "d": str(debate.id),
            "dc": str(debate.component_id),
            "u": str(gone.id),
        },
    )

    assert body == {
        "data": {
            "proposals": {
                "proposal": {"author": DELETED_AUTHOR, "authors": [DELETED_AUTHOR], "endorsements": [DELETED_AUTHOR]}
            },
            "meetings": {"meeting": {"author": DELETED_AUTHOR}},
            "debates": {"debate": {"author": DELETED_AUTHOR}},
            "users": [],
            "user": None,
            "node": None,
        }
    }
    assert "deleted-gone" not in json.dumps(body)


async def test_blocked_participant_is_still_not_shown_as_a_proposal_author(make: Make, gql: Any) -> None:
    blocked = await make.user(blocked=True, blocked_at=NOW)
    proposal = await make.proposal(author=blocked)

    body = await gql(
        f"query($p: ID!) {{ node(id: $p) {{ ... on Proposal {{ author {{ {AUTHOR} }} authors {{ {AUTHOR} }} }} }} }}",
        {"p": str(proposal.id)},
    )

    assert body == {"data": {"node": {"author": None, "authors": []}}}
