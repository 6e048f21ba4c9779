"""What content planners know about a planned space and about the people who take part in it."""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.seed.common import at
from app.seed.plan import Ref
from app.seed.texts import Theme


@dataclass(frozen=True, slots=True)
class StepInfo:
    ref: Ref
    start: date
    end: date
    role: str


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    manifest: str
    ref: Ref
    settings: dict[str, Any]
    published: bool


@dataclass(slots=True)
class Space:
    """A planned participatory space (process or assembly), as its content planners see it."""

    kind: str
    ref: Ref
    slug: str
    key: str
    """The catalog's slug, shared by benchmark copies: it picks figures and texts."""
    title: str
    direction: str
    """Who answers for the Département (the developer group), e.g. "Direction des routes"."""
    theme: Theme
    today: date
    steps: list[StepInfo] = field(default_factory=list)
    categories: dict[str, Ref] = field(default_factory=dict)
    components: dict[str, ComponentInfo] = field(default_factory=dict)
    published_at: datetime | None = None
    towns: tuple[str, ...] = ()
    """Communes its contributions mention (names), each also in ``scopes``."""

    @property
    def last_day(self) -> date:
        """Nothing is dated after yesterday: the seed never writes the future of participation."""
        return self.today - timedelta(days=1)

    def window(self, *roles: str) -> tuple[date, date] | None:
        """From the first step of one of ``roles`` to the end of the last one, cut at yesterday."""
        spans = [(s.start, s.end) for s in self.steps if s.role in roles]
        if not spans:
            return None
        start, end = spans[0][0], min(spans[-1][1], self.last_day)
        return (start, end) if start <= end else None

    def discussion_until(self) -> date:
        """The last day comments are open: the report step blocks them."""
        reports = [s.start for s in self.steps if s.role == "report"]
        if reports:
            return reports[0] - timedelta(days=1)
        return self.steps[-1].end if self.steps else self.last_day

    def discussion_end(self) -> date:
        """The last day of discussion so far: :meth:`discussion_until`, or yesterday."""
        return min(self.discussion_until(), self.last_day)

    def answers_from(self) -> date | None:
        """When the Département starts answering: the day after the last contribution step."""
        contributions = [s.end for s in self.steps if s.role == "contribute"]
        if not contributions:
            return None
        first = contributions[-1] + timedelta(days=1)
        return first if first <= self.last_day else None


def moment(rng: random.Random, start: date | datetime, end: date | datetime) -> datetime:
    """A time between two days (inclusive, during waking hours) or two instants."""
    if isinstance(start, datetime) or isinstance(end, datetime):
        first = start if isinstance(start, datetime) else at(start, 7)
        last = end if isinstance(end, datetime) else at(end, 22, 59)
        span = max((last - first).total_seconds(), 0.0)
        return first + timedelta(seconds=int(rng.random() * span))
    day = start + timedelta(days=rng.randint(0, max((end - start).days, 0)))
    return at(day, rng.randint(7, 22), rng.randint(0, 59))


def later(rng: random.Random, after: datetime, end: date, *, within_days: int = 20) -> datetime:
    """A time after ``after`` (a few minutes to ``within_days`` days), never past the end of ``end``."""
    limit = min(after + timedelta(days=within_days), at(end, 23, 0))
    if limit <= after:
        return after + timedelta(minutes=rng.randint(1, 30))
    return moment(rng, after + timedelta(minutes=5), limit)


@dataclass(slots=True)
class People:
    """The participants of a block, with how active each one is (a few are very active, most rarely)."""

    active: list[Ref]
    weights: list[float]
    groups: list[tuple[Ref, list[Ref]]]
    """User groups and the members who may act for them."""
    admin: Ref
    demo: Ref
    blocked: list[Ref]
    deleted: list[Ref]
    _cumulative: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cumulative = list(itertools.accumulate(self.weights))

    def pick(self, rng: random.Random) -> Ref:
        point = rng.random() * self._cumulative[-1]
        return self.active[bisect.bisect_right(self._cumulative, point)]

    def pick_many(self, rng: random.Random, k: int, *, exclude: set[Ref] | frozenset[Ref] = frozenset()) -> list[Ref]:
        """``k`` distinct participants (fewer if the pool runs out), the active ones more likely."""
        chosen: list[Ref] = []
        seen = set(exclude)
        attempts = 0
        while len(chosen) < k and attempts < 20 * k + 20:
            attempts += 1
            ref = self.pick(rng)
            if ref not in seen:
                seen.add(ref)
                chosen.append(ref)
        return chosen

    def group_of(self, rng: random.Random, user: Ref) -> Ref | None:
        """A group ``user`` may act for, if any."""
        mine = [group for group, members in self.groups if user in members]
        return rng.choice(mine) if mine else None
