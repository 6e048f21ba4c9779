"""The followables registry: which kinds of rows participants may follow, and which of them a viewer sees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement

import models
from models.kinds import ResourceKind
from resolvers.errors import BadUserInput, NotFound
from resolvers.visibility import (
    assembly_visible,
    debate_visible,
    meeting_visible,
    post_visible,
    process_visible,
    project_visible,
    proposal_visible,
    result_visible,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope


@dataclass(frozen=True, slots=True)
class FollowableSpec:
    kind: str
    model: type[Any]
    # Rows of ``model`` the viewer may see, hence follow; a clause over the model's columns.
    visible: Callable[[Scope], ColumnElement[bool]]


FOLLOWABLES: dict[str, FollowableSpec] = {
    spec.kind: spec
    for spec in (
        FollowableSpec(ResourceKind.PARTICIPATORY_PROCESS, models.ParticipatoryProcess, process_visible),
        FollowableSpec(ResourceKind.ASSEMBLY, models.Assembly, assembly_visible),
        FollowableSpec(ResourceKind.PROPOSAL, models.Proposal, proposal_visible),
        FollowableSpec(ResourceKind.MEETING, models.Meeting, meeting_visible),
        FollowableSpec(ResourceKind.DEBATE, models.Debate, debate_visible),
        FollowableSpec(ResourceKind.POST, models.Post, post_visible),
        FollowableSpec(ResourceKind.RESULT, models.Result, result_visible),
        FollowableSpec(ResourceKind.PROJECT, models.Project, project_visible),
    )
}


async def followable_kind(session: AsyncSession, scope: Scope, pk: int, *, field: str = "followableId") -> str:
    """The kind of the followable a global id names, in one statement.

    NOT_FOUND when nothing the viewer may see has that id (hidden, private and unpublished rows answer
    exactly as missing ones); BAD_USER_INPUT when the id names something that cannot be followed.
    """
    from resolvers.nodes.loaders import kind_of_id

    wanted = [(spec.model, kind, spec.visible(scope)) for kind, spec in FOLLOWABLES.items()]
    found = await kind_of_id(session, pk, scope.organization_id, wanted)
    if found is None:
        msg = f"Nothing to follow has id {pk}."
        raise NotFound(msg)
    if not found:
        msg = f"Object {pk} cannot be followed."
        raise BadUserInput(msg, fields={field: "not followable"})
    return found
