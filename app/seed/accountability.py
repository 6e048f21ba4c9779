"""The follow-up of decisions: statuses, a tree of results with progress, milestones and proposals.

"Inventons la route de demain" follows its eleven commitments (texts/commitments.py); other
consultations follow the proposals they accepted, one result each.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import models
from app.seed.comments import CommentPlanner
from app.seed.common import at
from app.seed.logbook import log_action
from app.seed.plan import IdText, Plan, Ref
from app.seed.proposals import PlannedProposal
from app.seed.spaces import Space
from app.seed.texts.commitments import COMMITMENTS, STATUSES, Action
from models.kinds import ResourceKind

RESULT = ResourceKind.RESULT.value


class ResultPlanner:
    def __init__(self, plan: Plan, space: Space, *, rng: random.Random, comments: CommentPlanner) -> None:
        self.plan = plan
        self.space = space
        self.rng = rng
        self.comments = comments

    def plan_results(self, proposals: list[PlannedProposal]) -> None:
        space = self.space
        info = space.components.get("accountability")
        first = space.answers_from()
        if info is None or first is None:
            return
        self.component = info.ref
        self.created = at(first, 9)
        self.statuses = {
            key: (
                self.plan.child(
                    models.ResultStatus,
                    of=space.ref,
                    component_id=info.ref,
                    key=key,
                    name={"fr": name[0], "en": name[1]},
                    progress=progress,
                    position=position,
                    created_at=self.created,
                ),
                progress,
            )
            for position, (key, name, progress) in enumerate(STATUSES)
        }
        accepted = [p for p in proposals if p.state == "accepted" and not p.hidden]
        if space.key == "route-de-demain":
            self._commitments(accepted)
        else:
            for weight, proposal in enumerate(accepted[:8]):
                self._from_proposal(proposal, weight)

    def _commitments(self, accepted: list[PlannedProposal]) -> None:
        for weight, commitment in enumerate(COMMITMENTS):
            actions = [a for a in commitment.actions if a.start <= self.space.today]
            parent = self._result(
                title={"fr": commitment.title[0], "en": commitment.title[1]},
                description=commitment.description,
                weight=weight,
                start=min((a.start for a in commitment.actions), default=None),
                end=max((a.end for a in commitment.actions), default=None),
                category=commitment.actions[0].category,
            )
            progress = [self._action(parent, action, accepted, position) for position, action in enumerate(actions)]
            average = round(sum(progress) / len(progress), 2) if progress else 0.0
            status = "realise" if progress and min(progress) == 100 else "en_cours" if average else "programme"
            self.plan.set(
                parent,
                children_count=len(progress),
                progress=average,
                status_id=self.statuses[status][0],
            )

    def _action(self, parent: Ref, action: Action, accepted: list[PlannedProposal], position: int) -> float:
        today = self.space.today
        status, progress = action.status, float(action.progress)
        if action.end < today and status in {"programme", "en_cours"}:
            status, progress = "en_cours", max(progress, 80.0)
        ref = self._result(
            title={"fr": action.title[0], "en": action.title[1]},
            description=f"Action du Département : {action.title[0].lower()}.",
            weight=position,
            start=action.start,
            end=action.end,
            category=action.category,
            parent=parent,
            status=status,
            progress=progress,
        )
        for day, text in action.milestones:
            if day < today:
                self.plan.child(
                    models.TimelineEntry,
                    of=self.space.ref,
                    result_id=ref,
                    entry_date=day,
                    title={"fr": text},
                    description={"fr": f"{text} : {action.title[0].lower()}."},
                    created_at=at(day, 12),
                )
        related = [p for p in accepted if p.idea.category == action.category]
        for proposal in self.rng.sample(related, k=min(len(related), self.rng.randint(1, 3))):
            self.plan.child(
                models.ResultProposalLink,
                of=self.space.ref,
                result_id=ref,
                proposal_id=proposal.ref,
                created_at=self.created,
            )
        return progress

    def _from_proposal(self, proposal: PlannedProposal, weight: int) -> None:
        rng = self.rng
        key = rng.choice(("programme", "en_cours", "realise"))
        start = (self.created + timedelta(days=rng.randint(10, 90))).date()
        end = start + timedelta(days=rng.randint(120, 700))
        progress = self.statuses[key][1] + (rng.randint(-20, 30) if key == "en_cours" else 0)
        ref = self._result(
            title=self.plan.rows[proposal.ref.n].values["title"],
            description="Mise en œuvre de la proposition retenue.",
            weight=weight,
            start=start,
            end=end,
            category=proposal.idea.category,
            status=key,
            progress=float(progress),
        )
        self.plan.child(
            models.ResultProposalLink,
            of=self.space.ref,
            result_id=ref,
            proposal_id=proposal.ref,
            created_at=self.created,
        )
        if start < self.space.today:
            self.plan.child(
                models.TimelineEntry,
                of=self.space.ref,
                result_id=ref,
                entry_date=start,
                title={"fr": "Lancement"},
                description={"fr": "Les services ont engagé la mise en œuvre."},
                created_at=at(start, 12),
            )

    def _result(
        self,
        *,
        title: dict[str, str],
        description: str,
        weight: int,
        start: date | None,
        end: date | None,
        category: str,
        parent: Ref | None = None,
        status: str | None = None,
        progress: float | None = None,
    ) -> Ref:
        ref = self.plan.child(
            models.Result,
            of=self.space.ref,
            component_id=self.component,
            parent_id=parent,
            title=title,
            description={"fr": f"<p>{description}</p>"},
            start_date=start,
            end_date=end,
            progress=progress,
            status_id=self.statuses[status][0] if status else None,
            weight=weight,
            category_id=self.space.categories.get(category),
            created_at=self.created,
        )
        self.plan.set(ref, reference=IdText(f"LA-RESU-{self.created:%Y-%m}-{{}}", (ref,)))
        log_action(
            self.plan,
            space=(self.space.kind, self.space.ref),
            who=self.comments.people.admin,
            action="result.create",
            resource=(RESULT, ref),
            changes={"title": title, "progress": progress},
            when=self.created,
        )
        if parent is None and self.rng.random() < 0.5:
            live = self.comments.thread(
                kind=RESULT,
                target=ref,
                theme=self.space.theme,
                opened=self.created,
                closes=min(self.space.last_day, self.created.date() + timedelta(days=400)),
                first_level=self.rng.randint(1, 3),
            )
            self.plan.set(ref, comments_count=live)
        return ref
