"""The follow-up of « Inventons la route de demain »: the eleven commitments and their actions.

The white paper's commitments were voted on 17 December 2018 (the case study lists the document);
their wording and the actions under them are written for this demo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.seed.territory import Text

# key, name, progress the status usually means
STATUSES: tuple[tuple[str, Text, int], ...] = (
    ("etude", ("À l'étude", "Under study"), 0),
    ("programme", ("Programmé", "Scheduled"), 10),
    ("en_cours", ("En cours", "In progress"), 50),
    ("realise", ("Réalisé", "Done"), 100),
)


@dataclass(frozen=True, slots=True)
class Action:
    title: Text
    status: str
    progress: int
    start: date
    end: date
    category: str
    milestones: tuple[tuple[date, str], ...]


@dataclass(frozen=True, slots=True)
class Commitment:
    title: Text
    description: str
    actions: tuple[Action, ...]


def _a(  # noqa: PLR0917 - one row of the table below: positional arguments read as columns
    fr: str, en: str, status: str, progress: int, start: str, end: str, category: str, *steps: str
) -> Action:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    span = (last - first).days
    milestones = tuple(
        (date.fromordinal(first.toordinal() + span * i // max(len(steps), 1)), text) for i, text in enumerate(steps)
    )
    return Action((fr, en), status, progress, first, last, category, milestones)


_STUDY = "Étude de faisabilité lancée"
_VOTE = "Crédits votés par l'assemblée départementale"
_WORKS = "Début des travaux"
_DONE = "Mise en service"
_PANEL = "Comité de suivi avec les usagers"

COMMITMENTS: tuple[Commitment, ...] = (
    Commitment(
        ("Développer les itinéraires cyclables du quotidien", "Develop everyday cycle routes"),
        "Relier les bourgs, les collèges et les gares par des itinéraires cyclables continus.",
        (
            _a(
                "Schéma cyclable départemental",
                "Departmental cycling plan",
                "realise",
                100,
                "2019-01-15",
                "2019-12-20",
                "Vélo",
                _STUDY,
                _VOTE,
                "Schéma adopté",
            ),
            _a(
                "Dix liaisons vers les collèges",
                "Ten links to secondary schools",
                "en_cours",
                60,
                "2020-03-01",
                "2026-06-30",
                "Vélo",
                _VOTE,
                _WORKS,
                "Cinq liaisons ouvertes",
            ),
            _a(
                "Accotements revêtus sur les routes à fort trafic",
                "Paved verges on busy roads",
                "en_cours",
                40,
                "2020-09-01",
                "2027-12-31",
                "Vélo",
                _STUDY,
                _WORKS,
            ),
        ),
    ),
    Commitment(
        ("Doubler les places sur les aires de covoiturage", "Double the spaces in car-sharing areas"),
        "Agrandir les aires saturées et en créer de nouvelles près des échangeurs.",
        (
            _a(
                "Extension de douze aires saturées",
                "Extending twelve full areas",
                "realise",
                100,
                "2019-04-01",
                "2022-10-31",
                "Covoiturage",
                _VOTE,
                _WORKS,
                _DONE,
            ),
            _a(
                "Abris vélos sur les aires",
                "Bike shelters at the areas",
                "en_cours",
                70,
                "2021-01-01",
                "2025-12-31",
                "Covoiturage",
                _VOTE,
                "Trente abris posés",
            ),
        ),
    ),
    Commitment(
        ("Sécuriser les traversées de bourg", "Make village crossings safer"),
        "Aider les communes à apaiser la circulation là où la route départementale traverse le bourg.",
        (
            _a(
                "Guide d'aménagement pour les communes",
                "Design guide for municipalities",
                "realise",
                100,
                "2019-02-01",
                "2019-09-30",
                "Aménagements",
                "Guide publié",
            ),
            _a(
                "Fonds d'aide aux aménagements de sécurité",
                "Safety works fund",
                "en_cours",
                55,
                "2020-01-01",
                "2026-12-31",
                "Aménagements",
                _VOTE,
                "Quarante communes aidées",
            ),
        ),
    ),
    Commitment(
        ("Expérimenter une voie réservée au covoiturage", "Trial a car-sharing lane"),
        "Tester une voie réservée aux véhicules occupés par au moins deux personnes aux heures de pointe.",
        (
            _a(
                "Étude de la voie réservée",
                "Lane study",
                "realise",
                100,
                "2019-03-01",
                "2020-06-30",
                "Innovations et expérimentations",
                _STUDY,
                "Conclusions publiées",
            ),
            _a(
                "Expérimentation sur une section",
                "Trial on one section",
                "en_cours",
                30,
                "2021-09-01",
                "2026-09-01",
                "Innovations et expérimentations",
                _WORKS,
                "Premier bilan",
            ),
        ),
    ),
    Commitment(
        ("Réduire l'accidentalité des deux-roues motorisés", "Reduce motorcycle accidents"),
        "Équiper les virages dangereux et sensibiliser les motards.",
        (
            _a(
                "Glissières avec écran motard",
                "Guard rails with rider protection",
                "realise",
                100,
                "2019-05-01",
                "2021-12-31",
                "Aménagements",
                _VOTE,
                _WORKS,
                _DONE,
            ),
            _a(
                "Journées de sensibilisation",
                "Awareness days",
                "realise",
                100,
                "2019-04-01",
                "2023-10-31",
                "Vitesse",
                "Première journée",
                "Bilan",
            ),
        ),
    ),
    Commitment(
        ("Généraliser le fauchage raisonné", "Late mowing everywhere"),
        "Faucher plus tard et moins souvent, sauf là où la sécurité l'exige.",
        (
            _a(
                "Fauchage tardif sur tout le réseau",
                "Late mowing on the whole network",
                "realise",
                100,
                "2019-04-01",
                "2020-10-31",
                "Biodiversité",
                "Formation des agents",
                "Généralisation",
            ),
        ),
    ),
    Commitment(
        ("Recycler les enrobés", "Recycle asphalt"),
        "Réemployer les matériaux des chantiers routiers.",
        (
            _a(
                "Objectif de réemploi sur les chantiers",
                "Reuse target on roadworks",
                "en_cours",
                80,
                "2019-06-01",
                "2026-12-31",
                "Matériaux et chantiers",
                "Clause dans les marchés",
                "Bilan annuel",
            ),
        ),
    ),
    Commitment(
        ("Aménager des passages à faune", "Build wildlife crossings"),
        "Rétablir les continuités écologiques coupées par les routes.",
        (
            _a(
                "Inventaire des points de collision",
                "Collision hotspots survey",
                "realise",
                100,
                "2019-03-01",
                "2020-03-01",
                "Biodiversité",
                "Inventaire publié",
            ),
            _a(
                "Dix passages à petite faune",
                "Ten small-wildlife crossings",
                "en_cours",
                50,
                "2020-09-01",
                "2027-06-30",
                "Biodiversité",
                _VOTE,
                _WORKS,
            ),
        ),
    ),
    Commitment(
        ("Informer les usagers en temps réel", "Real-time road information"),
        "Donner les temps de parcours et l'état des routes sur le site et les panneaux.",
        (
            _a(
                "Carte des chantiers en ligne",
                "Roadworks map online",
                "realise",
                100,
                "2019-09-01",
                "2020-04-30",
                "Innovations et expérimentations",
                _DONE,
            ),
            _a(
                "Panneaux de temps de parcours",
                "Journey-time signs",
                "programme",
                10,
                "2025-01-01",
                "2027-12-31",
                "Innovations et expérimentations",
                _STUDY,
            ),
        ),
    ),
    Commitment(
        ("Associer les habitants aux projets routiers", "Involve residents in road projects"),
        "Concerter systématiquement avant les grands projets.",
        (
            _a(
                "Concertation avant chaque grand projet",
                "Consultation before each major project",
                "en_cours",
                65,
                "2019-01-01",
                "2026-12-31",
                "Partage de la voirie",
                _PANEL,
                "Trois concertations menées",
            ),
        ),
    ),
    Commitment(
        ("Préserver la nuit", "Protect the night"),
        "Éteindre l'éclairage inutile hors agglomération.",
        (
            _a(
                "Extinction des giratoires la nuit",
                "Roundabout lights off at night",
                "etude",
                0,
                "2025-06-01",
                "2027-06-30",
                "Route et environnement",
                _STUDY,
            ),
        ),
    ),
)
