"""The meetings calendar of a space: public meetings across the communes, workshops, webinars.

Past meetings are mostly closed with a report and the proposals they took up; upcoming ones take
registrations within their seats. ``registrations_count`` equals the registrations planned.
"""

from __future__ import annotations

import random
import string
from datetime import date, datetime, timedelta

import models
from app.seed.comments import CommentPlanner
from app.seed.common import at
from app.seed.logbook import log_action
from app.seed.plan import IdText, Plan, Ref
from app.seed.proposals import PlannedProposal
from app.seed.spaces import People, Space, later, moment
from app.seed.texts.gatherings import (
    AGENDA,
    PLACES,
    SERVICES,
    closing_report,
    meeting_description,
    meeting_title,
)
from models.kinds import ResourceKind
from models.meetings import IframeEmbedType, MeetingType

MEETING = ResourceKind.MEETING.value
CODE_ALPHABET = string.ascii_uppercase + string.digits
# The towns of the road consultation's meetings, as its minutes in the documents list them.
ROUTE_TOWNS = (
    "Nantes",
    "Saint-Nazaire",
    "Châteaubriant",
    "Ancenis-Saint-Géréon",
    "Clisson",
    "Pornic",
    "Blain",
    "Machecoul-Saint-Même",
)
_COUNTS = {"route-de-demain": 11, "budget-participatif": 8, "panel-citoyen-evaluation": 5}
# What kind of gatherings a space holds (catalog slug; assemblies and panels meet in sessions).
_KINDS = {
    "loire-estuaire": ("meeting", "workshop", "walk"),
    "panel-citoyen-evaluation": ("session",),
    "conseil-departemental-des-jeunes": ("session",),
    "comite-suivi-participation": ("session",),
}


class MeetingPlanner:
    def __init__(
        self, plan: Plan, people: People, space: Space, *, rng: random.Random, comments: CommentPlanner
    ) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng
        self.comments = comments

    def plan_calendar(
        self, *, scopes: dict[str, Ref], span: tuple[date, date], proposals: list[PlannedProposal]
    ) -> list[tuple[date, str]]:
        """Plan the calendar; the days and towns of the public meetings held so far (news reports on them)."""
        space, rng = self.space, self.rng
        info = space.components.get("meetings")
        if info is None:
            return []
        count = _COUNTS.get(space.key, rng.randint(4, 7))
        if space.key == "route-de-demain":
            # The town meetings whose minutes the consultation's documents list, then three workshops.
            contribute = space.window("contribute") or span
            workshops = next(((s.start, s.end) for s in space.steps if s.start.month == 9), span)
            slots = [(town, moment(rng, *contribute).date(), "town") for town in ROUTE_TOWNS]
            slots += [(rng.choice(space.towns), moment(rng, *workshops).date(), "workshop") for _ in range(3)]
        else:
            kinds = _KINDS.get(space.key, ("meeting", "workshop"))
            slots = [(rng.choice(space.towns), moment(rng, *span).date(), rng.choice(kinds)) for _ in range(count)]
        slots.sort(key=lambda s: s[1])
        numbers: dict[str, int] = {}
        held: list[tuple[date, str]] = []
        for town, day, kind in slots:
            numbers[kind] = numbers.get(kind, 0) + 1
            self._meeting(
                info.ref, town=town, day=day, kind=kind, number=numbers[kind], scopes=scopes, proposals=proposals
            )
            if kind in {"town", "meeting"} and day < space.today:
                held.append((day, town))
        return held

    def _meeting(
        self,
        component: Ref,
        *,
        town: str,
        day: date,
        kind: str,
        number: int,
        scopes: dict[str, Ref],
        proposals: list[PlannedProposal],
    ) -> None:
        plan, rng, space = self.plan, self.rng, self.space
        type_of = rng.choices([t.value for t in MeetingType], weights=(70, 15, 15))[0]
        if kind in {"walk", "town"}:
            type_of = MeetingType.IN_PERSON.value
        start = at(day, *rng.choice(((18, 30), (20, 0), (10, 0), (14, 0))))
        end = start + timedelta(hours=rng.choice((1.5, 2, 2.5, 3)))
        topic = rng.choice(space.theme.topics)
        # A private space's own sessions are for its members: private and not transparent, half of them.
        private = space.key == "comite-suivi-participation" and rng.random() < 0.5
        published = min(max(start - timedelta(days=21), space.published_at or start), at(space.last_day, 10))
        past = end.date() < space.today
        values: dict[str, object] = {
            "component_id": component,
            "title": {
                "fr": meeting_title(kind, town=town, topic=topic, number=number, type_of=type_of, space=space.title)
            },
            "description": {"fr": meeting_description(kind, town=town, topic=topic, space=space.title)},
            "start_time": start,
            "end_time": end,
            "type_of_meeting": type_of,
            "scope_id": scopes.get(town),
            "category_id": rng.choice(list(space.categories.values())) if space.categories else None,
            "private_meeting": private,
            "transparent": not private,
            "published_at": published,
            "created_at": published - timedelta(days=2),
        }
        if type_of != MeetingType.ONLINE.value:
            place = rng.choice(PLACES)
            values |= {
                "location": {"fr": f"{place}, {town}"},
                "location_hints": {"fr": "Accessible aux personnes à mobilité réduite."},
                "address": f"{place}, {town}",
                "latitude": round(rng.uniform(46.95, 47.75), 5),
                "longitude": round(rng.uniform(-2.45, -1.05), 5),
            }
        if type_of != MeetingType.IN_PERSON.value:
            values |= {
                "online_meeting_url": f"https://visio.example.org/{space.slug}-{kind}-{number}",
                "iframe_embed_type": rng.choice(
                    (IframeEmbedType.EMBED_IN_MEETING_PAGE.value, IframeEmbedType.OPEN_IN_NEW_TAB.value)
                ),
            }
        ref = plan.child(models.Meeting, of=space.ref, **values)
        plan.set(ref, reference=IdText(f"LA-MEET-{start:%Y-%m}-{{}}", (ref,)))
        if rng.random() < 0.6 or kind == "workshop":
            self._agenda(ref, start=start, length=end - start)
        if rng.random() < 0.3:
            for position, (title, description) in enumerate(rng.sample(SERVICES, k=rng.randint(1, 2))):
                plan.child(
                    models.MeetingService,
                    of=space.ref,
                    meeting_id=ref,
                    title={"fr": title},
                    description={"fr": description},
                    position=position,
                    created_at=published,
                )
        if private or rng.random() < 0.55:
            self._registrations(ref, published=published, start=start)
        if past and rng.random() < 0.85:
            self._close(ref, end=end, topic=topic, proposals=proposals)
        elif not past and rng.random() < 0.08:
            plan.set(ref, withdrawn_at=later(rng, published, space.last_day, within_days=5))
        if past and rng.random() < 0.35:
            live = self.comments.thread(
                kind=MEETING,
                target=ref,
                theme=space.theme,
                opened=end,
                closes=min(space.last_day, end.date() + timedelta(days=30)),
                first_level=rng.randint(1, 4),
            )
            plan.set(ref, comments_count=live)

    def _agenda(self, meeting: Ref, *, start: datetime, length: timedelta) -> None:
        plan, rng = self.plan, self.rng
        agenda = plan.child(
            models.MeetingAgenda, of=self.space.ref, meeting_id=meeting, title={"fr": "Programme"}, visible=True
        )
        minutes = int(length.total_seconds() // 60)
        items = AGENDA[: rng.randint(3, len(AGENDA))]
        shares = [max(10, minutes // len(items)) for _ in items]
        for position, ((title, description, children), duration) in enumerate(zip(items, shares, strict=True)):
            item = plan.child(
                models.MeetingAgendaItem,
                of=self.space.ref,
                agenda_id=agenda,
                title={"fr": title},
                description={"fr": description},
                duration=duration,
                position=position,
                created_at=start - timedelta(days=7),
            )
            for sub_position, child in enumerate(children):
                plan.child(
                    models.MeetingAgendaItem,
                    of=self.space.ref,
                    agenda_id=agenda,
                    parent_id=item,
                    title={"fr": child},
                    duration=duration // max(len(children), 1),
                    position=sub_position,
                    created_at=start - timedelta(days=7),
                )

    def _registrations(self, meeting: Ref, *, published: datetime, start: datetime) -> None:
        plan, rng = self.plan, self.rng
        slots = rng.choice((0, 30, 40, 60, 80, 120))
        reserved = rng.randint(0, 5) if slots else 0
        wanted = rng.randint(5, 45)
        count = min(wanted, slots - reserved) if slots else wanted
        closes = min(start.date() - timedelta(days=1), self.space.last_day)
        codes: set[str] = set()
        registered = 0
        for user in self.people.pick_many(rng, count) if closes >= published.date() else []:
            code = "".join(rng.choices(CODE_ALPHABET, k=8))
            while code in codes:
                code = "".join(rng.choices(CODE_ALPHABET, k=8))
            codes.add(code)
            registered += 1
            plan.child(
                models.MeetingRegistration,
                of=self.space.ref,
                meeting_id=meeting,
                user_id=user,
                code=code,
                created_at=moment(rng, published, at(closes, 22)),
            )
        plan.set(
            meeting,
            registrations_enabled=True,
            registration_terms={"fr": "Inscription gratuite, dans la limite des places disponibles."},
            available_slots=slots,
            reserved_slots=reserved,
            registrations_count=registered,
        )

    def _close(self, meeting: Ref, *, end: datetime, topic: str, proposals: list[PlannedProposal]) -> None:
        rng = self.rng
        attendees = rng.randint(12, 140)
        linked = [p for p in proposals if p.supportable and p.created < end]
        taken = rng.sample(linked, k=min(len(linked), rng.randint(0, 4)))
        closed = later(rng, end, self.space.last_day, within_days=6)
        self.plan.set(
            meeting,
            closed_at=closed,
            closing_visible=True,
            closing_report={"fr": closing_report(attendees=attendees, topic=topic, proposals=len(taken))},
            attendees_count=attendees,
            contributions_count=rng.randint(3, max(4, attendees // 3)),
            attending_organizations=rng.choice(
                ("", "Association des maires, Chambre d'agriculture", "Collectif vélo, associations de parents")
            )
            or None,
        )
        log_action(
            self.plan,
            space=(self.space.kind, self.space.ref),
            who=self.people.admin,
            action="meeting.close",
            resource=(MEETING, meeting),
            changes={"closed_at": closed, "attendees_count": attendees},
            when=closed,
        )
        for proposal in taken:
            self.plan.child(
                models.MeetingProposalLink,
                of=self.space.ref,
                meeting_id=meeting,
                proposal_id=proposal.ref,
                created_at=closed,
            )
