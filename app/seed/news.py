"""News posts of a consultation's blog, dated along its calendar, with endorsements and comments."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import models
from app.seed.comments import CommentPlanner
from app.seed.common import at
from app.seed.meetings import ROUTE_TOWNS
from app.seed.plan import Plan, Ref
from app.seed.spaces import People, Space, later
from app.seed.texts.gatherings import POSTS
from models.kinds import ResourceKind

POST = ResourceKind.POST.value


class NewsPlanner:
    def __init__(
        self, plan: Plan, people: People, space: Space, *, rng: random.Random, comments: CommentPlanner
    ) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng
        self.comments = comments

    def plan_posts(self) -> None:
        space = self.space
        info = space.components.get("blogs")
        if info is None or not space.steps:
            return
        for key, day in self._calendar():
            self._post(info.ref, key, at(day, 10, 30))

    def _calendar(self) -> list[tuple[str, date]]:
        """Which posts a consultation has published by now, and one scheduled after today."""
        space = self.space
        start = space.steps[0].start
        days: list[tuple[str, date]] = [("launch", start)]
        contribute = [s for s in space.steps if s.role == "contribute"]
        if contribute:
            days.append(("meeting", contribute[0].start + timedelta(days=20)))
            days.append(("reminder", contribute[-1].end - timedelta(days=15)))
            days.append(("summary", contribute[-1].end + timedelta(days=20)))
        answers = space.answers_from()
        if answers is not None:
            days.append(("answers", answers + timedelta(days=60)))
        published = [(key, day) for key, day in days if day <= space.last_day]
        upcoming = [(key, day) for key, day in days if day > space.last_day]
        # The next one is written already and scheduled: only admins see it until its day.
        if upcoming:
            published.append(upcoming[0])
        elif space.steps[-1].end >= space.today:
            published.append(("next", space.today + timedelta(days=7)))
        return published

    def _post(self, component: Ref, key: str, when: datetime) -> None:
        plan, rng, space = self.plan, self.rng, self.space
        title, body = POSTS[key]
        town = rng.choice(ROUTE_TOWNS if space.key == "route-de-demain" else space.towns)
        official = rng.random() < 0.8
        ref = plan.child(
            models.Post,
            of=space.ref,
            component_id=component,
            title={"fr": title.format(title=space.title, town=town)},
            body={"fr": body},
            published_at=when,
            official=official,
            author_id=None if official else self.people.admin,
            created_at=when - timedelta(days=1),
        )
        if when.date() > space.last_day:
            return
        closes = space.last_day
        endorsers = self.people.pick_many(rng, rng.choice((0, 1, 2, 4, 7)))
        for endorser in endorsers:
            plan.child(
                models.Endorsement,
                of=space.ref,
                resource_kind=POST,
                resource_id=ref,
                author_id=endorser,
                created_at=later(rng, when, closes, within_days=10),
            )
        live = self.comments.thread(
            kind=POST,
            target=ref,
            theme=space.theme,
            opened=when,
            closes=min(closes, when.date() + timedelta(days=30)),
            first_level=rng.choice((0, 0, 1, 2, 3)),
        )
        plan.set(ref, endorsements_count=len(endorsers), comments_count=live)
