"""What happens inside the spaces of one block: proposals and supports, then everything around them.

Each planner draws from its own generator (seeded with the block and the space's catalog slug), so
changing how meetings are planned never changes the proposals, and a larger ``--scale`` leaves the
first blocks as they were.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, timedelta

from app.seed.accountability import ResultPlanner
from app.seed.budgets import BudgetPlanner
from app.seed.comments import CommentPlanner
from app.seed.common import Anchors, SeedOptions
from app.seed.debates import DebatePlanner
from app.seed.figures import PROPOSALS_BY_PROCESS, SUPPORTS
from app.seed.meetings import MeetingPlanner
from app.seed.news import NewsPlanner
from app.seed.plan import Plan, Ref
from app.seed.proposals import PlannedProposal, ProposalBox, ProposalPlanner
from app.seed.spaces import People, Space
from app.seed.supports import plan_supports
from app.seed.surveys import SurveyPlanner

Stage = Callable[[str], AbstractContextManager[None]]
# Meetings are announced up to three months ahead.
_AHEAD = timedelta(days=90)


class ContentPlanner:
    def __init__(
        self,
        plan: Plan,
        options: SeedOptions,
        anchors: Anchors,
        people: People,
        *,
        block: int,
        stage: Stage | None = None,
    ) -> None:
        self.plan = plan
        self.o = options
        self.anchors = anchors
        self.people = people
        self.block = block
        self.stage: Stage = stage or (lambda _name: nullcontext())

    def comments(self, space: Space, purpose: str) -> CommentPlanner:
        rng = self.o.rng("comments", purpose, self.block, space.key)
        return CommentPlanner(self.plan, self.people, unit=space.ref, space_kind=space.kind, rng=rng)

    def fill(self, spaces: list[Space], *, private_members: dict[Ref, list[Ref]]) -> None:
        with self.stage("proposals"):
            boxes = self._proposals(spaces)
        found = {box.space.ref: box.proposals for _, box in boxes}
        with self.stage("supports"):
            plan_supports(self.plan, [box for _, box in boxes], self.people, SUPPORTS)
        with self.stage("comments and endorsements"):
            for planner, box in boxes:
                planner.discuss(box)
        with self.stage("meetings"):
            held = {space.ref: self._meetings(space, found.get(space.ref, [])) for space in spaces}
        with self.stage("surveys"):
            for space in spaces:
                # A private space's survey is answered by its members.
                SurveyPlanner(self.plan, self.people, space, rng=self.rng("surveys", space)).plan_survey(
                    respondents=private_members.get(space.ref)
                )
        with self.stage("follow-up, news, debates and budgets"):
            for space in spaces:
                self._around(space, found.get(space.ref, []), held[space.ref])

    def rng(self, purpose: str, space: Space) -> random.Random:
        return self.o.rng(purpose, self.block, space.key)

    def _proposals(self, spaces: list[Space]) -> list[tuple[ProposalPlanner, ProposalBox]]:
        boxes: list[tuple[ProposalPlanner, ProposalBox]] = []
        for space in spaces:
            comments = self.comments(space, "proposals")
            planner = ProposalPlanner(
                self.plan, self.people, space, rng=self.rng("proposals", space), comments=comments
            )
            box = planner.plan_box(PROPOSALS_BY_PROCESS.get(space.key, 0), scopes=self.anchors.communes)
            if box is not None:
                boxes.append((planner, box))
        return boxes

    def _meetings(self, space: Space, proposals: list[PlannedProposal]) -> list[tuple[date, str]]:
        if space.steps:
            span = (space.steps[0].start, space.steps[-1].end)
        else:  # an assembly: from its publication on
            span = (space.published_at.date() if space.published_at else space.today, space.today + _AHEAD)
        span = (span[0], min(span[1], space.today + _AHEAD))
        planner = MeetingPlanner(
            self.plan, self.people, space, rng=self.rng("meetings", space), comments=self.comments(space, "meetings")
        )
        return planner.plan_calendar(scopes=self.anchors.communes, span=span, proposals=proposals)

    def _around(self, space: Space, proposals: list[PlannedProposal], held: list[tuple[date, str]]) -> None:
        plan, people = self.plan, self.people
        ResultPlanner(
            plan, space, rng=self.rng("results", space), comments=self.comments(space, "results")
        ).plan_results(proposals)
        NewsPlanner(plan, people, space, rng=self.rng("news", space), comments=self.comments(space, "news")).plan_posts(
            held
        )
        DebatePlanner(
            plan, people, space, rng=self.rng("debates", space), comments=self.comments(space, "debates")
        ).plan_debates()
        BudgetPlanner(plan, people, space, rng=self.rng("budgets", space)).plan_budget(proposals)
