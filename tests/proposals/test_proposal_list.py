"""``Proposals.proposals(filter, order, first/after/last/before)``: Decidim's connection, plus Participa's filters."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

import models
from tests.builders import Make, tr
from tests.proposals.conftest import proposals_component

LIST = """
query(
  $c: ID!, $filter: ProposalFilter, $order: ProposalSort, $first: Int, $after: String, $last: Int, $before: String
) {
  component(id: $c) {
    ... on Proposals {
      proposals(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {
        nodes { id }
      }
    }
  }
}
"""

PAGE = """
query($c: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  component(id: $c) {
    ... on Proposals {
      proposals(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        totalCount
      }
    }
  }
}
"""


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=UTC)


async def ids(execute: Any, org: Any, component: models.Component, **variables: Any) -> list[str]:
    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)
    assert "errors" not in body, body
    return [n["id"] for n in body["data"]["component"]["proposals"]["nodes"]]


def idlist(*rows: Any) -> list[str]:
    return [str(r.id) for r in rows]


async def test_proposals_come_in_id_order_by_default_with_withdrawn_ones(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    a = await make.proposal(component=component)
    b = await make.proposal(component=component, withdrawn_at=at("2026-01-20"))
    c = await make.proposal(component=component)
    await make.proposal()  # another component's

    assert await ids(execute, org, component) == idlist(a, b, c)


async def test_published_before_and_since_filter_as_decidim(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    early = await make.proposal(component=component, published_at=at("2026-01-01"))
    middle = await make.proposal(component=component, published_at=at("2026-01-10"))
    late = await make.proposal(component=component, published_at=at("2026-01-20"))

    assert await ids(execute, org, component, filter={"publishedBefore": "2026-01-10"}) == idlist(early)
    assert await ids(execute, org, component, filter={"publishedSince": "2026-01-10"}) == idlist(middle, late)


async def test_state_filter_sees_only_published_answers(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    accepted = await make.proposal(component=component, state="accepted", state_published_at=at("2026-01-02"))
    secretly = await make.proposal(component=component, state="accepted", state_published_at=None)
    unanswered = await make.proposal(component=component)

    assert await ids(execute, org, component, filter={"state": "ACCEPTED"}) == idlist(accepted)
    assert await ids(execute, org, component, filter={"state": "not_answered"}) == idlist(secretly, unanswered)


async def test_category_filter_includes_subcategories(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await proposals_component(make, space=process)
    mobility = await make.category(space=process)
    cycling = await make.category(space=process, parent_id=mobility.id)
    other = await make.category(space=process)
    in_parent = await make.proposal(component=component, category_id=mobility.id)
    in_child = await make.proposal(component=component, category_id=cycling.id)
    await make.proposal(component=component, category_id=other.id)
    await make.proposal(component=component)

    assert await ids(execute, org, component, filter={"categoryId": str(mobility.id)}) == idlist(in_parent, in_child)
    assert await ids(execute, org, component, filter={"categoryId": str(cycling.id)}) == idlist(in_child)


async def test_scope_filter(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    nantes = await make.scope()
    here = await make.proposal(component=component, scope_id=nantes.id)
    await make.proposal(component=component, scope_id=(await make.scope()).id)

    assert await ids(execute, org, component, filter={"scopeId": str(nantes.id)}) == idlist(here)


async def test_author_filter_matches_coauthors_and_groups(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    camille = await make.user()
    group = await make.group()
    created = await make.proposal(component=component, author=camille)
    coauthored = await make.proposal(component=component, coauthors=(camille,))
    for_group = await make.proposal(component=component, user_group=group)
    await make.proposal(component=component)

    assert await ids(execute, org, component, filter={"authorId": str(camille.id)}) == idlist(created, coauthored)
    assert await ids(execute, org, component, filter={"authorId": str(group.id)}) == idlist(for_group)


async def test_search_ignores_case_and_accents_in_the_chosen_locale(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    title_hit = await make.proposal(component=component, title=tr("Vélos en centre-ville", "Bikes downtown"))
    body_hit = await make.proposal(component=component, body=tr("Plus de VELOS sur les quais", "More bikes"))
    await make.proposal(component=component, title=tr("Arbres", "Velos everywhere"))
    wildcard = await make.proposal(component=component, title=tr("Taux de 100% vélo"))

    assert await ids(execute, org, component, filter={"search": "  velos "}) == idlist(title_hit, body_hit)
    assert await ids(execute, org, component, filter={"search": "100%"}) == idlist(wildcard)
    assert await ids(execute, org, component, filter={"search": "%"}) == idlist(wildcard)


async def test_search_in_english_reads_the_english_texts(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    english = await make.proposal(component=component, title=tr("Arbres", "Trees and velos"))
    await make.proposal(component=component, title=tr("Vélos", "Bikes"))

    assert await ids(execute, org, component, filter={"search": "VÉLOS", "locale": "en"}) == idlist(english)


async def test_withdrawn_filter(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    active = await make.proposal(component=component)
    withdrawn = await make.proposal(component=component, withdrawn_at=at("2026-01-20"))

    assert await ids(execute, org, component, filter={"withdrawn": True}) == idlist(withdrawn)
    assert await ids(execute, org, component, filter={"withdrawn": False}) == idlist(active)


async def _counted(make: Make, component: models.Component, *, votes: int, endorsements: int, day: str) -> Any:
    return await make.proposal(
        component=component, votes_count=votes, endorsements_count=endorsements, published_at=at(day)
    )


async def test_sorts_by_each_decidim_key_with_id_breaking_ties(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    a = await _counted(make, component, votes=5, endorsements=1, day="2026-01-03")
    b = await _counted(make, component, votes=1, endorsements=3, day="2026-01-01")
    c = await _counted(make, component, votes=5, endorsements=3, day="2026-01-02")

    assert await ids(execute, org, component, order={"voteCount": "DESC"}) == idlist(a, c, b)
    assert await ids(execute, org, component, order={"voteCount": "desc", "id": "DESC"}) == idlist(c, a, b)
    assert await ids(execute, org, component, order={"endorsementCount": "ASC"}) == idlist(a, b, c)
    assert await ids(execute, org, component, order={"publishedAt": "ASC"}) == idlist(b, c, a)
    assert await ids(execute, org, component, order={"id": "DESC"}) == idlist(c, b, a)


async def test_vote_order_is_ignored_while_supports_are_hidden(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make, step={"votes_enabled": True, "votes_hidden": True})
    few = await _counted(make, component, votes=1, endorsements=0, day="2026-01-01")
    many = await _counted(make, component, votes=9, endorsements=0, day="2026-01-02")

    assert await ids(execute, org, component, order={"voteCount": "DESC"}) == idlist(few, many)


async def test_pages_forward_and_backward_with_cursors_and_total_count(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    rows = [await make.proposal(component=component) for _ in range(5)]
    c = str(component.id)

    first = (await execute(PAGE, {"c": c, "first": 2}, organization=org))["data"]["component"]["proposals"]
    assert [e["node"]["id"] for e in first["edges"]] == idlist(*rows[:2])
    assert first["pageInfo"] | {"startCursor": None, "endCursor": None} == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    assert first["totalCount"] == 5

    after = first["pageInfo"]["endCursor"]
    second = (await execute(PAGE, {"c": c, "first": 3, "after": after}, organization=org))["data"]["component"]
    page = second["proposals"]
    assert [e["node"]["id"] for e in page["edges"]] == idlist(*rows[2:])
    assert (page["pageInfo"]["hasNextPage"], page["pageInfo"]["hasPreviousPage"]) == (False, True)

    before = page["edges"][0]["cursor"]
    back = (await execute(PAGE, {"c": c, "last": 1, "before": before}, organization=org))["data"]["component"]
    assert [e["node"]["id"] for e in back["proposals"]["edges"]] == idlist(rows[1])
    assert back["proposals"]["pageInfo"]["hasPreviousPage"] is True


async def test_a_cursor_stays_valid_when_proposals_are_published_meanwhile(make: Make, execute: Any, org: Any) -> None:
    component = await proposals_component(make)
    rows = [await make.proposal(component=component, votes_count=n) for n in (9, 7, 5, 3)]
    order = {"voteCount": "DESC"}
    first = await ids(execute, org, component, order=order, first=2)
    body = await execute(
        LIST.replace("nodes { id }", "pageInfo { endCursor }"),
        {"c": str(component.id), "order": order, "first": 2},
        organization=org,
    )
    cursor = body["data"]["component"]["proposals"]["pageInfo"]["endCursor"]

    await make.proposal(component=component, votes_count=8)  # would shift an offset-based page by one
    rest = await ids(execute, org, component, order=order, first=10, after=cursor)

    assert first == idlist(rows[0], rows[1])
    assert rest == idlist(rows[2], rows[3])


def _forged(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"filter": {"publishedBefore": "yesterday"}}, "filter.publishedBefore"),
        ({"filter": {"categoryId": "abc"}}, "filter.categoryId"),
        ({"filter": {"locale": "xx"}}, "filter.locale"),
        ({"filter": {"search": "x" * 201}}, "filter.search"),
        ({"order": {"voteCount": "UP"}}, "order.voteCount"),
        ({"first": 1, "last": 1}, "last"),
        ({"after": "not-a-cursor"}, "after"),
        ({"after": _forged([{"t": "2026-01-01T00:00:00+00:00"}])}, "after"),  # a publishedAt cursor for the id order
        ({"after": _forged([2**70])}, "after"),
        ({"before": _forged([{"t": "garbage"}]), "order": {"publishedAt": "ASC"}}, "before"),
    ],
)
async def test_invalid_filter_sort_or_cursor_is_a_client_error(
    make: Make, execute: Any, org: Any, variables: dict[str, Any], field: str
) -> None:
    component = await proposals_component(make)
    await make.proposal(component=component)

    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)

    assert body["data"] == {"component": {"proposals": None}}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert field in body["errors"][0]["extensions"]["fields"]


@pytest.mark.parametrize("first", [51, -1])
async def test_a_page_size_outside_0_to_50_is_refused_before_anything_runs(
    make: Make, execute: Any, org: Any, first: int
) -> None:
    component = await proposals_component(make)

    body = await execute(LIST, {"c": str(component.id), "first": first}, organization=org)

    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
