"""A representative posts page costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from tests.blogs.conftest import as_, blog
from tests.builders import NOW, Make, tr

POST = ResourceKind.POST.value

PAGE = """
query($id: ID) {
  participatoryProcess(id: $id) {
    components {
      ... on Blogs {
        posts(first: 50, order: {endorsementCount: "DESC"}) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id title { text } body { text } publishedAt official
            author { nickname }
            endorsementsCount endorsements { nickname }
            attachments { url }
            versionsCount acceptsNewComments totalCommentsCount userAllowedToComment
          }
        }
      }
    }
  }
}
"""

COMPONENTS = 3
EXPECTED_STATEMENTS = 10


async def _populate(make: Make, *, per_component: int) -> tuple[models.ParticipatoryProcess, models.User]:
    """Posts by participants, groups and the organization, each endorsed, with an attachment and a version.

    Written in one transaction per component: the point is the reads, not the builders.
    """
    process = await make.process()
    org = process.organization_id
    viewer = await make.user()
    writers = [await make.user() for _ in range(2)]
    group = await make.group()
    endorsers = [await make.user() for _ in range(2)]
    for _ in range(COMPONENTS):
        component = await blog(make, space=process)
        async with make.sessionmaker() as session:
            for n in range(per_component):
                kind = n % 3
                post = models.Post(
                    organization_id=org,
                    component_id=component.id,
                    title=tr(f"Actualité {n}"),
                    body=tr("Texte"),
                    published_at=NOW,
                    author_id=writers[n % 2].id if kind else None,
                    user_group_id=group.id if kind == 2 else None,
                    official=kind == 0,
                    endorsements_count=len(endorsers),
                )
                session.add(post)
                await session.flush()
                session.add_all(
                    [
                        *(
                            models.Endorsement(
                                organization_id=org, resource_kind=POST, resource_id=post.id, author_id=e.id
                            )
                            for e in endorsers
                        ),
                        models.Attachment(
                            organization_id=org,
                            attached_to_kind=POST,
                            attached_to_id=post.id,
                            title=tr("Photo"),
                            url=f"https://files.example.org/{post.id}.jpg",
                            content_type="image/jpeg",
                        ),
                        models.Version(
                            organization_id=org, item_kind=POST, item_id=post.id, event="create", changeset={}
                        ),
                    ]
                )
            await session.commit()
    return process, viewer


async def _count(make: Make, execute: Any, count_queries: Any, *, per_component: int) -> tuple[int, list[str]]:
    process, viewer = await _populate(make, per_component=per_component)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"id": str(process.id)}, organization=org, viewer=as_(viewer))
    assert "errors" not in body, body
    pages = [c["posts"] for c in body["data"]["participatoryProcess"]["components"]]
    assert [len(p["nodes"]) for p in pages] == [per_component] * COMPONENTS
    nodes = [n for p in pages for n in p["nodes"]]
    assert all(len(n["endorsements"]) == 2 and n["attachments"] and n["versionsCount"] == 1 for n in nodes)
    assert [n["author"] is None for n in nodes[:3]] == [True, False, False]
    return log.count, log.statements


async def test_a_page_of_five_posts_per_component_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=5)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_posts_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=50)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
