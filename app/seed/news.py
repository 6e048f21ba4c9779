"""News posts of a consultation's blog, dated along its calendar, with endorsements and comments."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import models
from app.seed.comments import CommentPlanner
from app.seed.common import at
from app.seed.plan import Plan, Ref
from app.seed.spaces import People, Space, later
from app.seed.texts import of_town
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

    def plan_posts(self, held: list[tuple[date, str]]) -> None:
        """Plan the blog; ``held`` are the days and towns of the public meetings held so far."""
        space = self.space
        info = space.components.get("blogs")
        if info is None or not space.steps:
            return
        town = held[0][1] if held else ""
        for key, day in self._calendar(held):
            self._post(info.ref, key, at(day, 10, 30), town=town)

    def _calendar(self, held: list[tuple[date, str]]) -> list[tuple[str, date]]:
        """Which posts a consultation has published by now, and one scheduled after today."""
        space = self.space
        start = space.steps[0].start
        days: list[tuple[str, date]] = [("launch", start)]
        contribute = [s for s in space.steps if s.role == "contribute"]
        if held:
            days.append(("meeting", held[0][0] + timedelta(days=3)))
        if contribute:
            days.append(("reminder", contribute[-1].end - timedelta(days=15)))
            days.append(("summary", contribute[-1].end + timedelta(days=20)))
        answers = space.answers_from()
        if answers is not None:
            days.append(("answers", answers + timedelta(days=60)))
        days.sort(key=lambda entry: entry[1])
        published = [(key, day) for key, day in days if day <= space.last_day]
        upcoming = [(key, day) for key, day in days if day > space.last_day]
        # The next one is written already and scheduled: only admins see it until its day.
        if upcoming:
            published.append(upcoming[0])
        elif space.steps[-1].end >= space.today:
            published.append(("next", space.today + timedelta(days=7)))
        return published

    def _post(self, component: Ref, key: str, when: datetime, *, town: str) -> None:
        plan, rng, space = self.plan, self.rng, self.space
        title, body = POSTS[key]
        official = rng.random() < 0.8
        ref = plan.child(
            models.Post,
            of=space.ref,
            component_id=component,
            title={"fr": title.format(title=space.title, of_town=of_town(town))},
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
