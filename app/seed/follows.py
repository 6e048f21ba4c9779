"""Follows, as the API's mutations would have left them (resolvers/follows): authors follow the proposals,
debates and meetings they created, commenters the resource of the thread, participants the meetings they
registered for; and proposal authors follow the consultation they proposed in.

Derived from the rows already planned, so it draws nothing at random and stays deterministic. Each follow
is a child of the followed row's unit: it exists exactly when that unit is written. Deleted participants
follow nothing (deleting an account drops its follows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import models
from models.kinds import ResourceKind

if TYPE_CHECKING:
    from app.seed.plan import Plan, Ref

PROPOSAL, MEETING, DEBATE = ResourceKind.PROPOSAL.value, ResourceKind.MEETING.value, ResourceKind.DEBATE.value


def plan_follows(plan: Plan, *, since: int) -> int:
    """Plan the follows of the rows planned from position ``since`` on; answers how many."""
    rows = plan.rows
    seen: set[tuple[Ref, str, Ref]] = set()
    wanted: list[tuple[Ref, str, Ref, Any]] = []

    def follow(user: Any, kind: str, target: Any, created: Any) -> None:
        if user is None or rows[user.n].values.get("deleted_at") is not None:
            return
        key = (user, kind, target)
        if key not in seen:
            seen.add(key)
            wanted.append((user, kind, target, created))

    for row in rows[since:]:
        v = row.values
        created = v.get("created_at")
        if row.model is models.ProposalCoauthorship:
            follow(v["author_id"], PROPOSAL, v["proposal_id"], created)
            if v.get("position") == 0:
                component = rows[rows[v["proposal_id"].n].values["component_id"].n].values
                follow(v["author_id"], component["space_kind"], component["space_id"], created)
        elif row.model is models.Meeting or row.model is models.Debate:
            follow(v.get("author_id"), MEETING if row.model is models.Meeting else DEBATE, row.ref, created)
        elif row.model is models.MeetingRegistration:
            follow(v["user_id"], MEETING, v["meeting_id"], created)
        elif row.model is models.Comment:
            follow(v["author_id"], v["root_kind"], v["root_id"], created)

    for user, kind, target, created in wanted:
        extra = {"created_at": created, "updated_at": created} if created is not None else {}
        plan.child(models.Follow, of=target, user_id=user, followable_kind=kind, followable_id=target, **extra)
    return len(wanted)
