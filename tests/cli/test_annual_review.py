"""The consultation's annual review, as an open-data reuser gets it: one GraphQL query or one download.

Both are read anonymously from the seeded demo, over HTTP through the real app, and must agree figure by
figure: the counts of the API's metrics, the rows of the files, and every stored day of the metrics file
against the metrics' history. The case study's figures (9 consultations, 794 proposals, 643 supports,
1,500 participants) are the public ones.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.asgi import create_app
from app.settings import OpenDataSettings, Settings
from models.kinds import DECIDIM_CLASS_NAMES, SpaceKind

REVIEW = """
{
  participatoryProcesses { id slug }
  organization { stats { name value } }
  metrics(names: ["users", "participants", "proposals", "accepted_proposals", "votes", "endorsements",
                  "comments", "meetings", "debates", "survey_answers", "results", "followers"]) {
    name count history { key value quantity }
  }
  byConsultation: participationBreakdown(by: SPACE, names: ["proposals", "votes", "comments"]) {
    key figures { name count }
  }
}
"""
PROCESS_CLASS = DECIDIM_CLASS_NAMES[SpaceKind.PARTICIPATORY_PROCESS]
COMMENT_FILES = ("proposal", "meeting", "result", "post", "debate", "project")


@pytest.fixture(scope="module")
async def reuser(seeded_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[httpx.AsyncClient]:
    directory = tmp_path_factory.mktemp("open-data")
    settings = Settings(environment="test", open_data=OpenDataSettings(directory=str(directory)))
    application = create_app(settings, database_url=seeded_url)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            yield client


@pytest.fixture(scope="module")
async def review(reuser: httpx.AsyncClient) -> dict[str, Any]:
    response = await reuser.post("/graphql", json={"query": REVIEW})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
async def download(reuser: httpx.AsyncClient) -> dict[str, list[dict[str, str]]]:
    """Every CSV of the ZIP, by entity, as rows of ``{header: cell}``."""
    response = await reuser.get("/open-data/download")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    files: dict[str, list[dict[str, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        for name in archive.namelist():
            if name.endswith(".csv"):
                entity = Path(name).stem.split("-open-data-", 1)[1]
                files[entity] = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))
    return files


def counts(review: dict[str, Any]) -> dict[str, int]:
    return {metric["name"]: metric["count"] for metric in review["metrics"]}


def test_one_query_gives_the_case_studys_figures(review: dict[str, Any]) -> None:
    figures = counts(review)
    stats = {stat["name"]: stat["value"] for stat in review["organization"]["stats"]}

    assert len(review["participatoryProcesses"]) == stats["processes_count"] == 9
    assert figures["proposals"] == 794
    assert figures["votes"] == 643
    assert figures["users"] == stats["users_count"] == 1500
    # Everyone who took part is one of the registered participants.
    assert 0 < figures["participants"] <= figures["users"]


def test_the_download_counts_the_same_rows_as_the_query(
    review: dict[str, Any], download: dict[str, list[dict[str, str]]]
) -> None:
    figures = counts(review)
    comments = sum(1 for kind in COMMENT_FILES for row in download[f"{kind}_comments"] if row["deleted"] == "false")

    assert len(download["participatory_processes"]) == len(review["participatoryProcesses"])
    assert {row["slug"] for row in download["participatory_processes"]} == {
        process["slug"] for process in review["participatoryProcesses"]
    }
    assert len(download["proposals"]) == figures["proposals"]
    assert sum(1 for row in download["proposals"] if row["state"] == "accepted") == figures["accepted_proposals"]
    assert sum(1 for row in download["users"] if row["kind"] == "user") == figures["users"]
    assert len(download["meetings"]) == figures["meetings"]
    assert len(download["debates"]) == figures["debates"]
    assert len(download["results"]) == figures["results"]
    assert comments == figures["comments"]


def test_supports_and_comments_per_consultation_agree_with_the_proposals_file(
    review: dict[str, Any], download: dict[str, list[dict[str, str]]]
) -> None:
    proposals_per_space = Counter(
        row["space_id"] for row in download["proposals"] if row["space_type"] == PROCESS_CLASS
    )
    by_space = {
        row["key"].split(":")[1]: {figure["name"]: figure["count"] for figure in row["figures"]}
        for row in review["byConsultation"]
        if row["key"].startswith("participatory_process:")
    }

    assert {space: figures["proposals"] for space, figures in by_space.items() if figures.get("proposals")} == dict(
        proposals_per_space
    )
    assert sum(figures.get("votes", 0) for figures in by_space.values()) == counts(review)["votes"]


def test_every_stored_day_of_the_metrics_file_is_a_day_of_the_metrics_history(
    review: dict[str, Any], download: dict[str, list[dict[str, str]]]
) -> None:
    history = {
        (metric["name"], point["key"]): (point["value"], point["quantity"])
        for metric in review["metrics"]
        for point in metric["history"]
    }
    stored = {
        (row["name"], row["day"]): (int(row["cumulative"]), int(row["quantity"]))
        for row in download["metrics"]
        if row["space_type"] == "" and row["name"] in counts(review)
    }

    assert stored, "the seed computes a year of daily metrics"
    assert {key: history.get(key) for key in stored} == stored
    # The last stored day already holds everything: nothing was added since the seed's day.
    last_day = max(day for _, day in stored)
    assert {name: stored[(name, last_day)][0] for name, day in stored if day == last_day} == {
        name: count for name, count in counts(review).items() if (name, last_day) in stored
    }
