"""Turn the catalog into a :class:`Plan` for one organization.

Every unit draws from its own generator, seeded with ``--seed`` and the unit's position, so a
larger ``--scale`` adds units without changing the ones a smaller scale produced.
"""

from __future__ import annotations

from datetime import date, timedelta

import models
from app.seed.catalog import PROCESS_GROUPS, PROCESS_TYPES, PROCESSES, RELATED
from app.seed.common import PLATFORM_LAUNCH, PROCESS, Anchors, SeedOptions, at, paragraphs, tr
from app.seed.consultations import ConsultationPlanner
from app.seed.people import (
    ABOUT_TEMPLATES,
    BLOCKED,
    DELETED,
    FIRST_NAMES,
    GROUPS_PER_BLOCK,
    PARTICIPANTS_PER_BLOCK,
    UNCONFIRMED,
    group_for_block,
    nickname,
)
from app.seed.plan import Plan, Ref
from app.seed.territory import AREA_TYPES, DEPARTEMENT_CODE, DEPARTEMENT_NAME, SCOPE_TYPES, communes

__all__ = ["SeedOptions", "build_plan"]


def build_plan(options: SeedOptions) -> Plan:
    return _Builder(options).build()


class _Builder:
    def __init__(self, options: SeedOptions) -> None:
        self.o = options
        self.plan = Plan()
        self.anchors = Anchors()

    def build(self) -> Plan:
        self.plan.default_time = at(PLATFORM_LAUNCH, 9)
        self._organization()
        self._territory()
        self._taxonomy()
        self._admin()
        consultations = ConsultationPlanner(self.plan, self.o, self.anchors)
        for block in range(self.o.scale):
            users = self._participants(block)
            self._user_groups(block, users)
            spaces = {spec.slug: consultations.process(spec, index, block) for index, spec in enumerate(PROCESSES)}
            for spec in PROCESSES:
                if spec.private:
                    # Members of the private panel: they will see it once they sign in.
                    for user in users[10:22]:
                        self.plan.pair(
                            models.SpacePrivateUser, space_kind=PROCESS, space_id=spaces[spec.slug], user_id=user
                        )
            for source, target in RELATED:
                self.plan.pair(
                    models.SpaceLink,
                    from_kind=PROCESS,
                    from_id=spaces[source],
                    to_kind=PROCESS,
                    to_id=spaces[target],
                    name="related_processes",
                )
        return self.plan

    # -- organization and classification ------------------------------------------------------

    def _organization(self) -> None:
        self.plan.root(
            models.Organization,
            host=self.o.host,
            # 127.0.0.1 reaches the same demo; only the local demo claims it, so hosts stay unambiguous.
            secondary_hosts=["127.0.0.1"] if self.o.host == "localhost" else [],
            name=tr(("Participer en Loire-Atlantique", "Take part in Loire-Atlantique")),
            description=paragraphs(
                (
                    (
                        "La plateforme de participation citoyenne du Département de Loire-Atlantique : "
                        "consultations, propositions, rencontres et suivi des engagements.",
                        "The citizen participation platform of the Département de Loire-Atlantique: "
                        "consultations, proposals, meetings and follow-up of commitments.",
                    ),
                )
            ),
            available_locales=["fr", "en"],
            default_locale="fr",
            time_zone="Europe/Paris",
            reference_prefix="LA",
            user_groups_enabled=True,
            created_at=at(PLATFORM_LAUNCH, 9),
        )

    def _territory(self) -> None:
        scope_types = {
            key: self.plan.root(models.ScopeType, name=tr(name), plural=tr(plural))
            for key, (name, plural) in SCOPE_TYPES.items()
        }
        self.anchors.departement = self.plan.root(
            models.Scope,
            name=tr((DEPARTEMENT_NAME, DEPARTEMENT_NAME)),
            code=DEPARTEMENT_CODE,
            scope_type_id=scope_types["departement"],
        )
        for commune in communes():
            self.plan.root(
                models.Scope,
                name=tr((commune.name, commune.name)),
                code=commune.code,
                parent_id=self.anchors.departement,
                scope_type_id=scope_types["commune"],
            )

    def _taxonomy(self) -> None:
        for key, (name, plural, areas) in AREA_TYPES.items():
            area_type = self.plan.root(models.AreaType, name=tr(name), plural=tr(plural))
            refs = [self.plan.root(models.Area, name=tr(area), area_type_id=area_type) for area in areas]
            (self.anchors.territories if key == "territory" else self.anchors.themes).extend(refs)
        self.anchors.types = {
            key: self.plan.root(models.ParticipatoryProcessType, title=tr(t)) for key, t in PROCESS_TYPES.items()
        }
        self.anchors.groups = {
            key: self.plan.root(
                models.ParticipatoryProcessGroup,
                title=tr(title),
                description=paragraphs((description,)),
                hero_image=f"/uploads/participatory_process_groups/{key}/hero.jpg",
                developer_group=tr(("Département de Loire-Atlantique", "Département de Loire-Atlantique")),
                promoted=key == "mobility",
            )
            for key, (title, description) in PROCESS_GROUPS.items()
        }

    # -- people -------------------------------------------------------------------------------

    def _admin(self) -> None:
        self.plan.root(
            models.User,
            kind=models.UserKind.USER.value,
            email="participation@example.org",
            nickname="equipe_participation",
            name="Équipe participation citoyenne",
            locale="fr",
            about="Le service participation citoyenne et usages numériques du Département.",
            admin=True,
            confirmed_at=at(PLATFORM_LAUNCH, 9, 5),
            created_at=at(PLATFORM_LAUNCH, 9),
        )

    def _participants(self, block: int) -> list[Ref]:
        towns = communes()
        refs: list[Ref] = []
        last_day = max(self.o.today - timedelta(days=1), PLATFORM_LAUNCH)
        for position in range(PARTICIPANTS_PER_BLOCK):
            index = block * PARTICIPANTS_PER_BLOCK + position
            rng = self.o.rng("participant", index)
            nick = nickname(index)
            joined = at(
                date.fromordinal(rng.randint(PLATFORM_LAUNCH.toordinal(), last_day.toordinal())),
                rng.randint(7, 22),
                rng.randint(0, 59),
            )
            locale = "en" if rng.random() < 0.15 else "fr"
            about_fr, about_en = rng.choice(ABOUT_TEMPLATES)
            about = (about_en if locale == "en" else about_fr).format(town=rng.choice(towns).name)
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice('ABCDEFGHJLMNPRSTV')}."
            deleted = position in DELETED
            refs.append(
                self.plan.root(
                    models.User,
                    kind=models.UserKind.USER.value,
                    # Deleted accounts keep no personal data, as Decidim does.
                    email=None if deleted else f"{nick}@example.org",
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
            )
        return refs

    def _user_groups(self, block: int, users: list[Ref]) -> None:
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
            roles = ["creator", "admin"] + ["member"] * 6 + ["requested"]
            for offset, role in enumerate(roles):
                self.plan.pair(models.UserGroupMembership, user_id=users[base + offset], user_group_id=group, role=role)
            # One participant belongs to every group, which makes ``groups`` lists non-trivial.
            self.plan.pair(models.UserGroupMembership, user_id=users[40], user_group_id=group, role="member")
