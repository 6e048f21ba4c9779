"""A page of 50 proposals with authors, counters and first-level comments: statements do not grow with data."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from resolvers.viewer import Viewer
from tests.builders import NOW, Make, tr
from tests.proposals.conftest import proposals_component

PROPOSAL = ResourceKind.PROPOSAL.value

PAGE = """
query($id: ID!) {
  component(id: $id) {
    ... on Proposals {
      proposals(first: 50) {
        totalCount
        nodes {
          id title { text } author { nickname } authors { nickname }
          voteCount endorsementsCount totalCommentsCount viewerHasSupported
          comments { id alignment body author { nickname } upVotes upVoted }
        }
      }
    }
  }
}
"""


async def _populate(make: Make, *, proposals: int) -> tuple[models.Component, models.User]:
    process = await make.process()
    component = await proposals_component(make, space=process)
    viewer = await make.user()
    people = [await make.user() for _ in range(4)]
    org = process.organization_id
    async with make.sessionmaker() as session:
        for n in range(proposals):
            proposal = models.Proposal(
                organization_id=org,
                component_id=component.id,
                title=tr(f"Proposition {n}"),
                body=tr("Texte"),
                published_at=NOW,
                coauthorships_count=1,
                comments_count=3,
            )
            session.add(proposal)
            await session.flush()
            session.add(
                models.ProposalCoauthorship(
                    organization_id=org, proposal_id=proposal.id, author_id=people[n % 4].id, position=0
                )
            )
            for alignment in (1, 0, -1):
                comment = models.Comment(
                    organization_id=org,
                    commentable_kind=PROPOSAL,
                    commentable_id=proposal.id,
                    root_kind=PROPOSAL,
                    root_id=proposal.id,
                    author_id=people[(n + alignment) % 4].id,
                    body=tr(f"Avis {alignment}"),
                    alignment=alignment,
                )
                session.add(comment)
        await session.commit()
    return component, viewer


async def _count(make: Make, execute: Any, count_queries: Any, *, proposals: int) -> int:
    component, viewer = await _populate(make, proposals=proposals)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(component.id)}, organization=org, viewer=Viewer(user_id=viewer.id))
    assert "errors" not in body, body
    page = body["data"]["component"]["proposals"]
    assert len(page["nodes"]) == min(proposals, 50)
    assert all(len(n["comments"]) == 3 and n["author"]["nickname"] for n in page["nodes"])
    assert sorted(c["alignment"] for c in page["nodes"][0]["comments"]) == [-1, 0, 1]
    return log.count


async def test_fifty_proposals_with_first_level_comments_cost_the_same_statements_at_ten_times_the_data(
    make: Make, execute: Any, count_queries: Any
) -> None:
    small = await _count(make, execute, count_queries, proposals=6)
    large = await _count(make, execute, count_queries, proposals=60)
    assert small == large == 10
