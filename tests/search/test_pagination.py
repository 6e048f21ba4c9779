"""Search results page by keyset cursors: stable, complete, no duplicates, at most 50 per page."""

from __future__ import annotations

from typing import Any

from tests.builders import Make
from tests.search.conftest import fr, ids


async def _benches(make: Make, n: int) -> list[int]:
    component = await make.component()
    made = []
    for i in range(n):
        # Different lengths give different ranks; equal ones fall back to the id.
        body = fr("Un banc. " + "Texte. " * (i % 4))
        proposal = await make.proposal(component=component, title=fr(f"Banc {i}"), body=body)
        assert proposal.id is not None
        made.append(proposal.id)
    return made


async def test_pages_cover_every_result_once_best_first(make: Make, search: Any) -> None:
    made = await _benches(make, 12)

    seen: list[dict[str, Any]] = []
    after = None
    pages = 0
    while True:
        page = await search("banc", selection="id rank", first=5, after=after)
        assert page["totalCount"] == 12
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += page["nodes"]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert pages == 3
    assert sorted(int(n["id"]) for n in seen) == sorted(made)
    order = [(-n["rank"], int(n["id"])) for n in seen]
    assert order == sorted(order)


async def test_a_cursor_stays_valid_when_better_results_appear(make: Make, search: Any) -> None:
    await _benches(make, 6)
    first = await search("banc", first=3)
    rest_before = await search("banc", first=10, after=first["pageInfo"]["endCursor"])

    await make.proposal(title=fr("Banc banc banc"), body=fr("Banc, banc et banc."))

    rest_after = await search("banc", first=10, after=first["pageInfo"]["endCursor"])
    assert ids(rest_after) == ids(rest_before)
    assert not set(ids(first)) & set(ids(rest_after))
    assert rest_after["totalCount"] == 7


async def test_first_zero_gives_only_the_count(make: Make, search: Any) -> None:
    await _benches(make, 3)

    page = await search("banc", first=0)

    assert page == {
        "totalCount": 3,
        "pageInfo": {"hasNextPage": True, "hasPreviousPage": False, "endCursor": None},
        "nodes": [],
    }


async def test_a_page_past_the_end_is_empty_but_counted(make: Make, search: Any) -> None:
    await _benches(make, 2)
    page = await search("banc", first=2)

    after = await search("banc", first=2, after=page["pageInfo"]["endCursor"])

    assert after == {
        "totalCount": 2,
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": True, "endCursor": None},
        "nodes": [],
    }


async def test_more_than_fifty_per_page_is_refused(search: Any) -> None:
    body = await search("banc", raw=True, first=51)

    assert [(e["extensions"]["code"], e["extensions"]["fields"]) for e in body["errors"]] == [
        ("BAD_USER_INPUT", {"first": "must be between 0 and 50"})
    ]


async def test_a_forged_cursor_is_refused(search: Any) -> None:
    for cursor in ("nonsense", "WyJ4IiwxXQ"):  # the second is ["x",1]
        body = await search("banc", raw=True, after=cursor)
        assert [(e["extensions"]["code"], e["extensions"]["fields"]) for e in body["errors"]] == [
            ("BAD_USER_INPUT", {"after": "invalid cursor"})
        ]


async def test_edges_carry_the_cursors_of_their_nodes(make: Make, execute: Any, org: Any) -> None:
    await _benches(make, 2)

    body = await execute(
        '{ search(term: "banc", first: 1) { edges { cursor node { id } } pageInfo { endCursor } } }', organization=org
    )

    edges = body["data"]["search"]["edges"]
    assert len(edges) == 1
    assert edges[0]["cursor"] == body["data"]["search"]["pageInfo"]["endCursor"]
