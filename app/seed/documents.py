"""Documents attached to the demo consultations: loose files and folders ("collections").

"Inventons la route de demain" carries the documents its real page listed (titles and sizes as
published); the other consultations draw plausible documents from a pool per theme.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from app.seed.territory import Text

KB = 1024
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class DocSpec:
    title: Text
    description: Text
    size: int
    content_type: str = "application/pdf"


@dataclass(frozen=True, slots=True)
class FolderSpec:
    name: Text
    documents: tuple[DocSpec, ...]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isalnum() else "-" for c in ascii_text.lower())
    return "-".join(part for part in out.split("-") if part)


def extension(content_type: str) -> str:
    return {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(content_type, "bin")


def _doc(fr: str, en: str, size: int, *, desc: Text = ("", ""), content_type: str = "application/pdf") -> DocSpec:
    return DocSpec(title=(fr, en), description=desc, size=size, content_type=content_type)


ROUTE_DOCUMENTS: tuple[DocSpec, ...] = (
    _doc(
        "Bilan de la consultation « Inventons la route de demain »",
        "Report of the consultation “Let's invent tomorrow's road”",
        557 * KB,
        desc=(
            "Les suites données par le Département à vos contributions.",
            "How the Département followed up on your contributions.",
        ),
    ),
    _doc(
        "Engagement départemental pour des déplacements partagés, sécurisés et durables",
        "Departmental commitment to shared, safe and sustainable travel",
        int(8.49 * MB),
        desc=(
            "Le plan d'actions mobilités 2019-2022 voté par l'assemblée départementale le 24 juin 2019.",
            "The 2019-2022 mobility action plan adopted by the departmental assembly on 24 June 2019.",
        ),
    ),
    _doc(
        "Le livre blanc de la démarche « Inventons la route de demain »",
        "The white paper of “Let's invent tomorrow's road”",
        int(3.78 * MB),
        desc=(
            "Les onze engagements votés par l'assemblée départementale le 17 décembre 2018.",
            "The eleven commitments adopted by the departmental assembly on 17 December 2018.",
        ),
    ),
    _doc(
        "La démarche « Inventons la route de demain »",
        "The “Let's invent tomorrow's road” approach",
        int(2.77 * MB),
        desc=(
            "Pourquoi et comment le Département rénove sa politique routière.",
            "Why and how the Département is renewing its road policy.",
        ),
    ),
    _doc(
        "Note de veille : « La route de demain »",
        "Foresight note: “Tomorrow's road”",
        509 * KB,
        desc=(
            "Une veille prospective de 2016 sur les mutations de la route.",
            "A 2016 foresight study of how roads are changing.",
        ),
    ),
)

_ROUTE_MEETINGS = (
    "Nantes",
    "Saint-Nazaire",
    "Châteaubriant",
    "Ancenis-Saint-Géréon",
    "Clisson",
    "Pornic",
    "Blain",
    "Machecoul-Saint-Même",
)


def _route_folders(rng: random.Random) -> tuple[FolderSpec, ...]:
    def size(low: int, high: int) -> int:
        return rng.randint(low, high)

    minutes = tuple(
        _doc(f"Compte-rendu de la rencontre de {town}", f"Minutes of the {town} meeting", size(180 * KB, 900 * KB))
        for town in _ROUTE_MEETINGS
    )
    workshops = tuple(
        _doc(f"Compte-rendu de l'atelier citoyen n° {n}", f"Minutes of citizens' workshop no. {n}", size(300 * KB, MB))
        for n in (1, 2, 3)
    )
    summaries = (
        _doc("Synthèse des contributions en ligne", "Summary of online contributions", size(MB, 3 * MB)),
        _doc("Synthèse du questionnaire", "Survey summary", size(600 * KB, 2 * MB)),
        _doc(
            "Facilitation graphique de la soirée de lancement",
            "Graphic recording of the launch evening",
            size(900 * KB, 3 * MB),
            content_type="image/jpeg",
        ),
    )
    return (
        FolderSpec(("Compte-rendu et synthèse", "Minutes and summaries"), minutes + workshops + summaries),
        FolderSpec(
            (
                "Que fait le Département en matière de partage de la voirie",
                "What the Département does to share the road",
            ),
            (
                _doc("Les itinéraires cyclables départementaux", "Departmental cycle routes", size(MB, 4 * MB)),
                _doc("Les aires de covoiturage", "Car-sharing areas", size(400 * KB, 2 * MB)),
                _doc(
                    "Aménager une route partagée en agglomération", "Designing a shared road in towns", size(MB, 3 * MB)
                ),
            ),
        ),
        FolderSpec(
            (
                "Que fait le Département en matière de sécurité sur les routes départementales",
                "What the Département does for road safety",
            ),
            (
                _doc(
                    "Bilan de l'accidentalité sur les routes départementales",
                    "Accidents on departmental roads",
                    size(MB, 3 * MB),
                ),
                _doc(
                    "La sécurité dans les traversées de bourg",
                    "Safety where roads cross villages",
                    size(500 * KB, 2 * MB),
                ),
                _doc("La viabilité hivernale", "Winter road maintenance", size(300 * KB, MB)),
                _doc("Les radars pédagogiques", "Speed indicator displays", size(200 * KB, 800 * KB)),
                _doc(
                    "Deux-roues motorisés : prévenir les accidents",
                    "Preventing motorcycle accidents",
                    size(400 * KB, MB),
                ),
            ),
        ),
        FolderSpec(
            (
                "Que fait le Département en matière de route et environnement",
                "What the Département does for roads and the environment",
            ),
            (
                _doc("Le fauchage raisonné des accotements", "Late mowing of verges", size(300 * KB, MB)),
                _doc("Le recyclage des enrobés", "Recycling asphalt", size(400 * KB, 2 * MB)),
                _doc("Les passages à faune", "Wildlife crossings", size(MB, 3 * MB)),
                _doc("La gestion des eaux pluviales", "Managing rainwater", size(500 * KB, 2 * MB)),
                _doc("Les plantations en bord de route", "Roadside planting", size(300 * KB, MB)),
                _doc("Des chantiers moins émetteurs", "Lower-emission roadworks", size(400 * KB, MB)),
                _doc(
                    "Préserver la nuit : éclairage et trame noire", "Protecting the night: lighting", size(300 * KB, MB)
                ),
            ),
        ),
        FolderSpec(
            ("Les expérimentations en cours du Département", "The Département's current trials"),
            (
                _doc("Une voie réservée au covoiturage", "A car-sharing lane", size(600 * KB, 2 * MB)),
                _doc("La chaussée à voie centrale banalisée", "Two-minus-one roads", size(400 * KB, MB)),
                _doc("Le marquage au sol photoluminescent", "Glow-in-the-dark road markings", size(300 * KB, MB)),
            ),
        ),
    )


# Theme-specific documents for the other consultations.
_THEME_DOCS: dict[str, tuple[tuple[str, str], ...]] = {
    "education": (
        ("Diagnostic des collèges de Loire-Atlantique", "Assessment of Loire-Atlantique's secondary schools"),
        ("Le collège en chiffres", "Secondary schools in figures"),
        ("Paroles de collégiens", "Pupils speak"),
    ),
    "solidarity": (
        ("Carte des espaces départementaux des solidarités", "Map of the solidarity centres"),
        ("Enquête de satisfaction des usagers", "User satisfaction survey"),
        ("Guide de l'accueil", "Reception guide"),
    ),
    "mobility": (
        ("Carte des aires de covoiturage existantes", "Map of existing car-sharing areas"),
        ("Enquête sur les déplacements domicile-travail", "Commuting survey"),
        ("Cahier des charges d'une aire de covoiturage", "Specifications for a car-sharing area"),
    ),
    "loire": (
        ("Atlas des paysages de l'estuaire", "Atlas of the estuary's landscapes"),
        ("Les bacs de Loire", "The Loire ferries"),
        ("Inventaire des zones humides", "Wetlands inventory"),
    ),
    "budget": (
        ("Règlement du budget participatif", "Participatory budget rules"),
        ("Guide du porteur de projet", "Project leader's guide"),
        ("Liste des projets soumis au vote", "Projects put to the vote"),
    ),
    "ageing": (
        ("Schéma départemental de l'autonomie", "Departmental plan for independent living"),
        ("Guide des aides pour rester à domicile", "Guide to help for living at home"),
        ("Portraits de proches aidants", "Portraits of family carers"),
    ),
    "nature": (
        ("Carte des espaces naturels sensibles", "Map of the protected natural areas"),
        ("Topoguide des sentiers départementaux", "Guide to the departmental footpaths"),
        ("Inventaire de la faune et de la flore", "Wildlife and plant inventory"),
    ),
    "panel": (
        ("Lettre de mission du panel", "The panel's terms of reference"),
        ("Règles de fonctionnement du panel", "How the panel works"),
        ("Dossier documentaire de la première séance", "Briefing pack for the first session"),
    ),
}

_COMMON_DOCS: tuple[tuple[str, str], ...] = (
    ("Dossier de présentation de la démarche", "Presentation of the consultation"),
    ("Calendrier de la concertation", "Consultation calendar"),
)

CHARTER = _doc(
    "Charte de la participation citoyenne du Département",
    "The Département's citizen participation charter",
    1_240 * KB,
    desc=(
        "Les six engagements votés par le conseil départemental en 2017.",
        "The six commitments adopted by the departmental council in 2017.",
    ),
)


def documents_for(theme: str, rng: random.Random) -> tuple[tuple[DocSpec, ...], tuple[FolderSpec, ...]]:
    """Loose documents and folders for a consultation of ``theme``."""
    if theme == "route":
        return ROUTE_DOCUMENTS, _route_folders(rng)
    pool = _COMMON_DOCS + _THEME_DOCS[theme]
    loose = tuple(_doc(fr, en, rng.randint(150 * KB, 4 * MB)) for fr, en in rng.sample(pool, k=rng.randint(2, 4)))
    reports = [
        _doc(
            f"Compte-rendu de la réunion publique n° {n}",
            f"Minutes of public meeting no. {n}",
            rng.randint(150 * KB, MB),
        )
        for n in range(1, rng.randint(2, 4) + 1)
    ]
    reports.append(_doc("Synthèse des contributions", "Summary of contributions", rng.randint(500 * KB, 3 * MB)))
    if rng.random() < 0.6:
        reports.append(
            _doc(
                "Facilitation graphique de l'atelier",
                "Graphic recording of the workshop",
                rng.randint(700 * KB, 3 * MB),
                content_type="image/jpeg",
            )
        )
    return loose, (FolderSpec(("Compte-rendu et synthèse", "Minutes and summaries"), tuple(reports)),)
