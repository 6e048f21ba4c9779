"""``session { follows }``: what the signed-in participant follows and can still see, newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import models
from resolvers.viewer import Viewer
from tests.builders import Make
from tests.follows.conftest import one_of_each

SESSION = """
query($first: Int) {
  session { follows(first: $first) { __typename ... on Node { id } followsCount viewerIsFollowing } }
}
"""


async def _follow_at(make: Make, *, user: models.User, kind: str, pk: int, minutes: int) -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    async with make.sessionmaker() as session:
        session.add(
            models.Follow(
                organization_id=user.organization_id,
                user_id=user.id,
                followable_kind=kind,
                followable_id=pk,
                created_at=moment,
            )
        )
        await session.commit()


async def test_participant_lists_what_they_follow_newest_first(make: Make, execute: Any) -> None:
    targets = await one_of_each(make)
    me, other = await make.user(), await make.user()
    hidden = await make.proposal(hidden_at=datetime(2026, 1, 1, tzinfo=UTC))
    for minutes, (kind, row) in enumerate(targets.items()):
        await _follow_at(make, user=me, kind=kind, pk=row.id, minutes=minutes)
    await _follow_at(make, user=me, kind="proposal", pk=hidden.id, minutes=99)
    await _follow_at(make, user=other, kind="proposal", pk=targets["proposal"].id, minutes=0)
    org = await make.org(None)

    body = await execute(SESSION, {"first": 50}, organization=org, viewer=Viewer(user_id=me.id))

    expected = [
        {
            "__typename": typename,
            "id": str(targets[kind].id),
            "followsCount": 2 if kind == "proposal" else 1,
            "viewerIsFollowing": True,
        }
        for kind, typename in reversed(
            [
                ("participatory_process", "ParticipatoryProcess"),
                ("assembly", "Assembly"),
                ("proposal", "Proposal"),
                ("meeting", "Meeting"),
                ("debate", "Debate"),
                ("post", "Post"),
                ("result", "Result"),
                ("project", "Project"),
            ]
        )
    ]
    assert body == {"data": {"session": {"follows": expected}}}


async def test_first_limits_the_list_and_is_checked(make: Make, execute: Any) -> None:
    me = await make.user()
    proposals = [await make.proposal() for _ in range(3)]
    for minutes, proposal in enumerate(proposals):
        await _follow_at(make, user=me, kind="proposal", pk=proposal.id, minutes=minutes)
    org = await make.org(None)

    two = await execute(SESSION, {"first": 2}, organization=org, viewer=Viewer(user_id=me.id))
    too_many = await execute(SESSION, {"first": 51}, organization=org, viewer=Viewer(user_id=me.id))

    assert [f["id"] for f in two["data"]["session"]["follows"]] == [str(proposals[2].id), str(proposals[1].id)]
    assert [e["extensions"]["code"] for e in too_many["errors"]] == ["BAD_USER_INPUT"]


async def _follow_everything(make: Make, user: models.User, *, rounds: int) -> None:
    n = 0
    for _ in range(rounds):
        for kind, row in (await one_of_each(make)).items():
            await _follow_at(make, user=user, kind=kind, pk=row.id, minutes=n)
            n += 1


async def test_listing_follows_costs_a_bounded_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    few, many = await make.user(), await make.user()
    await _follow_everything(make, few, rounds=1)
    await _follow_everything(make, many, rounds=5)
    org = await make.org(None)
    counts = []

    for who, expected in ((few, 8), (many, 40)):
        with count_queries() as log:
            body = await execute(SESSION, {"first": 50}, organization=org, viewer=Viewer(user_id=who.id))
        assert len(body["data"]["session"]["follows"]) == expected
        counts.append(log.count)

    assert max(counts) <= MAX_STATEMENTS, "\n\n".join(log.statements)


# The account, the follows, which table each id is in (3), one loader per kind (8), the component and
# its steps for the kinds whose conversion needs settings (2 each, at worst once per kind: 12), then the
# counts and the viewer's follows for the whole list (2). The per-kind loaders finish in any order, so
# the settings batches vary from run to run (19 to 21 measured); the bound holds at any list length.
MAX_STATEMENTS = 25
