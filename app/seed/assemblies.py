"""Two assemblies: the public young people's council, and a private follow-up committee with members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import models
from app.seed.common import Anchors, SeedOptions, at, paragraphs, tr
from app.seed.components import COMPONENT_NAMES, global_settings
from app.seed.plan import IdText, Plan
from app.seed.spaces import ComponentInfo, Space
from app.seed.territory import DEPARTEMENT_NAME, Text, communes
from app.seed.texts.themes import THEMES
from models.kinds import SpaceKind

ASSEMBLY = SpaceKind.ASSEMBLY.value

ASSEMBLY_TYPES: dict[str, Text] = {
    "consultative": ("Instance consultative", "Advisory body"),
    "follow_up": ("Comité de suivi", "Follow-up committee"),
}


@dataclass(frozen=True, slots=True)
class AssemblySpec:
    slug: str
    title: Text
    subtitle: Text
    purpose: Text
    composition: Text
    assembly_type: str
    created: date
    private: bool
    theme: str
    hashtag: str


ASSEMBLIES = (
    AssemblySpec(
        slug="conseil-departemental-des-jeunes",
        title=("Conseil départemental des jeunes", "Departmental youth council"),
        subtitle=("Des collégiens élus pour deux ans", "Pupils elected for two years"),
        purpose=(
            "Donner la parole aux collégiens sur les politiques qui les concernent et mener des projets "
            "pour leur territoire.",
            "Give secondary pupils a say in the policies that concern them and run projects for their area.",
        ),
        composition=(
            "Soixante collégiens élus dans leurs établissements, à parité filles et garçons.",
            "Sixty pupils elected in their schools, with as many girls as boys.",
        ),
        assembly_type="consultative",
        created=date(2018, 10, 1),
        private=False,
        theme="education",
        hashtag="CDJ44",
    ),
    AssemblySpec(
        slug="comite-suivi-participation",
        title=("Comité de suivi de la participation citoyenne", "Citizen participation follow-up committee"),
        subtitle=(
            "Habitants et élus veillent aux six engagements",
            "Residents and councillors watch the six commitments",
        ),
        purpose=(
            "Vérifier que les engagements de la participation citoyenne votés en 2017 sont tenus, "
            "consultation après consultation.",
            "Check that the citizen participation commitments adopted in 2017 are kept, "
            "consultation after consultation.",
        ),
        composition=(
            "Douze habitants tirés au sort, quatre élus et deux agents du service participation.",
            "Twelve residents drawn by lot, four councillors and two staff of the participation service.",
        ),
        assembly_type="follow_up",
        created=date(2019, 1, 15),
        private=True,
        theme="panel",
        hashtag="SuiviParticipation44",
    ),
)


def plan_assembly(
    plan: Plan, options: SeedOptions, anchors: Anchors, spec: AssemblySpec, *, block: int, index: int
) -> Space:
    """Plan one assembly (a unit of its own, found again by slug) with a page and a meetings calendar."""
    slug = spec.slug if block == 0 else f"{spec.slug}-{block + 1}"
    published = at(spec.created + timedelta(days=7), 10)
    assembly = plan.root(
        models.Assembly,
        slug=slug,
        title=tr(spec.title),
        subtitle=tr(spec.subtitle),
        short_description=paragraphs((spec.purpose,)),
        description=paragraphs((spec.purpose, spec.composition)),
        purpose_of_action=paragraphs((spec.purpose,)),
        composition=paragraphs((spec.composition,)),
        developer_group=tr(("Service participation citoyenne", "Citizen participation service")),
        meta_scope=tr((DEPARTEMENT_NAME, DEPARTEMENT_NAME)),
        local_area=tr(("Tout le département", "The whole département")),
        hashtag=spec.hashtag if block == 0 else f"{spec.hashtag}{block + 1}",
        hero_image=f"/uploads/assemblies/{slug}/hero.jpg",
        banner_image=f"/uploads/assemblies/{slug}/banner.jpg",
        promoted=not spec.private and block == 0,
        private_space=spec.private,
        is_transparent=False,
        published_at=published,
        scope_id=anchors.departement,
        area_id=anchors.themes[4] if anchors.themes else None,
        assembly_type_id=anchors.assembly_types[spec.assembly_type],
        creation_date=spec.created,
        created_by="city_council",
        included_at=spec.created,
        weight=block * len(ASSEMBLIES) + index,
        created_at=at(spec.created, 9),
    )
    plan.set(
        assembly,
        reference=IdText(f"LA-ASSE-{spec.created:%Y-%m}-{{}}", (assembly,)),
        parents_path=IdText("{}", (assembly,)),
    )
    rng = options.rng("assembly", block, index)
    components: dict[str, ComponentInfo] = {}
    for weight, manifest in enumerate(("pages", "meetings")):
        settings = global_settings(manifest, rng)
        ref = plan.child(
            models.Component,
            of=assembly,
            space_kind=ASSEMBLY,
            space_id=assembly,
            manifest_name=manifest,
            name=tr(COMPONENT_NAMES[manifest]),
            weight=weight,
            published_at=published,
            settings=settings,
            default_step_settings={},
            step_settings={},
            created_at=at(spec.created, 9),
        )
        components[manifest] = ComponentInfo(manifest, ref, settings, published=True)
    plan.child(
        models.Page,
        of=assembly,
        component_id=components["pages"].ref,
        title=tr(spec.title),
        body=paragraphs((spec.purpose, spec.composition)),
        created_at=published,
    )
    return Space(
        kind=ASSEMBLY,
        ref=assembly,
        slug=slug,
        key=spec.slug,
        title=spec.title[0],
        direction="le service participation citoyenne",
        theme=THEMES[spec.theme],
        today=options.today,
        components=components,
        published_at=published,
        towns=tuple(c.name for c in communes()),
    )
