"""Helpers for follow specifications: the two mutations, the rows they leave, followables of every kind."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import models
from tests.accountability.conftest import result
from tests.blogs.conftest import post
from tests.builders import Make

FOLLOW = """
mutation($id: ID!) {
  follow(input: {followableId: $id}) { __typename ... on Node { id } followsCount viewerIsFollowing }
}
"""

UNFOLLOW = """
mutation($id: ID!) {
  unfollow(input: {followableId: $id}) { __typename ... on Node { id } followsCount viewerIsFollowing }
}
"""


def error_codes(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["extensions"]["code"], e["extensions"].get("reason")) for e in body.get("errors", [])]


async def follows_of(make: Make, user: models.User) -> list[tuple[str, int]]:
    """What ``user`` follows, as ``(kind, id)``, in id order."""
    f = models.Follow
    async with make.sessionmaker() as session:
        rows = await session.execute(
            select(f.followable_kind, f.followable_id).where(f.user_id == user.id).order_by(f.id)  # type: ignore[arg-type,call-overload]
        )
        return [(kind, pk) for kind, pk in rows.all()]


async def all_follows(make: Make) -> list[tuple[int, str, int]]:
    f = models.Follow
    async with make.sessionmaker() as session:
        rows = await session.execute(select(f.user_id, f.followable_kind, f.followable_id).order_by(f.id))  # type: ignore[call-overload]
        return [(u, kind, pk) for u, kind, pk in rows.all()]


async def follow_row(make: Make, *, user: models.User, kind: str, pk: int) -> None:
    async with make.sessionmaker() as session:
        session.add(
            models.Follow(organization_id=user.organization_id, user_id=user.id, followable_kind=kind, followable_id=pk)
        )
        await session.commit()


async def one_of_each(make: Make) -> dict[str, Any]:
    """A visible followable of every kind, in one organization: ``{kind: row}``."""
    process = await make.process()
    assembly = await make.assembly()
    proposal = await make.proposal(component=await make.component(space=process, manifest_name="proposals"))
    meeting = await make.meeting(component=await make.component(space=process, manifest_name="meetings"))
    debate = await make.debate(component=await make.component(space=process, manifest_name="debates"))
    news = await post(make, component=await make.component(space=process, manifest_name="blogs"))
    outcome = await result(make, component=await make.component(space=process, manifest_name="accountability"))
    project = await make.project(
        budget=await make.budget(component=await make.component(space=process, manifest_name="budgets"))
    )
    return {
        "participatory_process": process,
        "assembly": assembly,
        "proposal": proposal,
        "meeting": meeting,
        "debate": debate,
        "post": news,
        "result": outcome,
        "project": project,
    }


TYPENAMES = {
    "participatory_process": "ParticipatoryProcess",
    "assembly": "Assembly",
    "proposal": "Proposal",
    "meeting": "Meeting",
    "debate": "Debate",
    "post": "Post",
    "result": "Result",
    "project": "Project",
}
