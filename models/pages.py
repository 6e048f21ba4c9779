"""Pages: the static page of a pages component (one per component in Decidim; we keep a list)."""

from __future__ import annotations

from models.base import Tenanted, Timestamped, Translations, fk, translated


class Page(Tenanted, Timestamped, table=True):
    __tablename__ = "pages"

    component_id: int = fk("components.id", ondelete="CASCADE")
    title: Translations = translated()
    body: Translations = translated()
