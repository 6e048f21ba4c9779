"""The idea box of a consultation: proposals, co-authors, answers, endorsements, history.

Supports are dealt out to the whole block at once (app/seed/supports.py), once every box is planned.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import models
from app.seed.comments import CommentPlanner, weighted
from app.seed.logbook import log_action
from app.seed.plan import IdText, Plan, Ref
from app.seed.spaces import People, Space, later, moment
from app.seed.texts import Idea, fill, slots
from app.seed.texts.voices import ANSWERS
from models.kinds import ResourceKind

PROPOSAL = ResourceKind.PROPOSAL.value
# Proposals hidden by moderation, per consultation (catalog slug): a handful for moderation demos, on top
# of the consultation's public proposals (app/seed/figures.py).
HIDDEN: dict[str, int] = {"route-de-demain": 2, "projet-educatif-departemental": 1, "accueil-solidarites": 1}
_STREETS = (
    "Rue de la Mairie",
    "Place de l'Église",
    "Route de {commune2}",
    "Le Bourg",
    "Rue du Stade",
    "Chemin du Moulin",
)
# The département's extent, for demo coordinates.
_LATITUDES, _LONGITUDES = (46.95, 47.75), (-2.45, -1.05)


@dataclass(slots=True)
class PlannedProposal:
    ref: Ref
    created: datetime
    idea: Idea
    authors: list[Ref]
    state: str | None = None
    withdrawn: datetime | None = None
    hidden: bool = False
    votes: int = 0
    voters: set[Ref] = field(default_factory=set)

    @property
    def supportable(self) -> bool:
        return not self.hidden and self.withdrawn is None


@dataclass(slots=True)
class ProposalBox:
    """One planned proposals component, with what supports need to know."""

    space: Space
    component: Ref
    vote_limit: int
    votes_until: date
    proposals: list[PlannedProposal]
    rng: random.Random


class ProposalPlanner:
    def __init__(
        self, plan: Plan, people: People, space: Space, *, rng: random.Random, comments: CommentPlanner
    ) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng
        self.comments = comments
        self._scopes: dict[str, Ref] = {}

    def plan_box(self, count: int, *, scopes: dict[str, Ref]) -> ProposalBox | None:
        """``count`` public proposals, and the consultation's hidden ones on top."""
        space, rng = self.space, self.rng
        info = space.components.get("proposals")
        window = space.window("contribute")
        if info is None or window is None or count == 0 or not space.theme.ideas:
            return None
        self._scopes = scopes
        total = count + HIDDEN.get(space.key, 0)
        times = sorted(moment(rng, *window) for _ in range(total))
        hidden = set(rng.sample(range(total), k=total - count))
        proposals = [
            self._proposal(info.ref, info.settings, created, hidden=i in hidden, window_end=window[1])
            for i, created in enumerate(times)
        ]
        votes_window = space.window("contribute", "vote") or window
        return ProposalBox(
            space=space,
            component=info.ref,
            vote_limit=int(info.settings.get("vote_limit", 0)),
            votes_until=votes_window[1],
            proposals=proposals,
            rng=rng,
        )

    def discuss(self, box: ProposalBox) -> None:
        """Endorsements and comment threads, once supports are known (popular ideas draw more talk)."""
        closes = self.space.discussion_end()
        for proposal in box.proposals:
            if proposal.hidden:
                continue
            until = min(closes, proposal.withdrawn.date()) if proposal.withdrawn else closes
            endorsements = self._endorsements(proposal, until)
            boost = 1.0 + min(proposal.votes, 10) / 5
            live = self.comments.thread(
                kind=PROPOSAL,
                target=proposal.ref,
                theme=self.space.theme,
                opened=proposal.created,
                closes=until,
                first_level=self.comments.first_level_count(scale=boost),
            )
            self.plan.set(proposal.ref, endorsements_count=endorsements, comments_count=live)

    def _endorsements(self, proposal: PlannedProposal, until: date) -> int:
        """Endorsements in one's own name or for a group one belongs to; each (author, group) once."""
        rng = self.rng
        wanted = weighted(rng, ((0, 64), (1, 18), (2, 8), (3, 5), (5, 4), (9, 1)))
        if proposal.votes:
            wanted += rng.randint(0, 2)
        count = 0
        for endorser in self.people.pick_many(rng, wanted, exclude=set(proposal.authors)):
            group = self.people.group_of(rng, endorser) if rng.random() < 0.1 else None
            self.plan.child(
                models.Endorsement,
                of=self.space.ref,
                resource_kind=PROPOSAL,
                resource_id=proposal.ref,
                author_id=endorser,
                user_group_id=group,
                created_at=later(rng, proposal.created, max(until, proposal.created.date()), within_days=30),
            )
            count += 1
        return count

    # -- one proposal -------------------------------------------------------------------------

    def _proposal(
        self, component: Ref, settings: dict[str, Any], created: datetime, *, hidden: bool, window_end: date
    ) -> PlannedProposal:
        plan, rng, space = self.plan, self.rng, self.space
        idea = rng.choice(space.theme.ideas)
        places = slots(rng, space.towns)
        commune = places["commune"]
        title = fill(idea.title, rng, space.towns, values=places)
        body = self._body(idea, places, limit=int(settings.get("proposal_length", 500)))
        official = not hidden and rng.random() < 0.03
        authors = [] if official else self._authors(hidden=hidden)
        category = space.categories.get(idea.category) if rng.random() < 0.9 else None
        scope = self._scopes.get(commune) if "{commune}" in idea.title + idea.body and rng.random() < 0.85 else None
        published = created + timedelta(minutes=rng.randint(1, 40))
        values: dict[str, Any] = {
            "component_id": component,
            "title": {"fr": title},
            "body": {"fr": body},
            "official": official,
            "category_id": category,
            "scope_id": scope,
            "published_at": published,
            "coauthorships_count": len(authors),
            "created_at": created,
        }
        if settings.get("geocoding_enabled") and rng.random() < 0.6:
            street = fill(rng.choice(_STREETS), rng, space.towns, values=places)
            values |= {
                "address": f"{street}, {commune}",
                "latitude": round(rng.uniform(*_LATITUDES), 5),
                "longitude": round(rng.uniform(*_LONGITUDES), 5),
            }
        ref = plan.child(models.Proposal, of=space.ref, **values)
        reference = IdText(f"LA-PROP-{created:%Y-%m}-{{}}", (ref,))
        plan.set(ref, reference=reference)
        proposal = PlannedProposal(ref=ref, created=created, idea=idea, authors=authors, hidden=hidden)
        group = self.people.group_of(rng, authors[0]) if authors and rng.random() < 0.06 else None
        for position, author in enumerate(authors):
            plan.child(
                models.ProposalCoauthorship,
                of=space.ref,
                proposal_id=ref,
                author_id=author,
                user_group_id=group if position == 0 else None,
                position=position,
                created_at=created,
            )
        creator = authors[0] if authors else self.people.admin
        content = {
            k: values.get(k) for k in ("title", "body", "address", "latitude", "longitude", "category_id", "scope_id")
        }
        self._version(ref, "create", created, creator, content)
        self._version(ref, "update", published, creator, {"published_at": published, "reference": reference})
        updated = published
        if hidden:
            hidden_at = later(rng, published, space.last_day, within_days=3)
            plan.set(ref, hidden_at=hidden_at)
            self.comments.report(PROPOSAL, ref, between=(published, hidden_at), exclude=set(authors), hidden=True)
            updated = hidden_at
        elif authors and rng.random() < 0.025:
            withdrawn = later(rng, published, window_end, within_days=30)
            proposal.withdrawn = withdrawn
            plan.set(ref, withdrawn_at=withdrawn)
            self._version(ref, "update", withdrawn, creator, {"withdrawn_at": withdrawn})
            updated = withdrawn
        else:
            updated = self._answer(proposal) or updated
        plan.set(ref, updated_at=updated)
        return proposal

    def _authors(self, *, hidden: bool) -> list[Ref]:
        rng = self.rng
        # One hidden proposal is the blocked participant's: why the account was blocked.
        creator = (
            self.people.blocked[0] if hidden and self.people.blocked and rng.random() < 0.5 else self.people.pick(rng)
        )
        authors = [creator]
        if rng.random() < 0.08:
            authors += self.people.pick_many(rng, 1, exclude={creator})
        return authors

    def _body(self, idea: Idea, places: dict[str, str], *, limit: int) -> str:
        rng, theme, towns = self.rng, self.space.theme, self.space.towns
        context = fill(rng.choice(theme.contexts), rng, towns, values=places) if rng.random() < 0.7 else ""
        core = fill(idea.body, rng, towns, values=places)
        reason = rng.choice(theme.reasons) if rng.random() < 0.85 else ""
        for parts in ((context, core, reason), (core, reason), (core,)):
            body = " ".join(p for p in parts if p)
            if len(body) <= limit:
                return body
        return core[:limit]

    def _answer(self, proposal: PlannedProposal) -> datetime | None:
        rng, space = self.rng, self.space
        first = space.answers_from()
        if first is None or rng.random() > (0.9 if space.key == "budget-participatif" else 0.75):
            return None
        finished = space.steps[-1].end < space.today
        weights = (45, 40, 15) if finished else (30, 25, 45)
        state = rng.choices(("accepted", "rejected", "evaluating"), weights=weights)[0]
        direction = space.direction
        text = rng.choice(ANSWERS[state]).format(
            plan=space.theme.plan, direction=direction, Direction=direction[0].upper() + direction[1:]
        )
        answered = moment(rng, first, min(space.last_day, first + timedelta(days=150)))
        proposal.state = state
        self.plan.set(proposal.ref, state=state, answer={"fr": text}, answered_at=answered, state_published_at=answered)
        changes = {"state": state, "answer": {"fr": text}, "answered_at": answered, "state_published_at": answered}
        self._version(proposal.ref, "update", answered, self.people.admin, changes)
        log_action(
            self.plan,
            space=(space.kind, space.ref),
            who=self.people.admin,
            action="proposal.answer",
            resource=(PROPOSAL, proposal.ref),
            changes={"state": state},
            when=answered,
        )
        return answered

    # -- history ------------------------------------------------------------------------------

    def _version(self, ref: Ref, event: str, when: datetime, who: Ref, after: dict[str, Any]) -> None:
        """A version in paper_trail's shape, ``{field: [before, after]}`` (resolvers/proposals/content.py)."""
        changeset = {
            name: [{} if name == "answer" else None, _jsonable(value)]
            for name, value in after.items()
            if value is not None  # a create lists only the fields it set
        }
        self.plan.child(
            models.Version,
            of=self.space.ref,
            item_kind=PROPOSAL,
            item_id=ref,
            event=event,
            changeset=changeset,
            whodunnit_id=who,
            created_at=when,
        )


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value
