"""The figures equal what an anonymous client counts in the GraphQL lists."""

from __future__ import annotations

from typing import Any

from tests.metrics.conftest import World

LISTS = """
{
  participatoryProcesses {
    components {
      __typename
      ... on Proposals { proposals(first: 5) { totalCount nodes { voteCount endorsementsCount totalCommentsCount } } }
      ... on Meetings { meetings(first: 5) { totalCount } }
      ... on Debates { debates(first: 5) { totalCount } }
      ... on Accountability { results(first: 5) { totalCount } }
    }
  }
  users { __typename }
  metrics(names: ["proposals", "votes", "endorsements", "comments", "meetings", "debates", "results", "users"]) {
    name count
  }
}
"""

THREAD = """
query($id: String!) {
  commentable(id: $id, type: "Decidim::Proposals::Proposal", locale: "fr", toggleTranslations: false) {
    comments { deleted comments { deleted } }
  }
}
"""


async def test_metrics_equal_the_anonymous_lists_totals(world: World, gql: Any) -> None:
    body = await gql(LISTS)
    assert "errors" not in body, body
    counted = dict.fromkeys(["proposals", "votes", "endorsements", "comments", "meetings", "debates", "results"], 0)
    for process in body["data"]["participatoryProcesses"]:
        for component in process["components"]:
            kind = component["__typename"]
            if kind == "Proposals":
                page = component["proposals"]
                counted["proposals"] += page["totalCount"]
                counted["votes"] += sum(p["voteCount"] for p in page["nodes"])
                counted["endorsements"] += sum(p["endorsementsCount"] for p in page["nodes"])
                counted["comments"] += sum(p["totalCommentsCount"] for p in page["nodes"])
            elif kind == "Meetings":
                counted["meetings"] += component["meetings"]["totalCount"]
            elif kind == "Debates":
                counted["debates"] += component["debates"]["totalCount"]
            elif kind == "Accountability":
                counted["results"] += component["results"]["totalCount"]
    counted["users"] = sum(1 for u in body["data"]["users"] if u["__typename"] == "User")

    metrics = {m["name"]: m["count"] for m in body["data"]["metrics"]}
    # p1's thread (the only one with visible comments) shows the deleted one as a placeholder, counted nowhere
    thread = await gql(THREAD, {"id": str(world.p1.id)})
    shown = [c for top in thread["data"]["commentable"]["comments"] for c in [top, *top["comments"]]]
    assert sum(1 for c in shown if not c["deleted"]) == metrics["comments"]
    assert metrics == counted
    assert counted == {
        "proposals": 3,
        "votes": 4,
        "endorsements": 1,
        "comments": 2,
        "meetings": 1,
        "debates": 1,
        "results": 1,
        "users": 3,
    }
