"""The root schema: every domain's root fields merged into ``Query``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

if TYPE_CHECKING:
    from graphql import GraphQLError
    from strawberry.types import ExecutionContext

from schema.accountability.components import Accountability
from schema.accountability.types import Result
from schema.accounts.mutations import AccountMutations
from schema.admin.attachments import AdminAttachmentMutations
from schema.admin.components import AdminComponentMutations, AdminQueries
from schema.admin.scopes import RequireWriteScope
from schema.admin.spaces import AdminSpaceMutations
from schema.admin.taxonomy import AdminTaxonomyMutations
from schema.assemblies.queries import AssemblyQueries
from schema.blogs.components import Blogs
from schema.blogs.types import Post
from schema.budgets.components import Budgets
from schema.budgets.types import Budget, Project
from schema.comments.commentables import Commentable
from schema.comments.mutations import CommentMutations
from schema.comments.queries import CommentQueries
from schema.common.types import ParticipatorySpaceLink
from schema.components.mutations import ComponentMutations
from schema.components.types import Component
from schema.core import CoreQueries
from schema.debates.components import Debates
from schema.debates.types import Debate
from schema.errors import ErrorCodes
from schema.follows.mutations import FollowMutations
from schema.meetings.components import Meetings
from schema.meetings.types import Meeting
from schema.metrics.queries import MetricQueries
from schema.moderation.mutations import ModerationMutations, ModerationQueries
from schema.nodes.queries import NodeQueries
from schema.pages.types import Page, Pages
from schema.personal_data.mutations import PersonalDataMutations
from schema.processes.queries import ProcessQueries
from schema.processes.types import ParticipatorySpace
from schema.proposals.components import Proposals
from schema.proposals.types import Proposal
from schema.restitution.mutations import RestitutionMutations, RestitutionQueries
from schema.search.queries import SearchQueries
from schema.surveys.components import Surveys
from schema.surveys.mutations import SurveyMutations
from schema.surveys.types import Survey
from schema.traceability.queries import TraceabilityQueries
from schema.users.queries import UserQueries
from schema.users.types import User, UserGroup

# Each domain contributes a class of root fields; order is the order fields appear in the SDL.
QUERIES: tuple[type, ...] = (
    CoreQueries,
    AdminQueries,
    UserQueries,
    ProcessQueries,
    AssemblyQueries,
    NodeQueries,
    CommentQueries,
    TraceabilityQueries,
    ModerationQueries,
    RestitutionQueries,
    MetricQueries,
    SearchQueries,
)
MUTATIONS: tuple[type, ...] = (
    AccountMutations,
    AdminSpaceMutations,
    AdminTaxonomyMutations,
    AdminAttachmentMutations,
    AdminComponentMutations,
    CommentMutations,
    FollowMutations,
    ComponentMutations,
    SurveyMutations,
    PersonalDataMutations,
    ModerationMutations,
    RestitutionMutations,
)

Query = merge_types("Query", QUERIES)
Mutation = merge_types("Mutation", MUTATIONS) if MUTATIONS else None

# Types reachable only through interfaces must be listed so the schema knows them.
EXTRA_TYPES: list[Any] = [
    Component,
    ParticipatorySpace,
    User,
    UserGroup,
    ParticipatorySpaceLink,
    Commentable,
    Proposals,
    Proposal,
    Meetings,
    Meeting,
    Surveys,
    Survey,
    Accountability,
    Result,
    Blogs,
    Post,
    Pages,
    Page,
    Debates,
    Debate,
    Budgets,
    Budget,
    Project,
]


class ParticipaSchema(strawberry.Schema):
    """Strawberry's schema, minus its habit of logging every client error with a traceback.

    Unexpected errors are logged once, with the request id, by ``schema.errors.ErrorCodes``;
    client errors (bad input, denials, limits) are answers, not incidents.
    """

    def process_errors(
        self,
        errors: list[GraphQLError],  # noqa: ARG002 - overridden to log nothing
        execution_context: ExecutionContext | None = None,  # noqa: ARG002
    ) -> None:
        return


def build_schema(*, extensions: Sequence[type[SchemaExtension] | Any] = ()) -> strawberry.Schema:
    return ParticipaSchema(
        query=Query,
        mutation=Mutation,
        types=EXTRA_TYPES,
        extensions=[ErrorCodes, RequireWriteScope, *extensions],
        config=StrawberryConfig(disable_field_suggestions=True),
    )


schema = build_schema()
