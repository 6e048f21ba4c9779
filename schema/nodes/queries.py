"""``node(id:)`` and ``nodes(ids:)``: any object by its global id, with the same visibility as elsewhere."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput
from resolvers.filters import parse_id
from schema.accountability.types import result_node, status_node, timeline_entry_node
from schema.assemblies.types import AssembliesType, Assembly
from schema.blogs.types import post_node
from schema.budgets.types import budget_node, project_node
from schema.comments.types import comment_node
from schema.common.types import Area, AreaType, Attachment, AttachmentCollection, Category, Scope, link_from_model
from schema.components.types import component_from_model
from schema.debates.types import debate_node
from schema.interfaces import Node
from schema.meetings.types import meeting_node
from schema.pages.types import page_node
from schema.processes.types import (
    ParticipatoryProcess,
    ParticipatoryProcessGroup,
    ParticipatoryProcessStep,
    ParticipatoryProcessType,
)
from schema.proposals.types import proposal_node
from schema.surveys.forms import answer_option_node, matrix_row_node, question_node, questionnaire_node
from schema.surveys.types import survey_node
from schema.users.types import author_from_model

MAX_NODES = 100

Converter = Callable[[Any, Info], Any]

# table name -> (loader attribute on Loaders, converter). Later domains register theirs.
NODE_RESOLVERS: dict[str, tuple[str, Converter]] = {
    "users": ("user_by_id", author_from_model),
    "participatory_processes": ("process_by_id", lambda r, _: ParticipatoryProcess.from_model(r)),
    "participatory_process_steps": ("step_by_id", lambda r, _: ParticipatoryProcessStep.from_model(r)),
    "participatory_process_groups": ("process_group_by_id", lambda r, _: ParticipatoryProcessGroup.from_model(r)),
    "participatory_process_types": ("process_type_by_id", lambda r, _: ParticipatoryProcessType.from_model(r)),
    "assemblies": ("assembly_by_id", lambda r, _: Assembly.from_model(r)),
    "assemblies_types": ("assemblies_type_by_id", lambda r, _: AssembliesType.from_model(r)),
    "components": ("component_by_id", lambda r, _: component_from_model(r)),
    "categories": ("category_by_id", lambda r, _: Category.from_model(r)),
    "scopes": ("scope_by_id", lambda r, _: Scope.from_model(r)),
    "areas": ("area_by_id", lambda r, _: Area.from_model(r)),
    "area_types": ("area_type_by_id", lambda r, _: AreaType.from_model(r)),
    "attachments": ("attachment_by_id", lambda r, _: Attachment.from_model(r)),
    "attachment_collections": ("collection_by_id", lambda r, _: AttachmentCollection.from_model(r)),
    "space_links": ("link_by_id", lambda r, _: link_from_model(r, seen_from=(r.from_kind, r.from_id))),
    "comments": ("comment_by_id", comment_node),
    "proposals": ("proposal_by_id", proposal_node),
    "meetings": ("meeting_by_id", meeting_node),
    "surveys": ("survey_by_id", survey_node),
    "questionnaires": ("questionnaire_by_id", questionnaire_node),
    "questionnaire_questions": ("question_by_id", question_node),
    "questionnaire_answer_options": ("answer_option_by_id", answer_option_node),
    "questionnaire_matrix_rows": ("matrix_row_by_id", matrix_row_node),
    "accountability_results": ("result_by_id", result_node),
    "accountability_statuses": ("result_status_by_id", status_node),
    "accountability_timeline_entries": ("timeline_entry_by_id", timeline_entry_node),
    "blog_posts": ("post_by_id", post_node),
    "pages": ("page_by_id", page_node),
    "debates": ("debate_by_id", debate_node),
    "budgets": ("budget_by_id", budget_node),
    "budget_projects": ("project_by_id", project_node),
}


async def resolve_node(info: Info, pk: int) -> Node | None:
    loaders = info.context.loaders
    table = await loaders.table_by_id.load(pk)
    if table is None or table not in NODE_RESOLVERS:
        return None
    loader_name, convert = NODE_RESOLVERS[table]
    row = await getattr(loaders, loader_name).load(pk)
    if row is None:
        return None
    node = convert(row, info)
    # Some converters need more loads first (a comment needs its thread).
    return await node if inspect.isawaitable(node) else node  # type: ignore[no-any-return]


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Participa: any object by its id; null when it does not exist or is not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, parse_id(id))  # type: ignore[arg-type]

    @strawberry.field(description=f"Participa: several objects by id (at most {MAX_NODES}), in the order asked.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            msg = f"Ask for at most {MAX_NODES} ids at once."
            raise BadUserInput(msg, fields={"ids": f"at most {MAX_NODES}"})
        pks = [parse_id(i, field="ids") for i in ids]
        return list(await asyncio.gather(*(resolve_node(info, pk) for pk in pks)))  # type: ignore[arg-type]
