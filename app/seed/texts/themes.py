"""Every theme by key, as the catalog names them (``ProcessSpec.texts``)."""

from __future__ import annotations

from app.seed.texts import Theme
from app.seed.texts.living import AGEING, NATURE
from app.seed.texts.places import BUDGET, LOIRE, PANEL
from app.seed.texts.route import ROUTE
from app.seed.texts.schools import EDUCATION, FOOD
from app.seed.texts.services import CARPOOL, SOLIDARITY

THEMES: dict[str, Theme] = {
    t.key: t for t in (ROUTE, EDUCATION, FOOD, SOLIDARITY, CARPOOL, LOIRE, BUDGET, PANEL, AGEING, NATURE)
}
