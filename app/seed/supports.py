"""Supports: exactly the study's 643 per block, dealt out over every idea box at once.

Each box gets a share in proportion to the proposals that may still be supported (neither hidden nor
withdrawn); popular proposals draw more supports, and a participant never exceeds the component's
``vote_limit`` nor supports their own proposal. ``votes_count`` is then the number of rows.
"""

from __future__ import annotations

import bisect
import itertools

import models
from app.seed.figures import split
from app.seed.plan import Plan, Ref
from app.seed.proposals import PlannedProposal, ProposalBox
from app.seed.spaces import People, later


def plan_supports(plan: Plan, boxes: list[ProposalBox], people: People, total: int) -> None:
    """Deal ``total`` supports over ``boxes``, in proportion to their proposals, within each vote limit."""
    eligible = [[p for p in box.proposals if p.supportable] for box in boxes]
    shares = split(total, [len(e) for e in eligible])
    for box, candidates, share in zip(boxes, eligible, shares, strict=True):
        _support_box(plan, box, candidates, people, share)


def _support_box(plan: Plan, box: ProposalBox, candidates: list[PlannedProposal], people: People, share: int) -> None:
    rng = box.rng
    if not candidates or share == 0:
        return
    popularity = list(itertools.accumulate(rng.paretovariate(1.3) for _ in candidates))
    used: dict[Ref, int] = {}
    placed = attempts = 0
    while placed < share:
        attempts += 1
        if attempts > share * 200:
            msg = f"cannot place {share} supports in {box.space.slug} within vote_limit {box.vote_limit}"
            raise RuntimeError(msg)
        proposal = candidates[bisect.bisect_right(popularity, rng.random() * popularity[-1])]
        voter = people.pick(rng)
        if voter in proposal.voters or voter in proposal.authors:
            continue
        if box.vote_limit and used.get(voter, 0) >= box.vote_limit:
            continue
        used[voter] = used.get(voter, 0) + 1
        proposal.voters.add(voter)
        proposal.votes += 1
        placed += 1
        plan.child(
            models.ProposalVote,
            of=box.space.ref,
            proposal_id=proposal.ref,
            component_id=box.component,
            author_id=voter,
            created_at=later(rng, proposal.created, max(box.votes_until, proposal.created.date()), within_days=45),
        )
    for proposal in candidates:
        plan.set(proposal.ref, votes_count=proposal.votes)
