"""``Accountability.results`` and ``result(id)``: Decidim's fields, Participa's filter, order and pages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import models
from tests.accountability.conftest import accountability_component, entry, link, result, status
from tests.builders import NOW, Make, tr

LIST = """
query($c: ID!, $filter: ResultFilter, $order: ResultSort, $first: Int, $after: String) {
  component(id: $c) {
    ... on Accountability {
      results(filter: $filter, order: $order, first: $first, after: $after) {
        nodes { id }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
}
"""

ONE = """
query($c: ID!, $id: ID!) {
  component(id: $c) {
    __typename
    ... on Accountability {
      result(id: $id) {
        __typename id type title { translation(locale: "fr") } description { translation(locale: "en") }
        reference startDate endDate progress childrenCount weight externalId
        createdAt
        status { key name { translation(locale: "fr") } progress }
        parent { id }
        children { id title { translation(locale: "fr") } }
        timelineEntries { entryDate title { translation(locale: "fr") } result { id } }
        category { id } scope { id }
        linkedProposals { id }
        acceptsNewComments totalCommentsCount hasComments commentsHaveVotes
      }
    }
  }
}
"""


async def listed(execute: Any, org: Any, component: models.Component, **variables: Any) -> dict[str, Any]:
    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)
    assert "errors" not in body, body
    return body["data"]["component"]["results"]  # type: ignore[no-any-return]


def ids(*rows: Any) -> list[dict[str, str]]:
    return [{"id": str(r.id)} for r in rows]


async def test_anonymous_visitor_reads_a_result_with_every_relation(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await accountability_component(make, space=process)
    done = await status(make, component=component, key="done", name=tr("Réalisé", "Done"), progress=100)
    category = await make.category(space=process)
    scope = await make.scope()
    proposal = await make.proposal(component=await make.component(space=process))
    hidden = await make.proposal(component=await make.component(space=process), hidden_at=NOW)
    parent = await result(
        make,
        component=component,
        title=tr("Réaménager la place", "Redesign the square"),
        description=tr("Travaux", "Works"),
        reference="LA-RESU-2026-01-1",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        progress=10.0,
        weight=2,
        external_id="ext-1",
        status_id=done.id,
        category_id=category.id,
        scope_id=scope.id,
        comments_count=3,
    )
    child = await result(make, component=component, parent=parent, title=tr("Planter des arbres"), progress=40.0)
    await entry(make, result=parent, entry_date=date(2026, 6, 1), title=tr("Chantier"))
    await entry(make, result=parent, entry_date=date(2026, 2, 1), title=tr("Concertation"))
    await link(make, result=parent, proposal=proposal)
    await link(make, result=parent, proposal=hidden)

    body = await execute(ONE, {"c": str(component.id), "id": str(parent.id)}, organization=org)

    found = body["data"]["component"]["result"]
    assert found.pop("createdAt")
    assert body == {
        "data": {
            "component": {
                "__typename": "Accountability",
                "result": {
                    "__typename": "Result",
                    "id": str(parent.id),
                    "type": "Decidim::Accountability::Result",
                    "title": {"translation": "Réaménager la place"},
                    "description": {"translation": "Works"},
                    "reference": "LA-RESU-2026-01-1",
                    "startDate": "2026-01-01",
                    "endDate": "2026-12-31",
                    # One child: the parent shows the child's progress, not its own 10.
                    "progress": 40.0,
                    "childrenCount": 1,
                    "weight": 2,
                    "externalId": "ext-1",
                    "status": {"key": "done", "name": {"translation": "Réalisé"}, "progress": 100},
                    "parent": None,
                    "children": [{"id": str(child.id), "title": {"translation": "Planter des arbres"}}],
                    "timelineEntries": [
                        {
                            "entryDate": "2026-02-01",
                            "title": {"translation": "Concertation"},
                            "result": {"id": str(parent.id)},
                        },
                        {
                            "entryDate": "2026-06-01",
                            "title": {"translation": "Chantier"},
                            "result": {"id": str(parent.id)},
                        },
                    ],
                    "category": {"id": str(category.id)},
                    "scope": {"id": str(scope.id)},
                    "linkedProposals": [{"id": str(proposal.id)}],
                    "acceptsNewComments": True,
                    "totalCommentsCount": 3,
                    "hasComments": True,
                    "commentsHaveVotes": True,
                },
            }
        }
    }


async def test_results_list_parents_and_children_in_id_order_by_keyset_pages(
    make: Make, execute: Any, org: Any
) -> None:
    component = await accountability_component(make)
    first = await result(make, component=component)
    second = await result(make, component=component, parent=first)
    third = await result(make, component=component)
    await result(make, component=await accountability_component(make))  # another component's

    page = await listed(execute, org, component, first=2)
    rest = await listed(execute, org, component, first=2, after=page["pageInfo"]["endCursor"])

    assert (page["nodes"], page["pageInfo"]["hasNextPage"], page["totalCount"]) == (ids(first, second), True, 3)
    assert (rest["nodes"], rest["pageInfo"]["hasNextPage"]) == (ids(third), False)


async def test_results_filter_by_tree_status_category_scope_and_external_id(make: Make, execute: Any, org: Any) -> None:
    process = await make.process()
    component = await accountability_component(make, space=process)
    ongoing = await status(make, component=component)
    category = await make.category(space=process)
    subcategory = await make.category(space=process, parent_id=category.id)
    scope = await make.scope()
    root = await result(make, component=component, status_id=ongoing.id, external_id="A-1")
    child = await result(make, component=component, parent=root, category_id=subcategory.id)
    other = await result(make, component=component, scope_id=scope.id)

    cases = {
        "topLevel true": ({"topLevel": True}, ids(root, other)),
        "topLevel false": ({"topLevel": False}, ids(child)),
        "parentId": ({"parentId": str(root.id)}, ids(child)),
        "statusId": ({"statusId": str(ongoing.id)}, ids(root)),
        "categoryId (with subcategories)": ({"categoryId": str(category.id)}, ids(child)),
        "scopeId": ({"scopeId": str(scope.id)}, ids(other)),
        "externalId": ({"externalId": " A-1 "}, ids(root)),
    }
    for name, (filter_, expected) in cases.items():
        found = await listed(execute, org, component, filter=filter_)
        assert (name, found["nodes"], found["totalCount"]) == (name, expected, len(expected))


async def test_results_sort_by_dates_and_weight_with_undated_ones_last(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    late = await result(make, component=component, start_date=date(2026, 9, 1), weight=1)
    undated = await result(make, component=component, weight=5)
    early = await result(make, component=component, start_date=date(2026, 3, 1), weight=5)

    by_start = await listed(execute, org, component, order={"startDate": "ASC"}, first=2)
    after = await listed(execute, org, component, order={"startDate": "ASC"}, after=by_start["pageInfo"]["endCursor"])
    by_weight = await listed(execute, org, component, order={"weight": "DESC"})

    assert by_start["nodes"] + after["nodes"] == ids(early, late, undated)
    assert by_weight["nodes"] == ids(undated, early, late)


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"order": {"weight": "sideways"}}, "order.weight"),
        ({"filter": {"statusId": "abc"}}, "filter.statusId"),
        ({"after": "not-a-cursor"}, "after"),
        ({"first": 51}, "first"),
    ],
)
async def test_bad_result_list_arguments_are_the_clients_mistake(
    make: Make, execute: Any, org: Any, variables: dict[str, Any], field: str
) -> None:
    component = await accountability_component(make)

    body = await execute(LIST, {"c": str(component.id), **variables}, organization=org)

    assert [(e["extensions"]["code"], list(e["extensions"]["fields"])) for e in body["errors"]] == [
        ("BAD_USER_INPUT", [field])
    ]


async def test_a_cursor_from_another_order_is_refused(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    await result(make, component=component)
    await result(make, component=component)
    page = await listed(execute, org, component, order={"weight": "ASC"}, first=1)

    body = await execute(LIST, {"c": str(component.id), "after": page["pageInfo"]["endCursor"]}, organization=org)

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"after": "invalid cursor"}}


async def test_statuses_are_listed_in_their_order_with_their_results(make: Make, execute: Any, org: Any) -> None:
    component = await accountability_component(make)
    second = await status(make, component=component, key="done", position=2)
    first = await status(make, component=component, key="todo", position=1, progress=0)
    row = await result(make, component=component, status_id=first.id)
    await result(make, component=component, status_id=first.id, deleted_at=NOW)
    query = """query($c: ID!) { component(id: $c) { ... on Accountability {
      statuses { id key progress createdAt results { id } } } } }"""

    body = await execute(query, {"c": str(component.id)}, organization=org)

    assert body["data"]["component"]["statuses"] == [
        {
            "id": str(first.id),
            "key": "todo",
            "progress": 0,
            "createdAt": first.created_at.date().isoformat(),
            "results": ids(row),
        },
        {
            "id": str(second.id),
            "key": "done",
            "progress": None,
            "createdAt": second.created_at.date().isoformat(),
            "results": [],
        },
    ]
