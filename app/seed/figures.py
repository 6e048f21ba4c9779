"""The figures of the Loire-Atlantique case study (Baromètre de la démocratie locale numérique, 2016-2019).

"1500 participants ; 9 consultations, 794 propositions, 643 soutiens aux propositions": one seed block
reproduces them exactly as PUBLIC figures (what an anonymous visitor, the metrics and the open data
count), and ``--scale N`` multiplies them (but for the three staff and demo accounts, which exist
once). Rows the public never sees come on top: a private and an unpublished consultation, proposals
hidden by moderation, unconfirmed, blocked and deleted accounts. The split between consultations is
ours (the study gives totals only); it follows the weight the study gives each consultation.
"""

from __future__ import annotations

PARTICIPANTS = 1_500
"""Public accounts (confirmed, neither blocked nor deleted), the team, moderator and demo participant included."""
CONSULTATIONS = 9
"""Published, non-private consultations."""
PROPOSALS = 794
"""Published proposals not hidden by moderation, in public consultations."""
SUPPORTS = 643
"""Supports, all on public proposals."""

# Public proposals per consultation (slug): the road consultation drew most, as the study suggests.
PROPOSALS_BY_PROCESS: dict[str, int] = {
    "route-de-demain": 240,
    "projet-educatif-departemental": 152,
    "accueil-solidarites": 90,
    "aires-de-covoiturage": 80,
    "budget-participatif": 64,
    "loire-estuaire": 58,
    "bien-vieillir": 48,
    "bien-manger-au-college": 38,
    "espaces-naturels": 24,
}

# Organization and demo accounts (README, "Demo accounts"): every seeded account signs in with it.
DEMO_PASSWORD = "loire-atlantique-2019"  # noqa: S105 - a published demo password, on purpose
ADMIN_EMAIL = "admin@example.org"
PARTICIPANT_EMAIL = "participant@example.org"
PARTICIPANT_NICKNAME = "participant_demo"
MODERATOR_EMAIL = "moderateur@example.org"
# Roles of the moderator account in the first block's spaces (catalog slug -> role).
MODERATOR_ROLES = {
    "route-de-demain": "moderator",
    "projet-educatif-departemental": "moderator",
    "budget-participatif": "evaluator",
}


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` shared in proportion to ``weights`` (largest remainders), summing to ``total`` exactly."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (exact[i] - shares[i], -i), reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


assert sum(PROPOSALS_BY_PROCESS.values()) == PROPOSALS  # noqa: S101 - the table must add up to the study's figure
assert len(PROPOSALS_BY_PROCESS) == CONSULTATIONS  # noqa: S101 - every public consultation has its idea box
