"""Turn the catalog into a :class:`Plan` for one organization.

Every unit draws from its own generator, seeded with ``--seed`` and the unit's position, so a
larger ``--scale`` adds units without changing the ones a smaller scale produced.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Protocol

import models
from app.seed.assemblies import ASSEMBLIES, ASSEMBLY_TYPES, plan_assembly
from app.seed.catalog import PROCESS_GROUPS, PROCESS_TYPES, PROCESSES, RELATED
from app.seed.common import PLATFORM_LAUNCH, PROCESS, Anchors, SeedOptions, at, paragraphs, tr
from app.seed.consultations import ConsultationPlanner
from app.seed.content import ContentPlanner
from app.seed.figures import MODERATOR_ROLES
from app.seed.follows import plan_follows
from app.seed.participants import PeoplePlanner
from app.seed.people import PANEL_MEMBERS
from app.seed.plan import Plan, Ref
from app.seed.territory import AREA_TYPES, DEPARTEMENT_CODE, DEPARTEMENT_NAME, SCOPE_TYPES, communes

__all__ = ["PlanningProgress", "SeedOptions", "build_plan"]


class PlanningProgress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, rows: int, detail: str | None = None) -> None: ...


def build_plan(
    options: SeedOptions, *, password_hash: str | None = None, progress: PlanningProgress | None = None
) -> Plan:
    return _Builder(options, password_hash=password_hash, progress=progress).build()


class _Builder:
    def __init__(self, options: SeedOptions, *, password_hash: str | None, progress: PlanningProgress | None) -> None:
        self.o = options
        self.plan = Plan()
        self.anchors = Anchors()
        self.progress = progress
        self.people = PeoplePlanner(self.plan, options, password_hash=password_hash)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Report one planning stage and how many rows it planned."""
        before = len(self.plan.rows)
        if self.progress is not None:
            self.progress.stage(f"Planning {name}")
        yield
        if self.progress is not None:
            self.progress.advance(len(self.plan.rows) - before)

    @contextmanager
    def substage(self, name: str) -> Iterator[None]:
        """A stage of one block: shown on its own line at scale 1, folded into the block's line beyond."""
        if self.o.scale == 1:
            with self.stage(name):
                yield
        else:
            yield

    def build(self) -> Plan:
        self.block = 0
        self.plan.default_time = at(PLATFORM_LAUNCH, 9)
        with self.stage("organization and territory"):
            self._organization()
            self._territory()
            self._taxonomy()
            self.people.staff()
        consultations = ConsultationPlanner(self.plan, self.o, self.anchors)
        for block in range(self.o.scale):
            self.block = block
            with self.stage(f"block {block + 1}/{self.o.scale}") if self.o.scale > 1 else nullcontext():
                self._block(consultations, block)
        return self.plan

    def _block(self, consultations: ConsultationPlanner, block: int) -> None:
        first_row = len(self.plan.rows)
        with self.substage("participants"):
            users, people = self.people.block(block)
        members = [users[p] for p in PANEL_MEMBERS] + ([people.demo] if block == 0 else [])
        private: dict[Ref, list[Ref]] = {}
        with self.substage("consultations"):
            spaces = [consultations.process(spec, index, block) for index, spec in enumerate(PROCESSES)]
            for spec, space in zip(PROCESSES, spaces, strict=True):
                if spec.private:
                    private[space.ref] = members
            self._links({spec.slug: space.ref for spec, space in zip(PROCESSES, spaces, strict=True)})
        with self.substage("assemblies"):
            for index, assembly in enumerate(ASSEMBLIES):
                space = plan_assembly(self.plan, self.o, self.anchors, assembly, block=block, index=index)
                spaces.append(space)
                if assembly.private:
                    private[space.ref] = members
        with self.substage("members and roles"):
            # Members of the private spaces: they see them once they sign in.
            for space_ref, users_in in private.items():
                kind = next(s.kind for s in spaces if s.ref == space_ref)
                for user in users_in:
                    self.plan.pair(models.SpacePrivateUser, space_kind=kind, space_id=space_ref, user_id=user)
            if block == 0 and self.people.moderator is not None:
                for space in spaces:
                    role = MODERATOR_ROLES.get(space.key)
                    if role is not None:
                        self.plan.pair(
                            models.SpaceRole,
                            space_kind=space.kind,
                            space_id=space.ref,
                            user_id=self.people.moderator,
                            role=role,
                        )
        content = ContentPlanner(self.plan, self.o, self.anchors, people, block=block, stage=self.substage)
        content.fill(spaces, private_members=private)
        with self.substage("follows"):
            plan_follows(self.plan, since=first_row)

    def _links(self, by_slug: dict[str, Ref]) -> None:
        for source, target in RELATED:
            self.plan.pair(
                models.SpaceLink,
                from_kind=PROCESS,
                from_id=by_slug[source],
                to_kind=PROCESS,
                to_id=by_slug[target],
                name="related_processes",
            )

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
            self.anchors.communes[commune.name] = self.plan.root(
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
        self.anchors.assembly_types = {
            key: self.plan.root(models.AssembliesType, title=tr(title)) for key, title in ASSEMBLY_TYPES.items()
        }
