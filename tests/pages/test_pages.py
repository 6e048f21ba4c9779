"""``Pages.pages`` and ``page(id)``: Decidim's fields, keyset pages, and who sees them."""

from __future__ import annotations

from typing import Any

from tests.builders import Make, tr
from tests.pages.conftest import as_admin, page, pages_component

LIST = """
query($c: ID!, $first: Int, $after: String) {
  component(id: $c) {
    __typename
    ... on Pages { pages(first: $first, after: $after) {
      nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }
  }
}
"""
ONE = """
query($c: ID!, $id: ID!) {
  component(id: $c) { ... on Pages { page(id: $id) { __typename id title { translation(locale: "fr") }
    body { translation(locale: "en") } createdAt updatedAt } } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def test_anonymous_visitor_reads_a_page(make: Make, execute: Any, org: Any) -> None:
    component = await pages_component(make)
    row = await page(make, component=component, title=tr("Règlement"), body=tr("<p>Art. 1</p>", "<p>Rule 1</p>"))

    body = await execute(ONE, {"c": str(component.id), "id": str(row.id)}, organization=org)

    assert body == {
        "data": {
            "component": {
                "page": {
                    "__typename": "Page",
                    "id": str(row.id),
                    "title": {"translation": "Règlement"},
                    "body": {"translation": "<p>Rule 1</p>"},
                    "createdAt": row.created_at.isoformat(),  # type: ignore[union-attr]
                    "updatedAt": row.updated_at.isoformat(),  # type: ignore[union-attr]
                }
            }
        }
    }


async def test_pages_are_listed_oldest_first_by_keyset_pages(make: Make, execute: Any, org: Any) -> None:
    component = await pages_component(make)
    rows = [await page(make, component=component) for _ in range(3)]
    await page(make)  # another component's

    first = await execute(LIST, {"c": str(component.id), "first": 2}, organization=org)
    listing = first["data"]["component"]["pages"]
    rest = await execute(LIST, {"c": str(component.id), "after": listing["pageInfo"]["endCursor"]}, organization=org)

    assert [n["id"] for n in listing["nodes"]] == [str(r.id) for r in rows[:2]]
    assert [e["node"]["id"] for e in listing["edges"]] == [str(r.id) for r in rows[:2]]
    assert (listing["pageInfo"]["hasNextPage"], listing["totalCount"]) == (True, 3)
    assert rest["data"]["component"]["pages"]["nodes"] == [{"id": str(rows[2].id)}]


async def test_a_page_is_a_node(make: Make, execute: Any, org: Any) -> None:
    row = await page(make)

    assert await execute(NODE, {"id": str(row.id)}, organization=org) == {
        "data": {"node": {"__typename": "Page", "id": str(row.id)}}
    }


async def test_pages_of_an_unpublished_component_are_for_admins_only(make: Make, execute: Any, org: Any) -> None:
    component = await pages_component(make, published_at=None)
    row = await page(make, component=component)
    admin = await make.user(admin=True)

    anonymous = await execute(NODE, {"id": str(row.id)}, organization=org)
    through = await execute(ONE, {"c": str(component.id), "id": str(row.id)}, organization=org)
    seen = await execute(NODE, {"id": str(row.id)}, organization=org, viewer=as_admin(admin))

    assert (anonymous["data"]["node"], through["data"]["component"]) == (None, None)
    assert seen["data"]["node"] == {"__typename": "Page", "id": str(row.id)}


async def test_another_organizations_pages_are_never_reachable(make: Make, execute: Any, org: Any) -> None:
    elsewhere = await make.organization()
    row = await page(make, component=await pages_component(make, space=await make.process(organization=elsewhere)))

    assert (await execute(NODE, {"id": str(row.id)}, organization=org))["data"]["node"] is None


async def test_a_page_asked_through_another_component_is_null(make: Make, execute: Any, org: Any) -> None:
    row = await page(make)
    other = await pages_component(make)

    body = await execute(ONE, {"c": str(other.id), "id": str(row.id)}, organization=org)

    assert body == {"data": {"component": {"page": None}}}


async def test_pages_are_not_commentable(make: Make, execute: Any, org: Any) -> None:
    row = await page(make)
    query = """query($id: String!) {
      commentable(id: $id, type: "Decidim::Pages::Page", locale: "fr", toggleTranslations: false) { id } }"""

    body = await execute(query, {"id": str(row.id)}, organization=org)

    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]


async def test_a_bad_cursor_is_the_clients_mistake(make: Make, execute: Any, org: Any) -> None:
    component = await pages_component(make)

    body = await execute(LIST, {"c": str(component.id), "after": "xyz"}, organization=org)

    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "fields": {"after": "invalid cursor"}}
