"""Debates: the organization's questions put to participants, open or dated, closed with conclusions."""

from __future__ import annotations

import random
from datetime import timedelta

import models
from app.seed.comments import CommentPlanner
from app.seed.common import at
from app.seed.plan import IdText, Plan
from app.seed.spaces import People, Space, later, moment
from models.kinds import ResourceKind

DEBATE = ResourceKind.DEBATE.value

# Per consultation (catalog slug): (title, description, category) of its debates.
DEBATES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "route-de-demain": (
        (
            "Faut-il abaisser la vitesse à 80 km/h sur les routes départementales ?",
            "La vitesse est un facteur de gravité des accidents, mais les distances sont longues en zone rurale. "
            "Qu'en pensez-vous ?",
            "Vitesse",
        ),
        (
            "Quelle place pour le vélo sur les routes de campagne ?",
            "Pistes séparées, accotements revêtus, routes partagées : quelle solution selon les cas ?",
            "Vélo",
        ),
    ),
    "loire-estuaire": (
        (
            "Faut-il un nouveau franchissement de la Loire à l'ouest de Nantes ?",
            "Pont, tunnel ou davantage de bacs : débattons des besoins et des impacts.",
            "Traversées de Loire",
        ),
    ),
    "bien-manger-au-college": (
        (
            "Un repas végétarien par semaine, ou plus ?",
            "La loi impose un menu végétarien hebdomadaire. Faut-il aller plus loin dans les collèges ?",
            "Temps du repas",
        ),
        (
            "Comment faire goûter de nouveaux plats aux collégiens ?",
            "Ateliers cuisine, dégustations, menus choisis par les élèves : partagez vos idées.",
            "Gaspillage alimentaire",
        ),
    ),
    "panel-citoyen-evaluation": (
        (
            "Quelle politique départementale évaluer en premier ?",
            "Chaque membre du panel argumente pour la politique qu'il souhaite évaluer cette année.",
            "Méthode",
        ),
    ),
}


class DebatePlanner:
    def __init__(
        self, plan: Plan, people: People, space: Space, *, rng: random.Random, comments: CommentPlanner
    ) -> None:
        self.plan = plan
        self.people = people
        self.space = space
        self.rng = rng
        self.comments = comments

    def plan_debates(self) -> None:
        space, plan, rng = self.space, self.plan, self.rng
        info = space.components.get("debates")
        window = space.window("contribute", "inform")
        if info is None or window is None:
            return
        finished = space.steps[-1].end < space.today
        for index, (title, description, category) in enumerate(DEBATES.get(space.key, ())):
            opened = at(window[0], 9)
            closes = at(space.discussion_until(), 23)
            # Every other debate runs between dates; the others stay open.
            dated = index % 2 == 0 and closes > opened
            ref = plan.child(
                models.Debate,
                of=space.ref,
                component_id=info.ref,
                title={"fr": title},
                description={"fr": f"<p>{description}</p>"},
                instructions={"fr": "<p>Argumentez avec respect : chaque avis compte.</p>"},
                start_time=opened if dated else None,
                end_time=closes if dated else None,
                category_id=space.categories.get(category),
                created_at=opened - timedelta(days=3),
            )
            plan.set(ref, reference=IdText(f"LA-DEBA-{opened:%Y-%m}-{{}}", (ref,)))
            live = self.comments.thread(
                kind=DEBATE,
                target=ref,
                theme=space.theme,
                opened=opened,
                closes=space.discussion_end(),
                first_level=rng.randint(6, 18),
            )
            endorsers = self.people.pick_many(rng, rng.randint(0, 9))
            for endorser in endorsers:
                plan.child(
                    models.Endorsement,
                    of=space.ref,
                    resource_kind=DEBATE,
                    resource_id=ref,
                    author_id=endorser,
                    created_at=moment(rng, opened, space.discussion_end()),
                )
            plan.set(ref, comments_count=live, endorsements_count=len(endorsers))
            if finished:
                closed = later(rng, at(space.discussion_end(), 9), space.last_day, within_days=20)
                plan.set(
                    ref,
                    closed_at=closed,
                    conclusions={
                        "fr": "<p>Les avis sont partagés ; la synthèse des arguments a été transmise aux élus.</p>"
                    },
                )
