"""SQLModel tables. ``import models; models.ParticipatoryProcess`` works for every table."""

from models.accountability import Result, ResultProposalLink, ResultStatus, TimelineEntry
from models.accounts import AccessToken, OutboxEmail, SignInAttempt, UserToken
from models.action_log import ActionLog, LogVisibility
from models.amendments import Amendment
from models.assemblies import AssembliesType, Assembly
from models.attachments import Attachment, AttachmentCollection, SpaceLink
from models.base import GLOBAL_ID_SEQ, NAMING_CONVENTION, Tenanted, Translations, metadata
from models.blogs import Post
from models.budgets import Budget, LineItem, Order, Project, ProjectProposalLink
from models.comments import Comment, CommentVote, Report
from models.components import Component
from models.debates import Debate
from models.follows import Follow
from models.kinds import DECIDIM_CLASS_NAMES, ResourceKind, SpaceKind
from models.meetings import (
    Meeting,
    MeetingAgenda,
    MeetingAgendaItem,
    MeetingProposalLink,
    MeetingRegistration,
    MeetingService,
    MeetingType,
)
from models.metrics import ORGANIZATION_WIDE, MetricDay
from models.moderation import Moderation, ModerationSetting, Notification
from models.organization import Organization
from models.pages import Page
from models.processes import (
    ParticipatoryProcess,
    ParticipatoryProcessGroup,
    ParticipatoryProcessStep,
    ParticipatoryProcessType,
)
from models.proposals import Endorsement, Proposal, ProposalCoauthorship, ProposalVote, Version
from models.roles import SpaceRole
from models.search import SearchIndex
from models.surveys import (
    AnswerChoice,
    AnswerOption,
    MatrixRow,
    Question,
    Questionnaire,
    QuestionnaireAnswer,
    QuestionnaireSubmission,
    QuestionType,
    Survey,
)
from models.taxonomy import Area, AreaType, Category, Scope, ScopeType
from models.users import SpacePrivateUser, User, UserGroupMembership, UserKind

__all__ = [
    "DECIDIM_CLASS_NAMES",
    "GLOBAL_ID_SEQ",
    "NAMING_CONVENTION",
    "ORGANIZATION_WIDE",
    "AccessToken",
    "ActionLog",
    "Amendment",
    "AnswerChoice",
    "AnswerOption",
    "Area",
    "AreaType",
    "AssembliesType",
    "Assembly",
    "Attachment",
    "AttachmentCollection",
    "Budget",
    "Category",
    "Comment",
    "CommentVote",
    "Component",
    "Debate",
    "Endorsement",
    "Follow",
    "LineItem",
    "LogVisibility",
    "MatrixRow",
    "Meeting",
    "MeetingAgenda",
    "MeetingAgendaItem",
    "MeetingProposalLink",
    "MeetingRegistration",
    "MeetingService",
    "MeetingType",
    "MetricDay",
    "Moderation",
    "ModerationSetting",
    "Notification",
    "Order",
    "Organization",
    "OutboxEmail",
    "Page",
    "ParticipatoryProcess",
    "ParticipatoryProcessGroup",
    "ParticipatoryProcessStep",
    "ParticipatoryProcessType",
    "Post",
    "Project",
    "ProjectProposalLink",
    "Proposal",
    "ProposalCoauthorship",
    "ProposalVote",
    "Question",
    "QuestionType",
    "Questionnaire",
    "QuestionnaireAnswer",
    "QuestionnaireSubmission",
    "Report",
    "ResourceKind",
    "Result",
    "ResultProposalLink",
    "ResultStatus",
    "Scope",
    "ScopeType",
    "SearchIndex",
    "SignInAttempt",
    "SpaceKind",
    "SpaceLink",
    "SpacePrivateUser",
    "SpaceRole",
    "Survey",
    "Tenanted",
    "TimelineEntry",
    "Translations",
    "User",
    "UserGroupMembership",
    "UserKind",
    "UserToken",
    "Version",
    "metadata",
]
