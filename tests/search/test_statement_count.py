"""A page of search results with their objects costs the same number of statements at any size."""

from __future__ import annotations

from typing import Any

from tests.builders import Make
from tests.search.conftest import as_, comment, fr, post

PAGE = """
query {
  search(term: "fontaine", first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id resourceType rank title snippet locale
      space { id title { translation(locale: "fr") } }
      scope { id }
      resource {
        __typename id
        ... on Proposal { title { translation(locale: "fr") } author { nickname } }
        ... on Post { title { translation(locale: "fr") } }
        ... on Comment { body }
        ... on User { nickname }
      }
    }
  }
}
"""

# search (one statement: matches, count, page and snippets); resources by kind (processes, proposals,
# posts, comment refs, users); scopes; component settings (components, active steps); proposal
# authors (coauthorships, users); comment threads (their resources, comments, the viewer's votes).
EXPECTED_STATEMENTS = 14


async def _populate(make: Make, *, per_kind: int) -> Any:
    process = await make.process(title=fr("Les fontaines"))
    scope = await make.scope()
    proposals = await make.component(space=process)
    blogs = await make.component(space=process, manifest_name="blogs")
    viewer = await make.user()
    for n in range(per_kind):
        proposal = await make.proposal(component=proposals, title=fr(f"Fontaine {n}"), scope_id=scope.id)
        await comment(make, on=proposal, body=fr(f"Une fontaine, oui ({n})."))
        await post(make, component=blogs, title=fr(f"La fontaine {n}"))
        await make.user(name=f"Fontaine {n}")
    return viewer


async def _count(make: Make, execute: Any, count_queries: Any, org: Any, *, per_kind: int) -> tuple[int, list[str]]:
    viewer = await _populate(make, per_kind=per_kind)
    with count_queries() as log:
        body = await execute(PAGE, organization=org, viewer=as_(viewer))
    assert "errors" not in body, body
    nodes = body["data"]["search"]["nodes"]
    assert len(nodes) == min(50, 1 + 4 * per_kind)
    assert all(n["resource"] is not None for n in nodes)
    return log.count, log.statements


async def test_a_page_of_a_few_results_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any, org: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, org, per_kind=2)
    assert count == EXPECTED_STATEMENTS, "\n".join(" ".join(s.split())[:230] for s in statements)


async def test_a_full_page_costs_the_same_statements(make: Make, execute: Any, count_queries: Any, org: Any) -> None:
    count, statements = await _count(make, execute, count_queries, org, per_kind=15)
    assert count == EXPECTED_STATEMENTS, "\n".join(" ".join(s.split())[:230] for s in statements)
