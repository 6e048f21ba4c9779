"""The shape of a demo consultation: its calendar of steps, categories and components."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.seed.territory import Text

Day = date | int
"""A calendar date, or a number of days from the day the seed runs."""


@dataclass(frozen=True, slots=True)
class StepSpec:
    title: Text
    description: Text
    start: Day
    end: Day
    role: str = "inform"
    """What participants may do: inform, contribute, vote or report (drives component step settings)."""


@dataclass(frozen=True, slots=True)
class CategorySpec:
    name: Text
    children: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class ProcessSpec:
    slug: str
    title: Text
    subtitle: Text
    short_description: Text
    description: tuple[Text, ...]
    hashtag: str
    process_type: str
    group: str | None
    developer_group: Text
    target: Text
    participatory_scope: Text
    participatory_structure: Text
    steps: tuple[StepSpec, ...]
    categories: tuple[CategorySpec, ...]
    components: tuple[str, ...]
    territory: int | None = None
    """Index into ``TERRITORIES``; ``None`` for the whole département."""
    theme: int = 0
    published: bool = True
    private: bool = False
    promoted: bool = False
    document_themes: tuple[str, ...] = field(default_factory=tuple)
    texts: str = "route"
    """The key of the words its participants use (``app.seed.texts.themes.THEMES``)."""


# The last step of most consultations.
REPORT = (
    "Le Département publie la synthèse des contributions et explique les décisions prises.",
    "The Département publishes the summary of contributions and explains its decisions.",
)
