"""Component names and settings for the demo consultations.

Step settings follow what each step lets participants do (its *role*); the writer validates
every block against the manifest with ``validate_settings`` once step ids are known.
"""

from __future__ import annotations

import random
from typing import Any

from app.seed.territory import Text

# The tab names the real platform used ("boîte à idées", "calendrier des rencontres", "suivi").
COMPONENT_NAMES: dict[str, Text] = {
    "pages": ("Présentation de la démarche", "About the consultation"),
    "proposals": ("Boîte à idées", "Ideas box"),
    "meetings": ("Calendrier des rencontres", "Meetings calendar"),
    "surveys": ("Questionnaire", "Survey"),
    "accountability": ("Suivi du projet", "Project follow-up"),
    "blogs": ("Actualités", "News"),
    "debates": ("Débats", "Debates"),
    "budgets": ("Vote du budget participatif", "Participatory budget vote"),
}


def global_settings(manifest: str, rng: random.Random) -> dict[str, Any]:
    common: dict[str, Any] = {"comments_enabled": manifest != "pages", "comments_max_length": rng.choice((500, 1000))}
    if manifest == "proposals":
        return common | {
            "vote_limit": rng.choice((0, 5, 10)),
            "proposal_length": rng.choice((500, 1000)),
            "geocoding_enabled": rng.random() < 0.3,
            "attachments_allowed": rng.random() < 0.5,
            "amendments_enabled": rng.random() < 0.2,
        }
    if manifest == "meetings":
        return common | {
            "default_registration_terms": {
                "fr": "Inscription gratuite, dans la limite des places disponibles.",
                "en": "Free registration, subject to availability.",
            }
        }
    if manifest == "surveys":
        return common | {"allow_anonymous_answers": rng.random() < 0.3}
    if manifest == "budgets":
        return common | {"workflow": "one", "vote_threshold_percent": 70, "projects_per_page": 12}
    if manifest == "accountability":
        return common | {"display_progress_enabled": True}
    return common


def step_settings(manifest: str, role: str) -> dict[str, Any]:
    """The settings of a component during a step that lets participants ``role``."""
    contribute, vote, report = role == "contribute", role == "vote", role == "report"
    if manifest == "proposals":
        return {
            "creation_enabled": contribute,
            "votes_enabled": contribute or vote,
            "votes_blocked": report,
            "endorsements_enabled": not report,
            "comments_blocked": report,
        }
    if manifest == "meetings":
        return {"creation_enabled": False}
    if manifest == "surveys":
        return {"allow_answers": contribute, "publish_answers": report}
    if manifest == "budgets":
        return {"votes": "enabled" if vote else "finished" if report else "disabled", "show_votes": report}
    if manifest == "debates":
        return {"creation_enabled": contribute, "comments_blocked": report}
    return {"comments_blocked": report}
