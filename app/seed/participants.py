"""Plan the accounts: the participation team, the demo participant, each block's participants and groups.

Every account signs in with the demo password (README, "Demo accounts"), hashed once by the caller:
argon2 is slow on purpose, and 1,500 hashes would cost minutes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import models
from app.seed.common import PLATFORM_LAUNCH, SeedOptions, at
from app.seed.figures import ADMIN_EMAIL, MODERATOR_EMAIL, PARTICIPANT_EMAIL, PARTICIPANT_NICKNAME
from app.seed.people import (
    ABOUT_TEMPLATES,
    BLOCKED,
    DELETED,
    FIRST_NAMES,
    GROUPS_PER_BLOCK,
    HIDDEN,
    PARTICIPANTS_PER_BLOCK,
    UNCONFIRMED,
    group_for_block,
    nickname,
)
from app.seed.plan import Plan, Ref
from app.seed.spaces import People
from app.seed.territory import communes

# How much more the demo participant takes part than the most active pseudonyms: enough to find
# their own proposals, supports and comments when signing in.
_DEMO_ACTIVITY = 30.0
_ROLES = ("creator", "admin", "member", "member", "member", "member", "member", "member", "requested")


class PeoplePlanner:
    def __init__(self, plan: Plan, options: SeedOptions, *, password_hash: str | None) -> None:
        self.plan = plan
        self.o = options
        self.password_hash = password_hash
        self.admin: Ref | None = None
        self.demo: Ref | None = None
        self.moderator: Ref | None = None

    def staff(self) -> None:
        """The participation team (organization admin) and the demo participant, once per organization."""
        launch = at(PLATFORM_LAUNCH, 9)
        self.admin = self.plan.root(
            models.User,
            kind=models.UserKind.USER.value,
            email=ADMIN_EMAIL,
            encrypted_password=self.password_hash,
            nickname="equipe_participation",
            name="Équipe participation citoyenne",
            locale="fr",
            about="Le service participation citoyenne et usages numériques du Département.",
            admin=True,
            confirmed_at=launch + timedelta(minutes=5),
            created_at=launch,
        )
        self.demo = self.plan.root(
            models.User,
            kind=models.UserKind.USER.value,
            email=PARTICIPANT_EMAIL,
            encrypted_password=self.password_hash,
            nickname=PARTICIPANT_NICKNAME,
            name="Camille Démo",
            locale="fr",
            about="Compte de démonstration : habitante de Blain, cycliste du quotidien.",
            confirmed_at=launch + timedelta(minutes=30),
            created_at=launch + timedelta(minutes=20),
        )
        # A staff member with roles in a few spaces (moderation, answers), not an organization admin.
        self.moderator = self.plan.root(
            models.User,
            kind=models.UserKind.USER.value,
            email=MODERATOR_EMAIL,
            encrypted_password=self.password_hash,
            nickname="moderation_44",
            name="Modération de la plateforme",
            locale="fr",
            about="Agent du service participation citoyenne chargé de la modération.",
            confirmed_at=launch + timedelta(minutes=15),
            created_at=launch + timedelta(minutes=10),
        )

    def block(self, block: int) -> tuple[list[Ref], People]:
        """Plan a block's participants and groups; every participant's ref, and who takes part how much."""
        if self.admin is None or self.demo is None:
            msg = "plan the staff accounts before the participants"
            raise RuntimeError(msg)
        users = self._participants(block)
        groups = self._user_groups(block, users)
        rng = self.o.rng("activity", block)
        active = [u for position, u in enumerate(users) if position not in HIDDEN]
        weights = [min(rng.paretovariate(1.4), 25.0) for _ in active]
        if block == 0:
            active.append(self.demo)
            weights.append(_DEMO_ACTIVITY)
        people = People(
            active=active,
            weights=weights,
            groups=groups,
            admin=self.admin,
            demo=self.demo,
            blocked=[users[p] for p in sorted(BLOCKED)],
            deleted=[users[p] for p in sorted(DELETED)],
        )
        return users, people

    def _participants(self, block: int) -> list[Ref]:
        towns = communes()
        refs: list[Ref] = []
        last_day = max(self.o.today - timedelta(days=1), PLATFORM_LAUNCH)
        for position in range(PARTICIPANTS_PER_BLOCK):
            index = block * PARTICIPANTS_PER_BLOCK + position
            rng = self.o.rng("participant", index)
            refs.append(
                self._participant(rng, nickname(index), position, towns=tuple(c.name for c in towns), last_day=last_day)
            )
        return refs

    def _participant(
        self, rng: random.Random, nick: str, position: int, *, towns: tuple[str, ...], last_day: date
    ) -> Ref:
        joined = at(
            date.fromordinal(rng.randint(PLATFORM_LAUNCH.toordinal(), last_day.toordinal())),
            rng.randint(7, 22),
            rng.randint(0, 59),
        )
        locale = "en" if rng.random() < 0.15 else "fr"
        about_fr, about_en = rng.choice(ABOUT_TEMPLATES)
        about = (about_en if locale == "en" else about_fr).format(town=rng.choice(towns))
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice('ABCDEFGHJLMNPRSTV')}."
        deleted = position in DELETED
        return self.plan.root(
            models.User,
            kind=models.UserKind.USER.value,
            # Deleted accounts keep no personal data, as Decidim does.
            email=None if deleted else f"{nick}@example.org",
            encrypted_password=None if deleted else self.password_hash,
            nickname=nick,
            name="" if deleted else name,
            locale=locale,
            about=None if deleted or rng.random() < 0.4 else about,
            confirmed_at=None if position in UNCONFIRMED else joined + timedelta(minutes=rng.randint(2, 90)),
            blocked=position in BLOCKED,
            blocked_at=joined + timedelta(days=30) if position in BLOCKED else None,
            deleted_at=joined + timedelta(days=60) if deleted else None,
            direct_messages_enabled=rng.random() < 0.8,
            created_at=joined,
        )

    def _user_groups(self, block: int, users: list[Ref]) -> list[tuple[Ref, list[Ref]]]:
        groups: list[tuple[Ref, list[Ref]]] = []
        for index in range(GROUPS_PER_BLOCK):
            spec = group_for_block(index, block)
            created = at(date(2018, 9, 1) + timedelta(days=40 * index), 18)
            group = self.plan.root(
                models.User,
                kind=models.UserKind.GROUP.value,
                email=f"{spec.nickname}@example.org",
                nickname=spec.nickname,
                name=spec.name,
                locale="fr",
                about=spec.about,
                verified_at=created + timedelta(days=3) if spec.verified else None,
                created_at=created,
            )
            base = index * 9
            members: list[Ref] = []
            for offset, role in enumerate(_ROLES):
                self.plan.pair(models.UserGroupMembership, user_id=users[base + offset], user_group_id=group, role=role)
                if role != "requested":
                    members.append(users[base + offset])
            # One participant belongs to every group, which makes ``groups`` lists non-trivial.
            self.plan.pair(models.UserGroupMembership, user_id=users[40], user_group_id=group, role="member")
            groups.append((group, [*members, users[40]]))
        return groups
