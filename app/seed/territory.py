"""The territory of the demo organization: the département, its 207 communes, its areas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

COMMUNES_FILE = Path(__file__).with_name("communes.tsv")

DEPARTEMENT_CODE = "44"
DEPARTEMENT_NAME = "Loire-Atlantique"

Text = tuple[str, str]
"""A (French, English) pair."""


@dataclass(frozen=True, slots=True)
class Commune:
    code: str
    name: str


class CommuneFileError(ValueError):
    """The shipped commune list is malformed; the message names the file and line."""


@cache
def communes() -> tuple[Commune, ...]:
    """The communes of Loire-Atlantique, by INSEE code, read from ``communes.tsv``."""
    found: list[Commune] = []
    seen: set[str] = set()
    text = COMMUNES_FILE.read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        code, sep, name = line.partition("\t")
        where = f"{COMMUNES_FILE.name}:{lineno}"
        if not sep or not name.strip():
            msg = f"{where}: expected 'INSEE code<TAB>name', got {line!r}"
            raise CommuneFileError(msg)
        if not (len(code) == 5 and code.isdigit() and code.startswith(DEPARTEMENT_CODE)):
            msg = f"{where}: {code!r} is not an INSEE code of Loire-Atlantique"
            raise CommuneFileError(msg)
        if code in seen:
            msg = f"{where}: INSEE code {code} appears twice"
            raise CommuneFileError(msg)
        seen.add(code)
        found.append(Commune(code=code, name=name.strip()))
    return tuple(found)


# Territorial areas, named after the département's local delegations and "pays".
TERRITORIES: tuple[Text, ...] = (
    ("Nantes et agglomération", "Nantes and its conurbation"),
    ("Saint-Nazaire et Presqu'île guérandaise", "Saint-Nazaire and the Guérande peninsula"),
    ("Estuaire et Sillon", "Estuary and Sillon de Bretagne"),
    ("Pays de Retz", "Pays de Retz"),
    ("Vignoble nantais", "Nantes vineyards"),
    ("Pays d'Ancenis", "Pays d'Ancenis"),
    ("Châteaubriant et Pays de la Mée", "Châteaubriant and Pays de la Mée"),
    ("Erdre et Gesvres", "Erdre and Gesvres"),
)

THEMES: tuple[Text, ...] = (
    ("Mobilités", "Mobility"),
    ("Solidarités", "Solidarity"),
    ("Éducation et jeunesse", "Education and youth"),
    ("Environnement et Loire", "Environment and the Loire"),
    ("Vie citoyenne", "Civic life"),
)

# Area types by key, each with its name, plural and areas.
AREA_TYPES: dict[str, tuple[Text, Text, tuple[Text, ...]]] = {
    "territory": (("Territoire", "Territory"), ("Territoires", "Territories"), TERRITORIES),
    "theme": (("Thématique", "Theme"), ("Thématiques", "Themes"), THEMES),
}

SCOPE_TYPES: dict[str, tuple[Text, Text]] = {
    "departement": (("Département", "Département"), ("Départements", "Départements")),
    "commune": (("Commune", "Municipality"), ("Communes", "Municipalities")),
}
