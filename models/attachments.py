from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import Field

from models.base import Tenanted, Timestamped, Translations, fk, ref_id, translated


class AttachmentCollection(Tenanted, Timestamped, table=True):
    """A folder of documents on an attachable (e.g. "Compte-rendu et synthèse")."""

    __tablename__ = "attachment_collections"
    __table_args__ = (Index("ix_attachment_collections_owner", "attached_to_kind", "attached_to_id"),)

    attached_to_kind: str = Field(max_length=32)
    attached_to_id: int = ref_id()
    name: Translations = translated()
    description: Translations = translated()
    weight: int = 0


class Attachment(Tenanted, Timestamped, table=True):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "attached_to_kind", "attached_to_id"),)

    attached_to_kind: str = Field(max_length=32)
    attached_to_id: int = ref_id()
    title: Translations = translated()
    description: Translations = translated()
    url: str = Field(max_length=2048)
    content_type: str = Field(default="application/octet-stream", max_length=255)
    file_size: int = 0
    weight: int = 0
    collection_id: int | None = fk("attachment_collections.id", nullable=True, ondelete="SET NULL")


class SpaceLink(Tenanted, Timestamped, table=True):
    """A named link between two participatory spaces (Decidim's participatory_space_links)."""

    __tablename__ = "space_links"
    __table_args__ = (
        Index("ix_space_links_from", "from_kind", "from_id"),
        Index("ix_space_links_to", "to_kind", "to_id"),
    )

    from_kind: str = Field(max_length=32)
    from_id: int = ref_id()
    to_kind: str = Field(max_length=32)
    to_id: int = ref_id()
    name: str = Field(max_length=128)
