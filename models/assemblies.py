"""Assemblies: standing participatory bodies (councils, commissions), nested in a tree, with their types."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, timestamp, translated


class AssembliesType(Tenanted, Timestamped, table=True):
    """A kind of assembly (e.g. government body, consultative council); Decidim's ``AssembliesType``."""

    __tablename__ = "assemblies_types"

    title: Translations = translated()


class Assembly(Tenanted, Timestamped, table=True):
    """An assembly. ``private_space`` limits it to its members unless ``is_transparent`` opens it to
    everyone's reading; a hidden assembly hides its children, whatever their own flags."""

    __tablename__ = "assemblies"
    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    slug: str = Field(max_length=255)
    title: Translations = translated()
    subtitle: Translations = translated()
    short_description: Translations = translated()
    description: Translations = translated()
    announcement: Translations = translated()
    purpose_of_action: Translations = translated()
    composition: Translations = translated()
    internal_organisation: Translations = translated()
    special_features: Translations = translated()
    closing_date_reason: Translations = translated()
    created_by_other: Translations = translated()
    developer_group: Translations = translated()
    meta_scope: Translations = translated()
    local_area: Translations = translated()
    target: Translations = translated()
    participatory_scope: Translations = translated()
    participatory_structure: Translations = translated()
    hashtag: str | None = Field(default=None, max_length=255)
    reference: str | None = Field(default=None, max_length=255)
    hero_image: str | None = Field(default=None, max_length=1024)
    banner_image: str | None = Field(default=None, max_length=1024)
    promoted: bool = False
    private_space: bool = False
    is_transparent: bool = False
    published_at: datetime | None = timestamp()
    scopes_enabled: bool = True
    scope_id: int | None = fk("scopes.id", nullable=True, ondelete="SET NULL")
    area_id: int | None = fk("areas.id", nullable=True, ondelete="SET NULL")
    # Decidim destroys an assembly's children with it.
    parent_id: int | None = fk("assemblies.id", nullable=True, ondelete="CASCADE")
    # Ids from the root down to this assembly, dot-separated ("12.40.57"), as Decidim's ltree column reads.
    parents_path: str | None = Field(default=None, max_length=1024)
    assembly_type_id: int | None = fk("assemblies_types.id", nullable=True, ondelete="SET NULL")
    creation_date: date | None = None
    # Decidim's values: "city_council", "public", "others" (then ``created_by_other`` says who).
    created_by: str | None = Field(default=None, max_length=32)
    duration: date | None = None
    included_at: date | None = None
    closing_date: date | None = None
    twitter_handler: str | None = Field(default=None, max_length=255)
    instagram_handler: str | None = Field(default=None, max_length=255)
    facebook_handler: str | None = Field(default=None, max_length=255)
    youtube_handler: str | None = Field(default=None, max_length=255)
    github_handler: str | None = Field(default=None, max_length=255)
    show_statistics: bool = True
    weight: int = 0
