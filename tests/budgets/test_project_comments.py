"""Projects are commentable through Decidim's own comment mutation, while the step does not block comments."""

from __future__ import annotations

from typing import Any

import models
from tests.budgets.conftest import PROJECT_TYPE, as_, budgets_component, error_codes, reload
from tests.builders import Make

ADD = """
mutation($id: String!, $type: String!) {
  commentable(id: $id, type: $type) { addComment(body: "Enfin un jardin dans le quartier", alignment: 1) {
    id body alignment author { nickname } } }
}
"""
THREAD = """
query($p: ID!) {
  node(id: $p) { ... on Project { totalCommentsCount hasComments acceptsNewComments userAllowedToComment
    comments { body author { nickname } } } }
}
"""


async def test_participant_comments_a_project_with_decidims_mutation(make: Make, execute: Any) -> None:
    org = await make.org(None)
    project = await make.project()
    camille = await make.user(nickname="camille")

    body = await execute(ADD, {"id": str(project.id), "type": PROJECT_TYPE}, organization=org, viewer=as_(camille))

    comment_id = body["data"]["commentable"]["addComment"]["id"]
    assert body == {
        "data": {
            "commentable": {
                "addComment": {
                    "id": comment_id,
                    "body": "Enfin un jardin dans le quartier",
                    "alignment": 1,
                    "author": {"nickname": "@camille"},
                }
            }
        }
    }
    stored = await reload(make, models.Comment(id=int(comment_id)))
    assert (stored.root_kind, stored.root_id) == ("project", project.id)
    assert (await reload(make, project)).comments_count == 1
    thread = await execute(THREAD, {"p": str(project.id)}, organization=org, viewer=as_(camille))
    assert thread == {
        "data": {
            "node": {
                "totalCommentsCount": 1,
                "hasComments": True,
                "acceptsNewComments": True,
                "userAllowedToComment": True,
                "comments": [{"body": "Enfin un jardin dans le quartier", "author": {"nickname": "@camille"}}],
            }
        }
    }


async def test_a_step_that_blocks_comments_blocks_them_on_projects(make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await budgets_component(make, step={"votes": "enabled", "comments_blocked": True})
    project = await make.project(budget=await make.budget(component=component))

    body = await execute(
        ADD, {"id": str(project.id), "type": PROJECT_TYPE}, organization=org, viewer=as_(await make.user())
    )

    assert error_codes(body) == [("FORBIDDEN", "COMMENTS_BLOCKED")]
    assert (await reload(make, project)).comments_count == 0
