"""Shared vocabulary of the seed builders: options, dates in Paris time, translated texts."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from app.seed.plan import Ref
from app.seed.territory import Text
from models.kinds import SpaceKind

PARIS = ZoneInfo("Europe/Paris")
PLATFORM_LAUNCH = date(2018, 6, 1)
PROCESS = SpaceKind.PARTICIPATORY_PROCESS.value


@dataclass(frozen=True, slots=True)
class SeedOptions:
    today: date
    """The day the seed runs (Europe/Paris): current consultations are placed around it."""
    seed: int = 42
    scale: int = 1
    host: str = "localhost"

    def rng(self, *parts: object) -> random.Random:
        """The generator of one unit: a string seed is hashed with SHA-512, stable across runs and platforms."""
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))


@dataclass(slots=True)
class Anchors:
    """Rows every consultation points at: the département scope, areas, types and groups."""

    departement: Ref | None = None
    territories: list[Ref] = field(default_factory=list)
    themes: list[Ref] = field(default_factory=list)
    types: dict[str, Ref] = field(default_factory=dict)
    groups: dict[str, Ref] = field(default_factory=dict)
    communes: dict[str, Ref] = field(default_factory=dict)
    """Commune scopes by name."""
    assembly_types: dict[str, Ref] = field(default_factory=dict)


def tr(text: Text) -> dict[str, str]:
    return {"fr": text[0], "en": text[1]}


def paragraphs(texts: tuple[Text, ...]) -> dict[str, str]:
    return {
        locale: "".join(f"<p>{html.escape(t[i], quote=False)}</p>" for t in texts)
        for i, locale in enumerate(("fr", "en"))
    }


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)
