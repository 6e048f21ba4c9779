"""A hand-counted organization for metrics: what counts, and next to it what must not.

Figures expected from ``world`` (counted by hand, see the comments on each row):

- users 3 (u1, u2, u3; not the unconfirmed, blocked or deleted accounts, nor the group)
- proposals 3 (A: p1, p2; B: p3), accepted_proposals 1 (p1), votes 4 (A 2, B 2), endorsements 1 (A)
- comments 2 (A), meetings 1 (A), debates 1 (B), survey_answers 2 (A), results 1 (B)
- followers 2 (u1, u2; A 2), participants 3 (u1, u2, u3; A 3, B 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import models
from models.kinds import ResourceKind
from tests.builders import Make, tr
from tests.cli.conftest import cli, make_database, seeded_url, server  # noqa: F401 - for test_cli.py

NOW = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
EARLIER = NOW - timedelta(days=3)

ALL_FIGURES = {
    "users": 3,
    "participants": 3,
    "followers": 2,
    "proposals": 3,
    "accepted_proposals": 1,
    "votes": 4,
    "endorsements": 1,
    "comments": 2,
    "meetings": 1,
    "debates": 1,
    "survey_answers": 2,
    "results": 1,
}
SPACE_A = {
    "participants": 3,
    "followers": 2,
    "proposals": 2,
    "accepted_proposals": 1,
    "votes": 2,
    "endorsements": 1,
    "comments": 2,
    "meetings": 1,
    "debates": 0,
    "survey_answers": 2,
    "results": 0,
}
SPACE_B = {
    "participants": 2,
    "followers": 0,
    "proposals": 1,
    "accepted_proposals": 0,
    "votes": 2,
    "endorsements": 0,
    "comments": 0,
    "meetings": 0,
    "debates": 1,
    "survey_answers": 0,
    "results": 1,
}


@dataclass
class World:
    org: models.Organization
    a: models.ParticipatoryProcess
    b: models.ParticipatoryProcess
    private: models.ParticipatoryProcess
    assembly: models.Assembly
    s1: models.Scope
    s2: models.Scope
    c1: models.Category
    users: list[models.User]
    p1: models.Proposal
    components: dict[str, models.Component]


async def comment(make: Make, *, on: Any, author: models.User, parent: models.Comment | None = None, **kw: Any) -> Any:
    where = {
        "commentable_kind": ResourceKind.COMMENT.value if parent else ResourceKind.PROPOSAL.value,
        "commentable_id": parent.id if parent else on.id,
        "root_kind": ResourceKind.PROPOSAL.value,
        "root_id": on.id,
        "parent_id": parent.id if parent else None,
        "depth": parent.depth + 1 if parent else 0,
    }
    row = models.Comment(organization_id=on.organization_id, author_id=author.id, body=tr("Oui"), **(where | kw))
    return await make.save(row)


async def follow(make: Make, *, user: models.User, kind: str, pk: int) -> Any:
    return await make.save(
        models.Follow(organization_id=user.organization_id, user_id=user.id, followable_kind=kind, followable_id=pk)
    )


async def submission(make: Make, *, survey: models.Survey, user: models.User | None, token: str | None = None) -> Any:
    async with make.sessionmaker() as session:
        from sqlalchemy import select

        q = models.Questionnaire
        found = (
            await session.scalars(
                select(q).where(
                    q.questionnaire_for_kind == ResourceKind.SURVEY.value, q.questionnaire_for_id == survey.id
                )  # type: ignore[arg-type]
            )
        ).first()
    if found is None:
        found = await make.save(
            models.Questionnaire(
                organization_id=survey.organization_id,
                questionnaire_for_kind=ResourceKind.SURVEY.value,
                questionnaire_for_id=survey.id,
                title=tr("Questionnaire"),
            )
        )
    return await make.save(
        models.QuestionnaireSubmission(
            organization_id=survey.organization_id,
            questionnaire_id=found.id,
            user_id=user.id if user else None,
            session_token_hash=token,
        )
    )


@pytest.fixture
async def world(make: Make) -> World:
    org = await make.org(None)
    s1 = await make.scope(name=tr("Nantes"))
    s2 = await make.scope(name=tr("Rezé"))
    a = await make.process(title=tr("Consultation A"))
    b = await make.process(title=tr("Consultation B"), scope_id=s2.id)
    private = await make.process(private_space=True)
    unpublished = await make.process(published_at=None)
    assembly = await make.assembly()
    c1 = await make.category(space=a, name=tr("Mobilités"))
    u1, u2, u3 = (await make.user(), await make.user(), await make.user())
    unconfirmed = await make.user(confirmed_at=None)
    blocked = await make.user(blocked=True)
    await make.user(deleted_at=NOW)  # deleted: no figure
    await make.group()  # groups are not users

    pa = await make.component(space=a, manifest_name="proposals")
    pb = await make.component(space=b, manifest_name="proposals")
    pu = await make.component(space=a, manifest_name="proposals", published_at=None)
    pp = await make.component(space=private, manifest_name="proposals")
    pn = await make.component(space=unpublished, manifest_name="proposals")

    p1 = await make.proposal(
        component=pa, author=u1, scope_id=s1.id, category_id=c1.id, state="accepted", state_published_at=NOW
    )
    await make.proposal(component=pa, author=u2, scope_id=s2.id, state="accepted")  # answer not published
    p3 = await make.proposal(component=pb, author=u1)  # takes B's scope, s2
    hidden = await make.proposal(component=pa, author=u3, hidden_at=NOW)
    await make.proposal(component=pa, author=u3, published_at=None)  # draft
    await make.proposal(component=pu, author=u3)  # unpublished component
    await make.proposal(component=pp, author=u3)  # private process
    await make.proposal(component=pn, author=u3)  # unpublished process

    await make.vote(proposal=p1, author=u2)
    await make.vote(proposal=p1, author=u3)
    await make.vote(proposal=p3, author=u1)
    await make.vote(proposal=p3, author=blocked)  # a support, but not a participant
    await make.vote(proposal=hidden, author=u1)
    await make.endorsement(proposal=p1, author=u3)
    await make.endorsement(proposal=hidden, author=u1)

    first = await comment(make, on=p1, author=u2)
    await comment(make, on=p1, author=u3, parent=first)
    await comment(make, on=p1, author=u1, deleted_at=NOW)
    moderated = await comment(make, on=p1, author=u1, hidden_at=NOW)
    await comment(make, on=p1, author=u1, parent=moderated)  # under a hidden comment
    await comment(make, on=hidden, author=u1)
    async with make.sessionmaker() as session:  # the counter the API keeps: live comments of the thread
        row = await session.get(models.Proposal, p1.id)
        row.comments_count = 2  # type: ignore[union-attr]
        await session.commit()

    ma = await make.component(space=a, manifest_name="meetings")
    meeting = await make.meeting(component=ma)
    await make.meeting(component=ma, published_at=None)
    await make.meeting(component=ma, private_meeting=True, transparent=False)
    await make.meeting(component=ma, hidden_at=NOW)
    await make.registration(meeting=meeting, user=u2)
    await make.registration(meeting=meeting, user=unconfirmed)

    db = await make.component(space=b, manifest_name="debates")
    await make.debate(component=db, author=u3)
    await make.debate(component=db, author=u1, hidden_at=NOW)

    sa = await make.component(space=a, manifest_name="surveys")
    survey = await make.save(models.Survey(organization_id=org.id, component_id=sa.id))
    await submission(make, survey=survey, user=u1)
    await submission(make, survey=survey, user=None, token="a" * 64)
    su = await make.component(space=a, manifest_name="surveys", published_at=None)
    hidden_survey = await make.save(models.Survey(organization_id=org.id, component_id=su.id))
    await submission(make, survey=hidden_survey, user=u2)

    rb = await make.component(space=b, manifest_name="accountability")
    await make.save(models.Result(organization_id=org.id, component_id=rb.id, title=tr("Résultat")))
    await make.save(models.Result(organization_id=org.id, component_id=rb.id, title=tr("Supprimé"), deleted_at=NOW))

    bc = await make.component(space=a, manifest_name="budgets")
    budget = await make.budget(component=bc)
    await make.save(models.Order(organization_id=org.id, budget_id=budget.id, user_id=u3.id, checked_out_at=NOW))
    await make.save(models.Order(organization_id=org.id, budget_id=budget.id, user_id=u1.id))  # not checked out

    await follow(make, user=u1, kind=ResourceKind.PARTICIPATORY_PROCESS, pk=a.id)
    await follow(make, user=u1, kind=ResourceKind.PROPOSAL, pk=p1.id)
    await follow(make, user=u2, kind=ResourceKind.PROPOSAL, pk=p1.id)
    await follow(make, user=u3, kind=ResourceKind.PARTICIPATORY_PROCESS, pk=private.id)
    await follow(make, user=blocked, kind=ResourceKind.PARTICIPATORY_PROCESS, pk=a.id)
    return World(
        org=org,
        a=a,
        b=b,
        private=private,
        assembly=assembly,
        s1=s1,
        s2=s2,
        c1=c1,
        users=[u1, u2, u3],
        p1=p1,
        components={"pa": pa, "pb": pb, "ma": ma, "db": db, "rb": rb},
    )
