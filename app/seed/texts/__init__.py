"""Words of the demo: what participants propose and comment, what the Département answers.

Each consultation speaks of its own subject (a :class:`Theme`): ideas for proposals, the openings and
reasons that frame them, arguments for and against, questions. Texts are combined from these
fragments by the seeded generator, so hundreds of contributions read differently while staying on
topic. Placeholders: ``{commune}``, ``{commune2}`` (two distinct communes), ``{rd}`` (a departmental
road), ``{college}`` (a secondary school).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.seed.territory import Text


@dataclass(frozen=True, slots=True)
class Idea:
    """One kind of proposal: its title and core sentence, and the category (French name) it files under."""

    title: str
    body: str
    category: str


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    """A survey question; ``answers`` are sample replies to text questions."""

    type: str
    body: Text
    options: tuple[Text, ...] = ()
    rows: tuple[Text, ...] = ()
    mandatory: bool = False
    max_choices: int | None = None
    other: bool = False
    """The last option is "Autre" with a free text."""
    answers: tuple[str, ...] = ()
    description: Text = ("", "")


@dataclass(frozen=True, slots=True)
class Theme:
    key: str
    ideas: tuple[Idea, ...]
    contexts: tuple[str, ...]
    reasons: tuple[str, ...]
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    questions: tuple[str, ...]
    plan: str
    """What an accepted proposal joins, e.g. "le livre blanc de la démarche"."""
    topics: tuple[str, ...]
    """Subjects of workshops and meetings."""
    survey: tuple[QuestionSpec, ...] = field(default_factory=tuple)


COLLEGES = (
    "collège Jules-Verne",
    "collège Anne-de-Bretagne",
    "collège Jean-Moulin",
    "collège Simone-Veil",
    "collège Rosa-Parks",
    "collège Condorcet",
    "collège Jacques-Prévert",
    "collège Louise-Michel",
    "collège Marie-Curie",
    "collège Olympe-de-Gouges",
    "collège Pierre-de-Coubertin",
    "collège Paul-Éluard",
)

ROADS = ("RD 723", "RD 137", "RD 178", "RD 164", "RD 771", "RD 965", "RD 751", "RD 117", "RD 42", "RD 213", "RD 16")


_VOWELS = tuple("AEIOUYÉÈÊÎÔ")


def of_town(town: str) -> str:
    """ "de" with a commune's name, as French writes it: d'Orvault, du Pellerin, des Sorinières."""
    if town.startswith("Le "):
        return f"du {town[3:]}"
    if town.startswith("Les "):
        return f"des {town[4:]}"
    return f"d'{town}" if town.startswith(_VOWELS) else f"de {town}"


def at_town(town: str) -> str:
    """ "à" with a commune's name: au Croisic, aux Sorinières, à La Baule."""
    if town.startswith("Le "):
        return f"au {town[3:]}"
    if town.startswith("Les "):
        return f"aux {town[4:]}"
    return f"à {town}"


def elide(text: str) -> str:
    """Contract "de"/"à" before the communes placed in a template ("à Le Pellerin" -> "au Pellerin")."""
    text = text.replace(" à Le ", " au ").replace(" à Les ", " aux ")
    text = text.replace(" de Le ", " du ").replace(" de Les ", " des ")
    for vowel in _VOWELS:
        text = text.replace(f" de {vowel}", f" d'{vowel}")
    return text


def slots(rng: random.Random, towns: tuple[str, ...], *, commune: str | None = None) -> dict[str, str]:
    """Values for every placeholder, drawn once so that a title and its body name the same places."""
    first = commune or rng.choice(towns)
    second = rng.choice(towns)
    while second == first and len(towns) > 1:
        second = rng.choice(towns)
    return {"commune": first, "commune2": second, "rd": rng.choice(ROADS), "college": rng.choice(COLLEGES)}


def fill(template: str, rng: random.Random, towns: tuple[str, ...], *, values: dict[str, str] | None = None) -> str:
    """``template`` with its placeholders replaced by ``values`` (drawn from ``rng`` when not given)."""
    if "{" not in template:
        return template
    return elide(template.format(**(values if values is not None else slots(rng, towns))))
