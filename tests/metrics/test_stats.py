"""``stats`` on spaces and on the organization: Decidim's figures from the metrics' definitions."""

from __future__ import annotations

from typing import Any

import models
from resolvers.viewer import Viewer
from tests.metrics.conftest import World

SPACES = """
query($a: ID, $b: ID, $p: ID) {
  a: participatoryProcess(id: $a) { stats { name value } }
  b: participatoryProcess(id: $b) { stats { name value } }
  p: participatoryProcess(id: $p) { stats { name value } }
}
"""


def stats(**values: int) -> list[dict[str, Any]]:
    return [{"name": n, "value": v} for n, v in values.items()]


async def test_space_stats_add_decidims_figures_to_component_counts(world: World, gql: Any) -> None:
    body = await gql(SPACES, {"a": str(world.a.id), "b": str(world.b.id), "p": str(world.private.id)})

    assert body == {
        "data": {
            "a": {
                "stats": stats(
                    budgets_components_count=1,
                    meetings_components_count=1,
                    proposals_components_count=1,
                    surveys_components_count=1,
                    participants_count=3,
                    followers_count=2,
                    proposals_count=2,
                    accepted_proposals_count=1,
                    supports_count=2,
                    endorsements_count=1,
                    comments_count=2,
                    meetings_count=1,
                    answers_count=2,
                )
            },
            "b": {
                "stats": stats(
                    accountability_components_count=1,
                    debates_components_count=1,
                    proposals_components_count=1,
                    participants_count=2,
                    proposals_count=1,
                    supports_count=2,
                    debates_count=1,
                    results_count=1,
                )
            },
            "p": None,
        }
    }


async def test_member_of_a_private_space_sees_its_figures(world: World, make: Any, execute: Any) -> None:
    member = await make.user()
    await make.private_member(space=world.private, user=member)

    body = await execute(SPACES, {"p": str(world.private.id)}, organization=world.org, viewer=Viewer(user_id=member.id))

    assert body["data"]["p"] == {
        "stats": stats(proposals_components_count=1, participants_count=1, followers_count=1, proposals_count=1)
    }


async def test_space_hiding_its_statistics_shows_none(world: World, make: Any, gql: Any) -> None:
    from sqlalchemy import update

    async with make.sessionmaker() as session:
        await session.execute(
            update(models.ParticipatoryProcess)
            .where(models.ParticipatoryProcess.id == world.a.id)  # type: ignore[arg-type]
            .values(show_statistics=False)
        )
        await session.commit()

    body = await gql(SPACES, {"a": str(world.a.id)})

    assert body["data"]["a"] == {"stats": None}


async def test_organization_figures_are_public_ones_even_for_an_admin(world: World, make: Any, execute: Any) -> None:
    admin = await make.user(admin=True)
    query = "{ organization { stats { name value } } }"

    anonymous = await execute(query, organization=world.org)
    as_admin = await execute(query, organization=world.org, viewer=Viewer(user_id=admin.id, organization_admin=True))

    expected = stats(
        users_count=4,  # u1, u2, u3 and the admin
        processes_count=2,
        assemblies_count=1,
        participants_count=3,
        followers_count=2,
        proposals_count=3,
        accepted_proposals_count=1,
        supports_count=4,
        endorsements_count=1,
        comments_count=2,
        meetings_count=1,
        debates_count=1,
        answers_count=2,
        results_count=1,
    )
    assert anonymous == {"data": {"organization": {"stats": expected}}}
    # the admin's lists show the private and unpublished processes too; the figures do not change
    expected[1] = {"name": "processes_count", "value": 4}
    assert as_admin == {"data": {"organization": {"stats": expected}}}
