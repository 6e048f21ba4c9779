"""The participatory budget: the projects found feasible, put to the vote, and participants' orders.

Projects come from the proposals the Département accepted after its feasibility review. A checked-out
order spends between the vote threshold and the whole budget, as the budgets component requires;
``confirmed_orders_count`` counts the checked-out orders that hold each project.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

import models
from app.seed.common import at
from app.seed.plan import IdText, Plan, Ref
from app.seed.proposals import PlannedProposal
from app.seed.spaces import People, Space, moment
from models.kinds import ResourceKind

PROJECT = ResourceKind.PROJECT.value
TOTAL_BUDGET = 600_000
PROJECTS = 14
ORDERS = 220
# Official projects that complete the list when too few proposals were accepted.
_SPARE_TITLES = (
    "Rénover le lavoir de {commune}",
    "Une aire de pique-nique sur le bord du canal",
    "Des nichoirs dans les écoles du département",
    "Un fonds pour les cafés associatifs",
)


@dataclass(slots=True)
class _Project:
    ref: Ref
    amount: int
    confirmed: int = 0


class BudgetPlanner:
    def __init__(self, plan: Plan, people: People, space: Space, *, rng: random.Random) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng

    def plan_budget(self, proposals: list[PlannedProposal]) -> None:
        space, plan, rng = self.space, self.plan, self.rng
        info = space.components.get("budgets")
        if info is None:
            return
        created = at(space.steps[0].start, 9)
        budget = plan.child(
            models.Budget,
            of=space.ref,
            component_id=info.ref,
            title={"fr": "Enveloppe départementale", "en": "Departmental budget"},
            description={
                "fr": "<p>Choisissez les projets que le Département financera, dans la limite de l'enveloppe.</p>",
                "en": "<p>Choose the projects the Département will fund, within the budget.</p>",
            },
            total_budget=TOTAL_BUDGET,
            created_at=created,
        )
        accepted = [p for p in proposals if p.state == "accepted" and p.supportable][:PROJECTS]
        projects = [self._project(budget, info.ref, proposal=p) for p in accepted]
        for title in _SPARE_TITLES[: max(0, PROJECTS - len(projects))]:
            projects.append(self._project(budget, info.ref, title=title.format(commune=rng.choice(space.towns))))
        window = space.window("vote")
        if window is not None and projects:
            threshold = TOTAL_BUDGET * int(info.settings.get("vote_threshold_percent", 70)) // 100
            for voter in self.people.pick_many(rng, ORDERS):
                self._order(budget, projects, voter=voter, threshold=threshold, when=moment(rng, *window))
        for project in projects:
            plan.set(project.ref, confirmed_orders_count=project.confirmed)

    def _project(
        self, budget: Ref, component: Ref, *, proposal: PlannedProposal | None = None, title: str | None = None
    ) -> _Project:
        plan, rng, space = self.plan, self.rng, self.space
        amount = rng.randrange(15_000, 160_000, 1_000)
        values = plan.rows[proposal.ref.n].values if proposal is not None else {}
        ref = plan.child(
            models.Project,
            of=space.ref,
            budget_id=budget,
            component_id=component,
            title=values.get("title") or {"fr": title or ""},
            description={
                "fr": f"<p>{values['body']['fr']}</p>" if values else "<p>Projet proposé par le Département.</p>"
            },
            budget_amount=amount,
            scope_id=values.get("scope_id"),
            category_id=values.get("category_id"),
            address=values.get("address"),
            latitude=values.get("latitude"),
            longitude=values.get("longitude"),
            created_at=at(space.steps[1].start if len(space.steps) > 1 else space.steps[0].start, 11),
        )
        plan.set(ref, reference=IdText(f"LA-PROJ-{space.steps[0].start:%Y-%m}-{{}}", (ref,)))
        if proposal is not None:
            plan.child(models.ProjectProposalLink, of=space.ref, project_id=ref, proposal_id=proposal.ref)
        return _Project(ref=ref, amount=amount)

    def _order(self, budget: Ref, projects: list[_Project], *, voter: Ref, threshold: int, when: datetime) -> None:
        rng = self.rng
        chosen: list[_Project] = []
        spent = 0
        for project in rng.sample(projects, k=len(projects)):
            if spent + project.amount <= TOTAL_BUDGET:
                chosen.append(project)
                spent += project.amount
        # Most voters check out; the others left a basket half-filled.
        checked_out = spent >= threshold and rng.random() < 0.8
        if not checked_out:
            chosen = chosen[: rng.randint(1, max(1, len(chosen) - 1))]
        order = self.plan.child(
            models.Order,
            of=self.space.ref,
            budget_id=budget,
            user_id=voter,
            checked_out_at=when if checked_out else None,
            created_at=when,
        )
        for project in chosen:
            self.plan.child(models.LineItem, of=self.space.ref, order_id=order, project_id=project.ref)
            if checked_out:
                project.confirmed += 1
