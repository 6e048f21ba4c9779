"""The proposals and proposal_comments files hold what an anonymous API client reads, and nothing more."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import models
from models.kinds import ResourceKind
from resolvers.open_data.base import Entity
from resolvers.open_data.comments import PROPOSAL_COMMENTS
from resolvers.open_data.components import PROPOSALS
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import Scope
from tests.builders import NOW, Make, tr


async def export(app: Any, entity: Entity, org: models.Organization) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = (await session.execute(entity.select(Scope(organization_id=org.id, viewer=ANONYMOUS)))).all()  # type: ignore[arg-type]
    names = [c.name for c in entity.columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


PROPOSAL_NODES = """
query ($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Proposal {
      id reference official withdrawn publishedAt withdrawnAt
      title { translation(locale: "fr") }
      state answer { translation(locale: "fr") } answeredAt
      voteCount endorsementsCount totalCommentsCount authorsCount
      author { id nickname }
      category { id } scope { id }
      address coordinates { latitude longitude }
    }
  }
}
"""


def _author(node: dict[str, Any]) -> tuple[int | None, str | None]:
    # The API shows a deleted author as such (id, no nickname); the file leaves both cells empty.
    author = node["author"]
    if author is None or not author["nickname"]:
        return None, None
    return int(author["id"]), author["nickname"].removeprefix("@")


async def test_proposals_file_matches_what_an_anonymous_client_reads(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    other_org = await make.organization()
    process = await make.process()
    component = await make.component(space=process)
    # A second process whose active step keeps supports hidden.
    quiet = await make.process()
    step = await make.step(process=quiet, active=True)
    quiet_component = await make.component(space=quiet, step_settings={str(step.id): {"votes_hidden": True}})
    private = await make.process(private_space=True)
    unpublished_space = await make.process(published_at=None)
    unpublished_component = await make.component(space=process, published_at=None)
    category = await make.category(space=process)
    town = await make.scope()
    group = await make.group(nickname="collectif")
    blocked = await make.user(blocked=True, blocked_at=NOW)
    deleted = await make.user(deleted_at=NOW)
    voter = await make.user()

    answered = await make.proposal(
        component=component,
        state="accepted",
        state_published_at=NOW,
        answer=tr("Oui, on le fait.", "Yes, we will."),
        answered_at=NOW,
        address="2 place Royale, Nantes",
        latitude=47.2,
        longitude=-1.55,
        category_id=category.id,
        scope_id=town.id,
        reference="P-1",
    )
    await make.vote(proposal=answered, author=voter)
    await make.endorsement(proposal=answered, author=voter)
    unpublished_answer = await make.proposal(
        component=component, state="rejected", answer=tr("Pas encore publié."), answered_at=NOW
    )
    withdrawn = await make.proposal(component=component, withdrawn_at=NOW)
    official = await make.proposal(component=component, official=True)
    by_group = await make.proposal(component=component, user_group=group)
    by_blocked = await make.proposal(component=component, author=blocked)
    by_deleted = await make.proposal(component=component, author=deleted)
    hidden_votes = await make.proposal(component=quiet_component)
    await make.vote(proposal=hidden_votes, author=voter)
    never = [
        await make.proposal(component=component, published_at=None),  # draft
        await make.proposal(component=component, hidden_at=NOW),  # moderated
        await make.proposal(component=await make.component(space=private)),
        await make.proposal(component=await make.component(space=unpublished_space)),
        await make.proposal(component=unpublished_component),
        await make.proposal(component=await make.component(space=await make.process(organization=other_org))),
    ]
    public = [answered, unpublished_answer, withdrawn, official, by_group, by_blocked, by_deleted, hidden_votes]

    rows = await export(app, PROPOSALS, org)
    api = await execute(PROPOSAL_NODES, {"ids": [str(p.id) for p in public + never]}, organization=org)

    assert "errors" not in api
    nodes = [n for n in api["data"]["nodes"] if n]
    assert [r["id"] for r in rows] == [int(n["id"]) for n in nodes] == [p.id for p in public]
    for row, node in zip(rows, nodes, strict=True):
        assert row["title"] == {"fr": node["title"]["translation"], "en": row["title"]["en"]}
        assert row["state"] == node["state"]
        assert (row["answer"] or {}).get("fr") == (node["answer"] or {}).get("translation")
        assert row["answered_at"] == _parse(node["answeredAt"])
        assert row["votes_count"] == node["voteCount"]
        assert row["endorsements_count"] == node["endorsementsCount"]
        assert row["comments_count"] == node["totalCommentsCount"]
        assert row["official"] == node["official"]
        assert (row["withdrawn_at"] is not None) == node["withdrawn"]
        assert (row["author_id"], row["author_nickname"]) == _author(node)
        assert row["category_id"] == (int(node["category"]["id"]) if node["category"] else None)
        assert row["scope_id"] == (int(node["scope"]["id"]) if node["scope"] else None)
        assert row["address"] == node["address"]
        coordinates = node["coordinates"]
        assert (row["latitude"], row["longitude"]) == (
            (coordinates["latitude"], coordinates["longitude"]) if coordinates else (None, None)
        )
        assert row["reference"] == node["reference"]

    by_id = {r["id"]: r for r in rows}
    assert by_id[answered.id] | {"created_at": None, "updated_at": None} == {
        "id": answered.id,
        "component_id": component.id,
        "space_type": "Decidim::ParticipatoryProcess",
        "space_id": process.id,
        "reference": "P-1",
        "title": answered.title,
        "body": answered.body,
        "state": "accepted",
        "answer": {"fr": "Oui, on le fait.", "en": "Yes, we will."},
        "answered_at": NOW,
        "official": False,
        "author_id": by_id[answered.id]["author_id"],
        "author_nickname": by_id[answered.id]["author_nickname"],
        "coauthors_count": 1,
        "votes_count": 1,
        "endorsements_count": 1,
        "comments_count": 0,
        "address": "2 place Royale, Nantes",
        "latitude": 47.2,
        "longitude": -1.55,
        "category_id": category.id,
        "scope_id": town.id,
        "published_at": NOW,
        "withdrawn_at": None,
        "created_at": None,
        "updated_at": None,
    }
    # The restitution: an answer not yet published stays out, with its state.
    assert (by_id[unpublished_answer.id]["state"], by_id[unpublished_answer.id]["answer"]) == (None, {})
    assert by_id[unpublished_answer.id]["answered_at"] is None
    assert by_id[hidden_votes.id]["votes_count"] is None
    assert (by_id[official.id]["author_id"], by_id[official.id]["official"]) == (None, True)
    assert (by_id[by_group.id]["author_id"], by_id[by_group.id]["author_nickname"]) == (group.id, "collectif")
    assert by_id[by_blocked.id]["author_id"] is None
    assert by_id[by_deleted.id]["author_id"] is None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


COMMENTS = """
query ($id: String!) {
  commentable(id: $id, type: "Decidim::Proposals::Proposal", locale: "fr", toggleTranslations: false) {
    comments { ...C comments { ...C comments { ...C } } }
  }
}
fragment C on Comment { id body deleted edited alignment upVotes downVotes author { id nickname } }
"""


def _flatten(comments: list[dict[str, Any]], parent: int | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in comments:
        out.append(c | {"parent_id": parent})
        out.extend(_flatten(c.get("comments") or [], int(c["id"])))
    return out


async def comment(make: Make, on: Any, author: models.User, **kw: Any) -> models.Comment:
    parent: models.Comment | None = kw.pop("parent", None)
    row = models.Comment(
        organization_id=on.organization_id,
        commentable_kind=ResourceKind.COMMENT.value if parent else ResourceKind.PROPOSAL.value,
        commentable_id=parent.id if parent else on.id,
        root_kind=ResourceKind.PROPOSAL.value,
        root_id=on.id,
        parent_id=parent.id if parent else None,
        depth=parent.depth + 1 if parent else 0,
        author_id=author.id,
        body=kw.pop("body", {"fr": f"Un avis de {author.nickname}."}),
        **kw,
    )
    return await make.save(row)  # type: ignore[no-any-return]


async def test_proposal_comments_file_matches_the_threads_an_anonymous_client_reads(
    app: Any, make: Make, execute: Any
) -> None:
    org = await make.org(None)
    component = await make.component()
    proposal = await make.proposal(component=component)
    withdrawn = await make.proposal(component=component, withdrawn_at=NOW)
    hidden_proposal = await make.proposal(component=component, hidden_at=NOW)
    private_proposal = await make.proposal(component=await make.component(space=await make.process(private_space=True)))
    alice = await make.user(nickname="alice")
    blocked = await make.user(blocked=True, blocked_at=NOW)
    gone = await make.user(deleted_at=NOW)
    group = await make.group(nickname="quartier")

    top = await comment(make, proposal, alice, alignment=1, up_votes_count=2, down_votes_count=1)
    reply_blocked = await comment(make, proposal, blocked, parent=top)
    reply_reply = await comment(make, proposal, alice, parent=reply_blocked, edited_at=NOW)
    as_group = await comment(make, proposal, alice, user_group_id=group.id, alignment=-1)
    deleted_one = await comment(make, proposal, alice, deleted_at=NOW, body={"fr": "Message retiré."})
    reply_to_deleted = await comment(make, proposal, gone, parent=deleted_one)
    on_withdrawn = await comment(make, withdrawn, alice)
    hidden = await comment(make, proposal, alice, hidden_at=NOW)
    under_hidden = await comment(make, proposal, alice, parent=hidden)
    hidden_reply = await comment(make, proposal, alice, parent=top, hidden_at=NOW)
    never = [
        hidden,
        under_hidden,
        hidden_reply,
        await comment(make, proposal, alice, parent=hidden_reply),
        await comment(make, hidden_proposal, alice),
        await comment(make, private_proposal, alice),
    ]

    rows = await export(app, PROPOSAL_COMMENTS, org)
    seen: list[dict[str, Any]] = []
    for target in (proposal, withdrawn, hidden_proposal, private_proposal):
        found = await execute(COMMENTS, {"id": str(target.id)}, organization=org)
        if found["data"]["commentable"] is not None:
            seen.extend(_flatten(found["data"]["commentable"]["comments"]))
    seen.sort(key=lambda c: int(c["id"]))

    expected_ids = [top, reply_blocked, reply_reply, as_group, deleted_one, reply_to_deleted, on_withdrawn]
    assert [r["id"] for r in rows] == [int(c["id"]) for c in seen] == sorted(c.id for c in expected_ids)
    assert not {c.id for c in never} & {r["id"] for r in rows}
    for row, api in zip(rows, seen, strict=True):
        assert (row["body"].get("fr") or "") == api["body"]
        assert row["deleted"] == api["deleted"]
        assert row["edited"] == api["edited"]
        assert row["parent_id"] == api["parent_id"]
        assert (row["alignment"], row["up_votes_count"], row["down_votes_count"]) == (
            api["alignment"],
            api["upVotes"],
            api["downVotes"],
        )
        author = api["author"]
        assert (row["author_id"], row["author_nickname"]) == (
            (int(author["id"]), author["nickname"].removeprefix("@")) if author["nickname"] else (None, None)
        )

    by_id = {r["id"]: r for r in rows}
    assert by_id[top.id] | {"created_at": None} == {
        "id": top.id,
        "proposal_id": proposal.id,
        "parent_id": None,
        "depth": 0,
        "body": {"fr": "Un avis de alice."},
        "deleted": False,
        "edited": False,
        "alignment": 1,
        "up_votes_count": 2,
        "down_votes_count": 1,
        "author_id": alice.id,
        "author_nickname": "alice",
        "created_at": None,
    }
    assert (by_id[deleted_one.id]["body"], by_id[deleted_one.id]["deleted"]) == ({}, True)
    assert by_id[reply_to_deleted.id]["parent_id"] == deleted_one.id
    assert by_id[reply_to_deleted.id]["author_id"] is None
    assert by_id[reply_blocked.id]["author_id"] is None
    assert (by_id[as_group.id]["author_id"], by_id[as_group.id]["author_nickname"]) == (group.id, "quartier")
    assert (by_id[reply_reply.id]["depth"], by_id[reply_reply.id]["edited"]) == (2, True)
