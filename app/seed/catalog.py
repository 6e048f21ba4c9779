"""The consultations of the demo platform, modelled on the Département de Loire-Atlantique's.

Nine are public, as in the case study (app/seed/figures.py); two more are not: the citizens' panel is
private (its members only) and the cycling plan is not published yet.

Texts are written for this demo. Dates are either real dates (the 2018-2019 consultations) or
day offsets from the day the seed runs (the current ones), so the demo always has live steps.
The consultations themselves live in one module per group (``processes_*.py``).
"""

from __future__ import annotations

from app.seed.processes_mobility import CARPOOL, CYCLING, ROUTE
from app.seed.processes_solidarity import AGEING, EDUCATION, FOOD, SOLIDARITY
from app.seed.processes_territory import BUDGET, LOIRE, NATURE, PANEL
from app.seed.specs import Day, ProcessSpec
from app.seed.territory import Text

__all__ = ["PROCESSES", "PROCESS_GROUPS", "PROCESS_TYPES", "RELATED", "Day", "ProcessSpec"]

PROCESS_TYPES: dict[str, Text] = {
    "consultation": ("Concertation", "Consultation"),
    "budget": ("Budget participatif", "Participatory budget"),
    "panel": ("Panel citoyen", "Citizens' panel"),
}

PROCESS_GROUPS: dict[str, tuple[Text, Text]] = {
    "mobility": (
        ("Se déplacer en Loire-Atlantique", "Getting around Loire-Atlantique"),
        (
            "Routes, covoiturage, vélo : les démarches qui préparent les déplacements de demain.",
            "Roads, car sharing, cycling: the consultations preparing tomorrow's journeys.",
        ),
    ),
    "solidarity": (
        ("Solidarités et éducation", "Solidarity and education"),
        (
            "Accueil des usagers, collèges, avancée en âge : les politiques qui accompagnent chacun.",
            "Public reception, secondary schools, ageing: the policies that support everyone.",
        ),
    ),
    "territory": (
        ("Territoires et citoyenneté", "Territories and citizenship"),
        (
            "La Loire, les espaces naturels, le budget participatif et l'évaluation citoyenne des politiques.",
            "The Loire, natural areas, the participatory budget and citizens' evaluation of policies.",
        ),
    ),
}

# The public ones first, then the private panel and the unpublished cycling plan.
PROCESSES: tuple[ProcessSpec, ...] = (
    ROUTE,
    EDUCATION,
    SOLIDARITY,
    CARPOOL,
    LOIRE,
    BUDGET,
    AGEING,
    FOOD,
    NATURE,
    PANEL,
    CYCLING,
)

# Related consultations, shown as links on each other's page (Decidim's "related processes").
RELATED: tuple[tuple[str, str], ...] = (
    ("route-de-demain", "aires-de-covoiturage"),
    ("route-de-demain", "plan-velo"),
    ("projet-educatif-departemental", "bien-manger-au-college"),
    ("budget-participatif", "panel-citoyen-evaluation"),
)
