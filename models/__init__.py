"""SQLModel tables. ``import models; models.ParticipatoryProcess`` works for every table."""

from models.attachments import Attachment, AttachmentCollection, SpaceLink
from models.base import GLOBAL_ID_SEQ, NAMING_CONVENTION, Tenanted, Translations, metadata
from models.components import Component
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind, SpaceKind
from models.organization import Organization
from models.processes import (
    ParticipatoryProcess,
    ParticipatoryProcessGroup,
    ParticipatoryProcessStep,
    ParticipatoryProcessType,
)
from models.taxonomy import Area, AreaType, Category, Scope, ScopeType
from models.users import SpacePrivateUser, User, UserGroupMembership, UserKind

__all__ = [
    "DECIDIM_CLASS_NAMES",
    "GLOBAL_ID_SEQ",
    "NAMING_CONVENTION",
    "Area",
    "AreaType",
    "Attachment",
    "AttachmentCollection",
    "Category",
    "Component",
    "Organization",
    "ParticipatoryProcess",
    "ParticipatoryProcessGroup",
    "ParticipatoryProcessStep",
    "ParticipatoryProcessType",
    "ResourceKind",
    "Scope",
    "ScopeType",
    "SpaceKind",
    "SpaceLink",
    "SpacePrivateUser",
    "Tenanted",
    "Translations",
    "User",
    "UserGroupMembership",
    "UserKind",
    "metadata",
]
