"""Classification: area types and areas, scope types and scopes, categories."""

from __future__ import annotations

from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, ref_id, translated


class AreaType(Tenanted, Timestamped, table=True):
    __tablename__ = "area_types"

    name: Translations = translated()
    plural: Translations = translated()


class Area(Tenanted, Timestamped, table=True):
    __tablename__ = "areas"

    name: Translations = translated()
    area_type_id: int | None = fk("area_types.id", nullable=True, ondelete="SET NULL")


class ScopeType(Tenanted, Timestamped, table=True):
    __tablename__ = "scope_types"

    name: Translations = translated()
    plural: Translations = translated()


class Scope(Tenanted, Timestamped, table=True):
    """A territory; hierarchical (the département, then its communes)."""

    __tablename__ = "scopes"

    name: Translations = translated()
    code: str | None = Field(default=None, max_length=64)
    parent_id: int | None = fk("scopes.id", nullable=True, ondelete="CASCADE")
    scope_type_id: int | None = fk("scope_types.id", nullable=True, ondelete="SET NULL")


class Category(Tenanted, Timestamped, table=True):
    """A category of a participatory space; one level of subcategories, as in Decidim."""

    __tablename__ = "categories"

    space_kind: str = Field(max_length=32)
    space_id: int = ref_id(index=True)
    name: Translations = translated()
    description: Translations = translated()
    parent_id: int | None = fk("categories.id", nullable=True, ondelete="CASCADE")
    weight: int = 0
