"""Every field of ``Proposal``, read as Decidim clients read them (plus Participa's viewer fields)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import NOW, Make, tr
from tests.proposals.conftest import as_, proposals_component, reload

PROPOSAL = ResourceKind.PROPOSAL.value

FULL = """
query($c: ID!, $p: ID!) {
  component(id: $c) {
    __typename
    ... on Proposals {
      proposal(id: $p) {
        __typename id type
        title { translation(locale: "fr") } body { translation(locale: "en") }
        address coordinates { latitude longitude } reference
        state answer { translation(locale: "fr") } answeredAt publishedAt
        participatoryTextLevel position official createdInMeeting meeting { id }
        withdrawn withdrawnAt voteCount endorsementsCount
        endorsements { __typename nickname }
        author { __typename nickname } authors { nickname } authorsCount
        category { id } scope { id }
        attachments { title { translation(locale: "fr") } }
        fingerprint { value source }
        versionsCount versions { id editor { nickname } changeset }
        amendments { id }
        createdAt updatedAt
        acceptsNewComments commentsHaveAlignment commentsHaveVotes totalCommentsCount hasComments
        viewerHasSupported viewerHasEndorsed viewerCanEdit
      }
    }
  }
}
"""


async def _version(make: Make, proposal: models.Proposal, *, by: models.User, changes: dict[str, Any]) -> Any:
    return await make.save(
        models.Version(
            organization_id=proposal.organization_id,
            item_kind=PROPOSAL,
            item_id=proposal.id,
            event="update",
            changeset=changes,
            whodunnit_id=by.id,
        )
    )


async def test_anonymous_visitor_reads_every_decidim_field_of_a_proposal(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await proposals_component(make, space=process, geocoding_enabled=True)
    author = await make.user(nickname="camille")
    coauthor = await make.user(nickname="dominique")
    fan = await make.user(nickname="fan")
    association = await make.group(nickname="velo-nantes")
    category = await make.category(space=process)
    scope = await make.scope()
    proposal = await make.proposal(
        component=component,
        author=author,
        coauthors=(coauthor,),
        title=tr("Une piste cyclable rue de Rennes", "A cycle lane"),
        body=tr("Sécuriser les trajets", "Make trips safe"),
        address="Rue de Rennes, Nantes",
        latitude=47.23,
        longitude=-1.56,
        reference="LA-PROP-2026-01-42",
        state="accepted",
        state_published_at=NOW,
        answer=tr("Retenue"),
        answered_at=NOW,
        category_id=category.id,
        scope_id=scope.id,
        comments_count=3,
    )
    await make.vote(proposal=proposal, author=fan)
    await make.endorsement(proposal=proposal, author=fan)
    await make.endorsement(proposal=proposal, author=author, user_group=association)
    await make.attachment(owner=proposal, attached_to_kind=PROPOSAL, title=tr("Plan"))
    version = await _version(make, proposal, by=author, changes={"title": [None, {"fr": "x"}]})
    proposal = await reload(make, proposal)

    body = await execute(FULL, {"c": str(component.id), "p": str(proposal.id)}, organization=org)

    source = json.dumps(
        {"body": proposal.body, "title": proposal.title}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert body == {
        "data": {
            "component": {
                "__typename": "Proposals",
                "proposal": {
                    "__typename": "Proposal",
                    "id": str(proposal.id),
                    "type": "Decidim::Proposals::Proposal",
                    "title": {"translation": "Une piste cyclable rue de Rennes"},
                    "body": {"translation": "Make trips safe"},
                    "address": "Rue de Rennes, Nantes",
                    "coordinates": {"latitude": 47.23, "longitude": -1.56},
                    "reference": "LA-PROP-2026-01-42",
                    "state": "accepted",
                    "answer": {"translation": "Retenue"},
                    "answeredAt": NOW.isoformat(),
                    "publishedAt": NOW.isoformat(),
                    "participatoryTextLevel": None,
                    "position": None,
                    "official": False,
                    "createdInMeeting": False,
                    "meeting": None,
                    "withdrawn": False,
                    "withdrawnAt": None,
                    "voteCount": 1,
                    "endorsementsCount": 2,
                    "endorsements": [
                        {"__typename": "User", "nickname": "@fan"},
                        {"__typename": "UserGroup", "nickname": "@velo-nantes"},
                    ],
                    "author": {"__typename": "User", "nickname": "@camille"},
                    "authors": [{"nickname": "@camille"}, {"nickname": "@dominique"}],
                    "authorsCount": 2,
                    "category": {"id": str(category.id)},
                    "scope": {"id": str(scope.id)},
                    "attachments": [{"title": {"translation": "Plan"}}],
                    "fingerprint": {"value": hashlib.sha256(source.encode()).hexdigest(), "source": source},
                    "versionsCount": 1,
                    "versions": [
                        {"id": str(version.id), "editor": {"nickname": "@camille"}, "changeset": version.changeset}
                    ],
                    "amendments": [],
                    "createdAt": proposal.created_at.isoformat(),  # type: ignore[union-attr]
                    "updatedAt": proposal.updated_at.isoformat(),  # type: ignore[union-attr]
                    "acceptsNewComments": True,
                    "commentsHaveAlignment": True,
                    "commentsHaveVotes": True,
                    "totalCommentsCount": 3,
                    "hasComments": True,
                    "viewerHasSupported": False,
                    "viewerHasEndorsed": False,
                    "viewerCanEdit": False,
                },
            }
        }
    }


ANSWER = (
    'query($id: ID!) { node(id: $id) { ... on Proposal { state answer { translation(locale: "fr") } answeredAt } } }'
)


async def test_an_unpublished_answer_shows_no_state_answer_or_date(make: Make, execute: Any, org: Any) -> None:
    proposal = await make.proposal(state="rejected", answer=tr("Non"), answered_at=NOW, state_published_at=None)

    body = await execute(ANSWER, {"id": str(proposal.id)}, organization=org)

    assert body == {"data": {"node": {"state": None, "answer": None, "answeredAt": None}}}


async def test_an_official_proposal_has_no_participant_author_but_counts_the_organization(
    make: Make, execute: Any, org: Any
) -> None:
    proposal = await make.proposal(official=True)

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Proposal { official author { id } authors { id } authorsCount } } }",
        {"id": str(proposal.id)},
        organization=org,
    )

    assert body == {"data": {"node": {"official": True, "author": None, "authors": [], "authorsCount": 1}}}


async def test_a_proposal_made_for_a_group_names_the_group_as_its_author(make: Make, execute: Any, org: Any) -> None:
    member = await make.user()
    group = await make.group(nickname="collectif")
    proposal = await make.proposal(author=member, user_group=group)

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Proposal { author { __typename nickname } } } }",
        {"id": str(proposal.id)},
        organization=org,
    )

    assert body == {"data": {"node": {"author": {"__typename": "UserGroup", "nickname": "@collectif"}}}}


async def test_blocked_authors_and_endorsers_are_left_out(make: Make, execute: Any, org: Any) -> None:
    blocked = await make.user(blocked=True)
    visible = await make.user(nickname="visible")
    proposal = await make.proposal(author=blocked, coauthors=(visible,))
    await make.endorsement(proposal=proposal, author=blocked)

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Proposal { author { id } authors { nickname } "
        "endorsements { nickname } endorsementsCount } } }",
        {"id": str(proposal.id)},
        organization=org,
    )

    assert body == {
        "data": {
            "node": {"author": None, "authors": [{"nickname": "@visible"}], "endorsements": [], "endorsementsCount": 1}
        }
    }


async def test_withdrawn_proposal_is_listed_as_withdrawn_and_closed_to_comments(
    make: Make, execute: Any, org: Any
) -> None:
    proposal = await make.proposal(withdrawn_at=NOW)

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Proposal { withdrawn withdrawnAt acceptsNewComments } } }",
        {"id": str(proposal.id)},
        organization=org,
    )

    assert body == {"data": {"node": {"withdrawn": True, "withdrawnAt": NOW.isoformat(), "acceptsNewComments": False}}}


async def test_comments_flags_follow_the_component_settings(make: Make, execute: Any, org: Any) -> None:
    disabled = await proposals_component(make, comments_enabled=False)
    blocked = await proposals_component(make, step={"comments_blocked": True})
    query = "query($id: ID!) { node(id: $id) { ... on Proposal { acceptsNewComments } } }"

    for component in (disabled, blocked):
        proposal = await make.proposal(component=component)
        body = await execute(query, {"id": str(proposal.id)}, organization=org)
        assert body == {"data": {"node": {"acceptsNewComments": False}}}


VIEWER = "query($id: ID!) { node(id: $id) { ... on Proposal { viewerHasSupported viewerHasEndorsed viewerCanEdit } } }"


async def test_viewer_fields_tell_a_participant_what_they_did_and_may_do(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, proposal_edit_time="infinite")
    me = await make.user()
    mine = await make.proposal(component=component, author=me)
    theirs = await make.proposal(component=component)
    await make.vote(proposal=theirs, author=me)
    await make.endorsement(proposal=theirs, author=me)

    own = await execute(VIEWER, {"id": str(mine.id)}, organization=org, viewer=as_(me))
    other = await execute(VIEWER, {"id": str(theirs.id)}, organization=org, viewer=as_(me))

    assert own == {"data": {"node": {"viewerHasSupported": False, "viewerHasEndorsed": False, "viewerCanEdit": True}}}
    assert other == {"data": {"node": {"viewerHasSupported": True, "viewerHasEndorsed": True, "viewerCanEdit": False}}}


async def test_an_author_can_no_longer_edit_once_the_edit_window_closed(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, proposal_edit_before_minutes=5)
    me = await make.user()
    old = await make.proposal(component=component, author=me, published_at=NOW - timedelta(days=1))

    body = await execute(VIEWER, {"id": str(old.id)}, organization=org, viewer=as_(me))

    assert body["data"]["node"]["viewerCanEdit"] is False


async def test_amendments_list_visible_emendations_but_not_drafts(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    amender = await make.user(nickname="amender")
    amended = await make.proposal(component=component)
    emendation = await make.proposal(component=component, author=amender)
    draft_emendation = await make.proposal(component=component, author=amender, published_at=None)

    async def amend(target: models.Proposal, state: str) -> models.Amendment:
        return await make.save(  # type: ignore[no-any-return]
            models.Amendment(
                organization_id=org.id,
                amendable_kind=PROPOSAL,
                amendable_id=amended.id,
                emendation_kind=PROPOSAL,
                emendation_id=target.id,
                amender_id=amender.id,
                state=state,
            )
        )

    amendment = await amend(emendation, "evaluating")
    await amend(draft_emendation, "draft")

    body = await execute(
        "query($id: ID!) { node(id: $id) { ... on Proposal { amendments { id state amendableType emendationType "
        "amender { nickname } amendable { id } "
        'emendation { id ... on Proposal { title { translation(locale: "fr") } } } } } } }',
        {"id": str(amended.id)},
        organization=org,
    )

    assert body == {
        "data": {
            "node": {
                "amendments": [
                    {
                        "id": str(amendment.id),
                        "state": "evaluating",
                        "amendableType": "Decidim::Proposals::Proposal",
                        "emendationType": "Decidim::Proposals::Proposal",
                        "amender": {"nickname": "@amender"},
                        "amendable": {"id": str(amended.id)},
                        "emendation": {"id": str(emendation.id), "title": {"translation": emendation.title["fr"]}},
                    }
                ]
            }
        }
    }
