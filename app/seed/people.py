"""Participants and user groups of the demo platform.

Participants are known by pseudonyms, as on the real platform. Nicknames depend only on a
participant's position (never on ``--seed``), so a re-run with another seed finds the same
people and adds nobody; names, locales and dates come from the seeded generator.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.seed.figures import PARTICIPANTS

# The participation team, the moderator and the demo participant (planned once, before the blocks) are
# public accounts too: with a block's visible pseudonyms they make the study's participants.
STAFF_ACCOUNTS = 3
VISIBLE_PER_BLOCK = PARTICIPANTS - STAFF_ACCOUNTS
GROUPS_PER_BLOCK = 3

# Positions (within a block) of accounts the public must not see, on top of the visible ones: the last
# of the block, so the positions of everybody else do not depend on how many there are.
UNCONFIRMED = frozenset(range(VISIBLE_PER_BLOCK, VISIBLE_PER_BLOCK + 10))
BLOCKED = frozenset(range(VISIBLE_PER_BLOCK + 10, VISIBLE_PER_BLOCK + 13))
DELETED = frozenset(range(VISIBLE_PER_BLOCK + 13, VISIBLE_PER_BLOCK + 16))
HIDDEN = UNCONFIRMED | BLOCKED | DELETED
PARTICIPANTS_PER_BLOCK = VISIBLE_PER_BLOCK + len(HIDDEN)
# Members of the private panel and of the private assembly (positions within a block).
PANEL_MEMBERS = range(10, 22)

_ANIMALS = (
    "heron",
    "aigrette",
    "loutre",
    "sterne",
    "avocette",
    "courlis",
    "vanneau",
    "tadorne",
    "bernache",
    "spatule",
    "mouette",
    "goeland",
    "civelle",
    "anguille",
    "brochet",
    "libellule",
    "hirondelle",
    "chouette",
    "renard",
    "chevreuil",
    "ecureuil",
    "roitelet",
    "martinet",
    "mesange",
)
_PLACES = (
    "briere",
    "erdre",
    "loire",
    "sevre",
    "retz",
    "mee",
    "sillon",
    "gesvres",
    "vilaine",
    "don",
    "brivet",
    "logne",
    "boulogne",
    "maine",
    "isac",
    "chere",
    "goulaine",
    "grandlieu",
    "ceineray",
    "cote",
    "marais",
    "bocage",
    "vignoble",
    "estuaire",
    "salines",
)

FIRST_NAMES = (
    "Camille",
    "Louise",
    "Jules",
    "Léa",
    "Hugo",
    "Manon",
    "Arthur",
    "Chloé",
    "Lucas",
    "Inès",
    "Nathan",
    "Jeanne",
    "Yann",
    "Gwenaëlle",
    "Erwan",
    "Maëlys",
    "Tristan",
    "Soizic",
    "Loïc",
    "Anne",
    "Pierre",
    "Marie",
    "Thomas",
    "Claire",
    "Nicolas",
    "Sophie",
    "Mathieu",
    "Élodie",
    "Karim",
    "Nadia",
    "Sylvie",
    "Patrick",
    "Brigitte",
    "Bernard",
    "Monique",
    "Alain",
    "Fatou",
    "Mamadou",
    "Lina",
    "Adam",
    "Zoé",
    "Gabriel",
    "Emma",
    "Raphaël",
    "Alice",
    "Paul",
    "Juliette",
    "Noé",
    "Rose",
    "Malo",
)

ABOUT_TEMPLATES = (
    ("Habitante de {town}, cycliste du quotidien.", "Lives in {town}, cycles every day."),
    ("Parent d'élève à {town}.", "School parent in {town}."),
    ("Retraité, bénévole dans une association de {town}.", "Retired, volunteers for an association in {town}."),
    ("Agricultrice près de {town}.", "Farmer near {town}."),
    ("Étudiant, je fais la navette entre {town} et Nantes.", "Student commuting between {town} and Nantes."),
)


def nickname(index: int) -> str:
    """The nickname of the ``index``-th participant: unique and stable (a digit is added after the first 600)."""
    animals, places = len(_ANIMALS), len(_PLACES)
    per_round = animals * places
    within, round_no = index % per_round, index // per_round
    animal, shift = within % animals, within // animals
    # Shifting the place with the animal keeps neighbours varied and pairs unique (len(_PLACES) > shift).
    base = f"{_ANIMALS[animal]}_{_PLACES[(shift + animal) % places]}"
    return base if round_no == 0 else f"{base}{round_no + 1}"


@dataclass(frozen=True, slots=True)
class GroupSpec:
    nickname: str
    name: str
    about: str
    verified: bool


GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec(
        "cyclistes_sillon",
        "Collectif des cyclistes du Sillon",
        "Nous roulons entre Savenay et Blain et militons pour des itinéraires continus.",
        verified=True,
    ),
    GroupSpec(
        "parents_vignoble",
        "Parents d'élèves du Vignoble",
        "Association de parents des collèges du vignoble nantais.",
        verified=True,
    ),
    GroupSpec(
        "amis_rives_loire",
        "Les Amis des rives de Loire",
        "Balades, inventaires naturalistes et nettoyage des berges de l'estuaire.",
        verified=False,
    ),
)


def group_for_block(index: int, block: int) -> GroupSpec:
    spec = GROUPS[index]
    if block == 0:
        return spec
    return GroupSpec(f"{spec.nickname}_{block + 1}", f"{spec.name} ({block + 1})", spec.about, spec.verified)
