"""Comment threads on any commentable: qualified first-level comments, replies, votes, moderation.

Counters follow the rules of resolvers/comments: a resource's ``comments_count`` and a comment's
``replies_count`` count live comments (neither deleted nor hidden); votes count per weight. They are
computed here, while planning, so the writer inserts rows that already agree with each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import models
from app.seed.plan import Plan, Ref
from app.seed.spaces import People, later, moment
from app.seed.texts import Theme
from app.seed.texts.voices import CLOSERS, OPENERS, REPLIES, REPORT_DETAILS, STAFF_REPLIES
from models.kinds import ResourceKind

COMMENT = ResourceKind.COMMENT.value
MAX_SEEDED_DEPTH = 2
# How many first-level comments a resource draws, and how likely each count is.
_FIRST_LEVEL = ((0, 45), (1, 25), (2, 10), (3, 8), (5, 7), (8, 4), (13, 1))
_ALIGNMENTS = ((1, 45), (0, 25), (-1, 30))
# Reports that hide a resource by themselves (the default moderation setting, models/moderation.py).
HIDE_THRESHOLD = 3


@dataclass(slots=True)
class _Planned:
    ref: Ref
    author: Ref
    created: datetime
    depth: int
    body: str = ""
    live: bool = True
    replies: int = 0


def weighted(rng: random.Random, table: tuple[tuple[int, int], ...]) -> int:
    values, weights = zip(*table, strict=True)
    return int(rng.choices(values, weights=weights)[0])


class CommentPlanner:
    """Plans comments inside one unit (the space that owns the commented resources)."""

    def __init__(self, plan: Plan, people: People, *, unit: Ref, space_kind: str, rng: random.Random) -> None:
        self.plan = plan
        self.people = people
        self.unit = unit
        """The space that owns the commented resources (and answers for their moderation)."""
        self.space_kind = space_kind
        self.rng = rng

    def first_level_count(self, *, scale: float = 1.0) -> int:
        return round(weighted(self.rng, _FIRST_LEVEL) * scale)

    def thread(
        self,
        *,
        kind: str,
        target: Ref,
        theme: Theme,
        opened: datetime,
        closes: date,
        first_level: int,
        alignment: bool = True,
        exclude: frozenset[Ref] = frozenset(),
    ) -> int:
        """Plan ``first_level`` comments (and replies) on ``(kind, target)``; the live comments it now has."""
        rng = self.rng
        if first_level <= 0 or opened.date() > closes:
            return 0
        times = sorted(moment(rng, opened + timedelta(minutes=10), closes) for _ in range(first_level))
        planned: list[_Planned] = []
        for created in times:
            stance = weighted(rng, _ALIGNMENTS)
            author = self.people.pick(rng)
            body = self._opinion(theme, stance)
            planned.append(
                self._comment(
                    kind=kind,
                    target=target,
                    parent=None,
                    author=author,
                    body=body,
                    alignment=stance if alignment else 0,
                    created=created,
                    closes=closes,
                    exclude=exclude,
                )
            )
        # Replies come after every first-level comment (ids need not follow time; the thread orders by date).
        queue = list(planned)
        while queue:
            parent = queue.pop(0)
            if parent.depth >= MAX_SEEDED_DEPTH:
                continue
            wanted = weighted(rng, ((0, 62), (1, 25), (2, 9), (3, 4))) if parent.depth == 0 else int(rng.random() < 0.2)
            for _ in range(wanted):
                staff = rng.random() < 0.06
                author = self.people.admin if staff else self.people.pick(rng)
                reply = self._comment(
                    kind=kind,
                    target=target,
                    parent=parent,
                    author=author,
                    body=rng.choice([r for r in (STAFF_REPLIES if staff else REPLIES) if r != parent.body]),
                    alignment=0,
                    created=later(rng, parent.created, closes, within_days=10),
                    closes=closes,
                    exclude=exclude,
                )
                planned.append(reply)
                queue.append(reply)
        self._moderate(planned, closes=closes)
        return sum(1 for c in planned if c.live)

    # -- one comment --------------------------------------------------------------------------

    def _opinion(self, theme: Theme, stance: int) -> str:
        rng = self.rng
        pool = theme.pros if stance == 1 else theme.cons if stance == -1 else theme.questions
        opener, argument = rng.choice(OPENERS[stance]), rng.choice(pool)
        if opener.endswith(":"):
            argument = argument[0].lower() + argument[1:]
        return " ".join(p for p in (opener, argument, rng.choice(CLOSERS)) if p)

    def _comment(
        self,
        *,
        kind: str,
        target: Ref,
        parent: _Planned | None,
        author: Ref,
        body: str,
        alignment: int,
        created: datetime,
        closes: date,
        exclude: frozenset[Ref],
    ) -> _Planned:
        rng = self.rng
        group = self.people.group_of(rng, author) if rng.random() < 0.05 else None
        deleted = rng.random() < 0.015
        edited = not deleted and rng.random() < 0.03
        ref = self.plan.child(
            models.Comment,
            of=self.unit,
            commentable_kind=COMMENT if parent is not None else kind,
            commentable_id=parent.ref if parent is not None else target,
            root_kind=kind,
            root_id=target,
            parent_id=parent.ref if parent is not None else None,
            depth=parent.depth + 1 if parent is not None else 0,
            author_id=author,
            user_group_id=group,
            body={"fr": body},
            alignment=alignment,
            edited_at=later(rng, created, closes, within_days=1) if edited else None,
            deleted_at=later(rng, created, closes, within_days=2) if deleted else None,
            created_at=created,
        )
        comment = _Planned(ref=ref, author=author, created=created, depth=parent.depth + 1 if parent else 0, body=body)
        comment.live = not deleted
        if parent is not None and comment.live:
            parent.replies += 1
        if comment.live:
            self._votes(comment, closes=closes, exclude=exclude | {author})
        return comment

    def _votes(self, comment: _Planned, *, closes: date, exclude: frozenset[Ref]) -> None:
        rng = self.rng
        count = weighted(rng, ((0, 55), (1, 18), (2, 12), (3, 7), (5, 6), (8, 2)))
        up = down = 0
        for voter in self.people.pick_many(rng, count, exclude=exclude):
            weight = 1 if rng.random() < 0.78 else -1
            up, down = (up + 1, down) if weight == 1 else (up, down + 1)
            self.plan.child(
                models.CommentVote,
                of=self.unit,
                comment_id=comment.ref,
                author_id=voter,
                weight=weight,
                created_at=later(rng, comment.created, closes, within_days=3),
            )
        self.plan.set(comment.ref, up_votes_count=up, down_votes_count=down)

    def _moderate(self, planned: list[_Planned], *, closes: date) -> None:
        """Hide a rare reported leaf (its replies would vanish with it), leave a few reports pending for the
        moderators, then write reply counters."""
        rng = self.rng
        by_ref = {c.ref: c for c in planned}
        for comment in planned:
            if not comment.live:
                continue
            if comment.replies == 0 and rng.random() < 0.006:
                comment.live = False
                hidden = later(rng, comment.created, closes, within_days=2)
                self.plan.set(comment.ref, hidden_at=hidden)
                self.report(
                    COMMENT, comment.ref, between=(comment.created, hidden), exclude={comment.author}, hidden=True
                )
                parent_ref = self.plan.rows[comment.ref.n].values["parent_id"]
                if parent_ref is not None:
                    by_ref[parent_ref].replies -= 1
            elif rng.random() < 0.004:
                pending = (comment.created, later(rng, comment.created, closes, within_days=5))
                self.report(COMMENT, comment.ref, between=pending, exclude={comment.author}, hidden=False)
        for comment in planned:
            self.plan.set(comment.ref, replies_count=comment.replies)

    def report(
        self,
        kind: str,
        target: Ref,
        *,
        between: tuple[datetime, datetime],
        exclude: set[Ref] | frozenset[Ref],
        hidden: bool,
    ) -> None:
        """Participants report ``(kind, target)`` between the two instants; hidden at the second one, or pending.

        Hidden resources reached the automatic threshold (3 reports, the default moderation setting);
        pending ones have one or two. The moderation row counts the reports, as resolvers/moderation keeps it.
        """
        rng = self.rng
        count = HIDE_THRESHOLD if hidden else rng.randint(1, HIDE_THRESHOLD - 1)
        reporters = self.people.pick_many(rng, count, exclude=exclude)
        for reporter in reporters:
            self.plan.child(
                models.Report,
                of=self.unit,
                reportable_kind=kind,
                reportable_id=target,
                user_id=reporter,
                reason=rng.choice(("offensive", "spam", "does_not_belong")),
                details=rng.choice(REPORT_DETAILS),
                created_at=moment(rng, *between),
            )
        self.plan.child(
            models.Moderation,
            of=self.unit,
            reportable_kind=kind,
            reportable_id=target,
            space_kind=self.space_kind,
            space_id=self.unit,
            report_count=len(reporters),
            hidden_at=between[1] if hidden else None,
            created_at=between[0],
            updated_at=between[1],
        )
