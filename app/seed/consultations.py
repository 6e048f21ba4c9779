"""Plan one consultation: the process, its calendar, categories, components and documents."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import models
from app.seed.catalog import PROCESSES, Day, ProcessSpec
from app.seed.common import PROCESS, Anchors, SeedOptions, at, paragraphs, tr
from app.seed.components import COMPONENT_NAMES, global_settings, step_settings
from app.seed.documents import CHARTER, DocSpec, documents_for, extension, slugify
from app.seed.plan import IdText, Plan, Ref
from app.seed.spaces import ComponentInfo, Space, StepInfo
from app.seed.territory import DEPARTEMENT_NAME, TERRITORIES, communes
from app.seed.texts.themes import THEMES
from models.kinds import ResourceKind


def active_step(spans: list[tuple[date, date]], today: date) -> int:
    """The step in progress; before the first step the first, afterwards the latest started."""
    started = [i for i, (start, _) in enumerate(spans) if start <= today]
    return started[-1] if started else 0


_HOW_TO_TAKE_PART = (
    "Pour participer, créez un compte avec une adresse électronique : vous pouvez rester anonyme en "
    "choisissant un pseudonyme. Vous pourrez alors proposer, soutenir et commenter.",
    "To take part, create an account with an email address: you may stay anonymous by choosing a "
    "pseudonym. You can then propose, support and comment.",
)


def with_article(service: str) -> str:
    """ "Direction des routes" -> "la direction des routes", for answers that name who decided."""
    article = "le" if service.startswith("Service") else "la"
    return f"{article} {service[0].lower()}{service[1:]}"


class ConsultationPlanner:
    def __init__(self, plan: Plan, options: SeedOptions, anchors: Anchors) -> None:
        self.plan = plan
        self.o = options
        self.anchors = anchors

    def day(self, value: Day) -> date:
        return value if isinstance(value, date) else self.o.today + timedelta(days=value)

    def process(self, spec: ProcessSpec, index: int, block: int) -> Space:
        plan, rng = self.plan, self.o.rng("process", block, index)
        spans = [(self.day(s.start), self.day(s.end)) for s in spec.steps]
        start, end = spans[0][0], spans[-1][1]
        current = active_step(spans, self.o.today)
        territory = None if spec.territory is None else TERRITORIES[spec.territory]
        slug, title, hashtag = spec.slug, spec.title, spec.hashtag
        if block:
            # Benchmark copies: the same consultation run in another territory.
            territory = TERRITORIES[(block + index) % len(TERRITORIES)]
            slug, hashtag = f"{slug}-{block + 1}", f"{hashtag}{block + 1}"
            title = (f"{title[0]} — {territory[0]}", f"{title[1]} — {territory[1]}")
        published_at = at(start - timedelta(days=7), 10) if spec.published else None
        area = self.anchors.territories[TERRITORIES.index(territory)] if territory else self.anchors.themes[spec.theme]
        process = plan.root(
            models.ParticipatoryProcess,
            slug=slug,
            title=tr(title),
            subtitle=tr(spec.subtitle),
            short_description=paragraphs((spec.short_description,)),
            description=paragraphs(spec.description),
            developer_group=tr(spec.developer_group),
            meta_scope=tr((DEPARTEMENT_NAME, DEPARTEMENT_NAME)),
            local_area=tr(territory or ("Tout le département", "The whole département")),
            target=tr(spec.target),
            participatory_scope=tr(spec.participatory_scope),
            participatory_structure=tr(spec.participatory_structure),
            hashtag=hashtag,
            start_date=start,
            end_date=end,
            hero_image=f"/uploads/participatory_processes/{slug}/hero.jpg",
            banner_image=f"/uploads/participatory_processes/{slug}/banner.jpg",
            promoted=spec.promoted and block == 0,
            private_space=spec.private,
            published_at=published_at,
            scope_id=self.anchors.departement,
            area_id=area,
            process_group_id=self.anchors.groups[spec.group] if spec.group else None,
            process_type_id=self.anchors.types[spec.process_type],
            weight=block * len(PROCESSES) + index,
            created_at=at(start - timedelta(days=21), 9),
            updated_at=published_at,
        )
        plan.set(process, reference=IdText(f"LA-PROC-{start:%Y-%m}-{{}}", (process,)))
        steps = [
            plan.child(
                models.ParticipatoryProcessStep,
                of=process,
                process_id=process,
                title=tr(step.title),
                description=paragraphs((step.description,)),
                start_date=at(first, 0),
                end_date=at(last, 23, 59),
                active=position == current,
                position=position,
                cta_text=tr(("Voter", "Vote") if step.role == "vote" else ("Participer", "Take part")),
                created_at=at(start - timedelta(days=20), 9),
            )
            for position, (step, (first, last)) in enumerate(zip(spec.steps, spans, strict=True))
        ]
        categories = self._categories(spec, process, start)
        components = self._components(
            spec=spec, process=process, steps=steps, spans=spans, published_at=published_at, rng=rng
        )
        role = spec.steps[current].role
        target = "budgets" if role == "vote" and "budgets" in components else "proposals"
        if role in {"contribute", "vote"} and target in components:
            plan.set(steps[current], cta_path=IdText(f"f/{{}}/{target}", (components[target].ref,)))
        self._documents(spec=spec, process=process, slug=slug, start=start, end=end, rng=rng)
        if "pages" in components:
            page = components["pages"].ref
            self._attach(
                CHARTER,
                owner=(ResourceKind.COMPONENT.value, page),
                unit=process,
                slug=slug,
                weight=0,
                when=at(start, 9),
            )
            plan.child(
                models.Page,
                of=process,
                component_id=page,
                title=tr(spec.title),
                body=paragraphs((*spec.description, _HOW_TO_TAKE_PART)),
                created_at=at(start - timedelta(days=14), 9),
            )
        return Space(
            kind=PROCESS,
            ref=process,
            slug=slug,
            key=spec.slug,
            title=title[0],
            direction=with_article(spec.developer_group[0]),
            theme=THEMES[spec.texts],
            today=self.o.today,
            steps=[
                StepInfo(ref, first, last, step.role)
                for ref, step, (first, last) in zip(steps, spec.steps, spans, strict=True)
            ],
            categories=categories,
            components=components,
            published_at=published_at,
            towns=tuple(c.name for c in communes()),
        )

    def _categories(self, spec: ProcessSpec, process: Ref, start: date) -> dict[str, Ref]:
        """Plan the categories and subcategories; refs by French name."""
        when = at(start - timedelta(days=20), 9)
        refs: dict[str, Ref] = {}
        for weight, category in enumerate(spec.categories):
            parent = self.plan.child(
                models.Category,
                of=process,
                space_kind=PROCESS,
                space_id=process,
                name=tr(category.name),
                description=paragraphs(
                    (
                        (
                            f"Contributions sur le thème « {category.name[0]} ».",
                            f"Contributions about “{category.name[1]}”.",
                        ),
                    )
                ),
                weight=weight,
                created_at=when,
            )
            refs[category.name[0]] = parent
            for sub_weight, child in enumerate(category.children):
                refs[child[0]] = self.plan.child(
                    models.Category,
                    of=process,
                    space_kind=PROCESS,
                    space_id=process,
                    name=tr(child),
                    parent_id=parent,
                    weight=sub_weight,
                    created_at=when,
                )
        return refs

    def _components(
        self,
        *,
        spec: ProcessSpec,
        process: Ref,
        steps: list[Ref],
        spans: list[tuple[date, date]],
        published_at: datetime | None,
        rng: random.Random,
    ) -> dict[str, ComponentInfo]:
        report_starts = [first for s, (first, _) in zip(spec.steps, spans, strict=True) if s.role == "report"]
        refs: dict[str, ComponentInfo] = {}
        for weight, manifest in enumerate(spec.components):
            published = published_at
            # Follow-up opens with the report step: before that an admin sees it, the public does not.
            if manifest == "accountability" and report_starts and self.o.today < report_starts[0]:
                published = None
            settings = global_settings(manifest, rng)
            ref = self.plan.child(
                models.Component,
                of=process,
                space_kind=PROCESS,
                space_id=process,
                manifest_name=manifest,
                name=tr(COMPONENT_NAMES[manifest]),
                weight=weight,
                published_at=published,
                settings=settings,
                default_step_settings={},
                step_settings={
                    step: step_settings(manifest, s.role) for step, s in zip(steps, spec.steps, strict=True)
                },
                created_at=at(spans[0][0] - timedelta(days=14), 9),
            )
            refs[manifest] = ComponentInfo(manifest, ref, settings, published=published is not None)
        return refs

    def _documents(
        self, *, spec: ProcessSpec, process: Ref, slug: str, start: date, end: date, rng: random.Random
    ) -> None:
        owner = (PROCESS, process)
        loose, folders = documents_for(spec.document_themes[0], rng)
        span = max((min(end, self.o.today) - start).days, 0)
        for weight, doc in enumerate(loose):
            when = at(start + timedelta(days=rng.randint(0, span)), 11)
            self._attach(doc, owner=owner, unit=process, slug=slug, weight=weight, when=when)
        for weight, folder in enumerate(folders):
            collection = self.plan.child(
                models.AttachmentCollection,
                of=process,
                attached_to_kind=PROCESS,
                attached_to_id=process,
                name=tr(folder.name),
                description=tr((f"{len(folder.documents)} documents", f"{len(folder.documents)} documents")),
                weight=weight,
                created_at=at(start, 9),
            )
            for doc_weight, doc in enumerate(folder.documents):
                when = at(start + timedelta(days=rng.randint(0, span)), 15)
                self._attach(
                    doc, owner=owner, unit=process, slug=slug, weight=doc_weight, when=when, collection=collection
                )

    def _attach(
        self,
        doc: DocSpec,
        *,
        owner: tuple[str, Ref],
        unit: Ref,
        slug: str,
        weight: int,
        when: datetime,
        collection: Ref | None = None,
    ) -> None:
        self.plan.child(
            models.Attachment,
            of=unit,
            attached_to_kind=owner[0],
            attached_to_id=owner[1],
            title=tr(doc.title),
            description=tr(doc.description),
            url=f"/uploads/participatory_processes/{slug}/{slugify(doc.title[0])}.{extension(doc.content_type)}",
            content_type=doc.content_type,
            file_size=doc.size,
            weight=weight,
            collection_id=collection,
            created_at=when,
        )
