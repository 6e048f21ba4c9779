from __future__ import annotations

from typing import Any


async def test_anonymous_visitor_lists_published_processes(make: Any, gql: Any) -> None:
    process = await make.process(slug="route-de-demain")
    await make.process(published_at=None)
    await make.step(process=process, active=True)
    body = await gql('{ participatoryProcesses { id slug title { translation(locale: "fr") } steps { active } } }')
    assert body == {
        "data": {
            "participatoryProcesses": [
                {
                    "id": str(process.id),
                    "slug": "route-de-demain",
                    "title": {"translation": process.title["fr"]},
                    "steps": [{"active": True}],
                }
            ]
        }
    }
