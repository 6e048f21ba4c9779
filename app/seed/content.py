"""What happens inside the spaces of one block: proposals and supports, then everything around them.

Each planner draws from its own generator (seeded with the block and the space's catalog slug), so
changing how meetings are planned never changes the proposals, and a larger ``--scale`` leaves the
first blocks as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import timedelta

from app.seed.accountability import ResultPlanner
from app.seed.budgets import BudgetPlanner
from app.seed.comments import CommentPlanner
from app.seed.common import Anchors, SeedOptions
from app.seed.debates import DebatePlanner
from app.seed.figures import PROPOSALS_BY_PROCESS, SUPPORTS
from app.seed.meetings import MeetingPlanner
from app.seed.news import NewsPlanner
from app.seed.plan import Plan, Ref
from app.seed.proposals import PlannedProposal, ProposalBox, ProposalPlanner, plan_supports
from app.seed.spaces import People, Space
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
        return CommentPlanner(self.plan, self.people, unit=space.ref, rng=rng)

    def fill(self, spaces: list[Space], *, private_members: dict[Ref, list[Ref]]) -> None:
        plan, people, block = self.plan, self.people, self.block
        found: dict[Ref, list[PlannedProposal]] = {}
        boxes: list[tuple[ProposalPlanner, ProposalBox]] = []
        with self.stage("proposals"):
            for space in spaces:
                rng = self.o.rng("proposals", block, space.key)
                planner = ProposalPlanner(plan, people, space, rng=rng, comments=self.comments(space, "proposals"))
                box = planner.plan_box(PROPOSALS_BY_PROCESS.get(space.key, 0), scopes=self.anchors.communes)
                if box is not None:
                    boxes.append((planner, box))
                    found[space.ref] = box.proposals
        with self.stage("supports"):
            plan_supports(plan, [box for _, box in boxes], people, SUPPORTS)
        with self.stage("comments and endorsements"):
            for planner, box in boxes:
                planner.discuss(box)
        with self.stage("meetings"):
            for space in spaces:
                span = (space.steps[0].start, space.steps[-1].end) if space.steps else (space.today, space.today)
                if not space.steps and space.published_at is not None:
                    span = (space.published_at.date(), space.today + _AHEAD)
                span = (span[0], min(span[1], space.today + _AHEAD))
                MeetingPlanner(
                    plan,
                    people,
                    space,
                    rng=self.o.rng("meetings", block, space.key),
                    comments=self.comments(space, "meetings"),
                ).plan_calendar(scopes=self.anchors.communes, span=span, proposals=found.get(space.ref, []))
        with self.stage("surveys"):
            for space in spaces:
                members = private_members.get(space.ref)
                SurveyPlanner(plan, people, space, rng=self.o.rng("surveys", block, space.key)).plan_survey(
                    respondents=members
                )
        with self.stage("follow-up, news, debates and budgets"):
            for space in spaces:
                proposals = found.get(space.ref, [])
                ResultPlanner(
                    plan, space, rng=self.o.rng("results", block, space.key), comments=self.comments(space, "results")
                ).plan_results(proposals)
                NewsPlanner(
                    plan, people, space, rng=self.o.rng("news", block, space.key), comments=self.comments(space, "news")
                ).plan_posts()
                DebatePlanner(
                    plan,
                    people,
                    space,
                    rng=self.o.rng("debates", block, space.key),
                    comments=self.comments(space, "debates"),
                ).plan_debates()
                BudgetPlanner(plan, people, space, rng=self.o.rng("budgets", block, space.key)).plan_budget(proposals)
