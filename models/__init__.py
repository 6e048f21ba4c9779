"""SQLModel tables. ``import models; models.ParticipatoryProcess`` works for every table."""

from models.accounts import AccessToken, OutboxEmail, SignInAttempt, UserToken
from models.amendments import Amendment
from models.attachments import Attachment, AttachmentCollection, SpaceLink
from models.base import GLOBAL_ID_SEQ, NAMING_CONVENTION, Tenanted, Translations, metadata
from models.comments import Comment, CommentVote, Report
from models.components import Component
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind, SpaceKind
from models.organization import Organization
from models.processes import (
    ParticipatoryProcess,
    ParticipatoryProcessGroup,
    ParticipatoryProcessStep,
    ParticipatoryProcessType,
)
from models.proposals import Endorsement, Proposal, ProposalCoauthorship, ProposalVote, Version
from models.taxonomy import Area, AreaType, Category, Scope, ScopeType
from models.users import SpacePrivateUser, User, UserGroupMembership, UserKind

__all__ = [
    "DECIDIM_CLASS_NAMES",
    "GLOBAL_ID_SEQ",
    "NAMING_CONVENTION",
    "AccessToken",
    "Amendment",
    "Area",
    "AreaType",
    "Attachment",
    "AttachmentCollection",
    "Category",
    "Comment",
    "CommentVote",
    "Component",
    "Endorsement",
    "Organization",
    "OutboxEmail",
    "ParticipatoryProcess",
    "ParticipatoryProcessGroup",
    "ParticipatoryProcessStep",
    "ParticipatoryProcessType",
    "Proposal",
    "ProposalCoauthorship",
    "ProposalVote",
    "Report",
    "ResourceKind",
    "Scope",
    "ScopeType",
    "SignInAttempt",
    "SpaceKind",
    "SpaceLink",
    "SpacePrivateUser",
    "Tenanted",
    "Translations",
    "User",
    "UserGroupMembership",
    "UserKind",
    "UserToken",
    "Version",
    "metadata",
]
