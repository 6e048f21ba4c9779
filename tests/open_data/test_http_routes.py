"""``/open-data``, ``/open-data/download``, ``/open-data/<entity>.csv``: through the real ASGI app.

Each test builds the application with its own open-data directory (a throwaway folder) on the
shared test database; the ``app`` fixture empties the tables afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import hashlib
import io
import json
import zipfile
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

import httpx
import pytest

import app.open_data.exporter as exporter_module
from app.asgi import create_app
from app.settings import OpenDataSettings, Settings
from resolvers.open_data.entities import OPEN_DATA_ENTITIES
from tests.builders import tr

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from contextlib import AbstractAsyncContextManager
    from pathlib import Path

    from tests.builders import Make

HOST = "participa.test"


@pytest.fixture
def open_data_client(
    app: Any, database_url: str, settings: Settings, tmp_path: Path
) -> Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]:
    """``async with open_data_client(max_age_seconds=0) as client`` -> a client of a fresh app."""

    @contextlib.asynccontextmanager
    async def client(directory: Path | None = None, **options: Any) -> AsyncIterator[httpx.AsyncClient]:
        open_data = OpenDataSettings(directory=str(directory or tmp_path / "open-data"), **options)
        application = create_app(settings.model_copy(update={"open_data": open_data}), database_url=database_url)
        async with application.router.lifespan_context(application):
            transport = httpx.ASGITransport(app=application)
            async with httpx.AsyncClient(transport=transport, base_url=f"http://{HOST}") as c:
                yield c

    return client


@pytest.fixture
def generations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the generations written (and makes each take a moment, so requests overlap)."""
    calls: list[int] = []
    real = exporter_module._write_generation

    async def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        await asyncio.sleep(0.2)
        return await real(*args, **kwargs)

    monkeypatch.setattr(exporter_module, "_write_generation", counted)
    return calls


async def _processes(make: Make) -> list[Any]:
    public = await make.process(slug="loire", title=tr("La Loire", "The Loire"))
    await make.process(slug="brouillon", published_at=None)
    await make.process(slug="prive", private_space=True)
    return [public]


def _csv(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


async def test_entity_csv_is_served_with_its_type_etag_and_last_modified(
    make: Make, open_data_client: Any, generations: list[int]
) -> None:
    (public,) = await _processes(make)
    async with open_data_client() as client:
        response = await client.get("/open-data/participatory_processes.csv")
        again = await client.get("/open-data/participatory_processes.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["etag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{HOST}-open-data-participatory_processes.csv"'
    )
    assert response.headers["cache-control"] == "public, no-cache"
    assert response.headers["last-modified"].endswith(" GMT")
    rows = _csv(response.content)
    assert [row[:5] for row in rows] == [
        ["id", "slug", "reference", "title/fr", "title/en"],
        [str(public.id), "loire", "", "La Loire", "The Loire"],
    ]
    # Fresh files are served again as they are.
    assert (again.content, again.headers["etag"]) == (response.content, response.headers["etag"])
    assert generations == [1]


async def test_jsonl_readme_and_decidim_download_address(make: Make, open_data_client: Any) -> None:
    await _processes(make)
    async with open_data_client() as client:
        jsonl = await client.get("/open-data/participatory_processes.jsonl")
        readme = await client.get("/open-data/README.md")
        decidim = await client.get("/open-data/download/participatory_processes")
        csv_file = await client.get("/open-data/participatory_processes.csv")
    assert jsonl.status_code == 200
    assert jsonl.headers["content-type"] == "application/x-ndjson"
    assert [json.loads(line)["slug"] for line in jsonl.text.splitlines()] == ["loire"]
    assert readme.status_code == 200
    assert readme.headers["content-type"] == "text/markdown; charset=utf-8"
    assert "### participatory_processes" in readme.text
    assert decidim.status_code == 200
    assert decidim.content == csv_file.content


async def test_download_is_the_zip_under_decidims_name(make: Make, open_data_client: Any) -> None:
    await _processes(make)
    async with open_data_client() as client:
        response = await client.get("/open-data/download")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == f'attachment; filename="{HOST}-open-data.zip"'
    assert response.headers["etag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.namelist()[0] == "README.md"
        assert len(archive.namelist()) == 1 + 2 * len(OPEN_DATA_ENTITIES)


async def test_page_lists_files_rows_and_licences_in_the_organizations_language(
    make: Make, open_data_client: Any
) -> None:
    await _processes(make)
    async with open_data_client() as client:
        response = await client.get("/open-data")
        head = await client.head("/open-data")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page = response.text
    assert "<html lang='fr'>" in page
    assert "Données ouvertes · Organisation" in page
    assert "href='/open-data/download'" in page
    assert "href='/open-data/README.md'" in page
    assert "href='https://opendatacommons.org/licenses/odbl/1-0/'>Open Database License (ODbL) 1.0</a>" in page
    assert "CC BY-SA 4.0" in page
    for entity in OPEN_DATA_ENTITIES:
        assert f"href='/open-data/{entity.name}.csv'" in page
        assert f"<code>{entity.name}</code>" in page
    # One public process; the unpublished and private ones are not counted.
    assert "<code>participatory_processes</code></a><br>" in page
    assert "<td class='n'>1</td>" in page
    assert "<code>title/fr</code>, <code>title/en</code>" in page
    assert "http" not in page.replace("https://opendatacommons.org", "").replace("https://creativecommons.org", "")
    assert (head.status_code, head.content, head.headers["etag"]) == (200, b"", response.headers["etag"])


async def test_english_organization_gets_the_page_in_english(make: Make, open_data_client: Any) -> None:
    await make.organization(host=HOST, default_locale="en", available_locales=["en"])
    async with open_data_client() as client:
        page = (await client.get("/open-data")).text
    assert "<html lang='en'>" in page
    assert "Download everything (ZIP)" in page


async def test_conditional_requests_get_304_and_head_gets_no_body(make: Make, open_data_client: Any) -> None:
    await _processes(make)
    path = "/open-data/participatory_processes.csv"
    async with open_data_client() as client:
        first = await client.get(path)
        etag, last_modified = first.headers["etag"], first.headers["last-modified"]
        by_etag = await client.get(path, headers={"If-None-Match": etag})
        by_list = await client.get(path, headers={"If-None-Match": f'"other", {etag}'})
        by_date = await client.get(path, headers={"If-Modified-Since": last_modified})
        other_etag = await client.get(path, headers={"If-None-Match": '"other"', "If-Modified-Since": last_modified})
        older = await client.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
        head = await client.head(path)
        zip_304 = await client.get("/open-data/download", headers={"If-None-Match": "*"})
    for response in (by_etag, by_list, by_date, zip_304):
        assert response.status_code == 304
        assert response.content == b""
    assert by_etag.headers["etag"] == etag
    assert by_etag.headers["last-modified"] == last_modified
    # If-None-Match decides when present (RFC 9110); an older date is no match.
    assert (other_etag.status_code, older.status_code) == (200, 200)
    assert older.content == first.content
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == etag
    assert head.headers["content-length"] == str(len(first.content))


async def test_unknown_entity_is_404_without_generating_anything(
    make: Make, open_data_client: Any, tmp_path: Path, generations: list[int]
) -> None:
    await make.process()
    async with open_data_client() as client:
        answers = [
            (await client.get(path)).status_code
            for path in (
                "/open-data/users_emails.csv",
                "/open-data/participatory_processes.xlsx",
                "/open-data/participatory_processes",
                "/open-data/download/nothing",
                "/open-data/manifest.json",
            )
        ]
    assert answers == [404, 404, 404, 404, 404]
    assert generations == []
    assert not (tmp_path / "open-data").exists()


async def test_unknown_host_is_404(make: Make, open_data_client: Any) -> None:
    await make.organization(host=HOST)
    await make.organization(host="autre.test")
    async with open_data_client() as client:
        unknown = await client.get("/open-data/download", headers={"host": "nowhere.test"})
        known = await client.get("/open-data/download", headers={"host": "autre.test"})
    assert unknown.status_code == 404
    assert unknown.text == "No organization is served at host 'nowhere.test'."
    assert known.headers["content-disposition"] == 'attachment; filename="autre.test-open-data.zip"'


async def test_each_organization_gets_only_its_own_public_rows(make: Make, open_data_client: Any) -> None:
    here = await make.organization(host=HOST)
    there = await make.organization(host="autre.test")
    mine = await make.process(organization=here, slug="ici")
    await make.process(organization=there, slug="la-bas")
    async with open_data_client() as client:
        body = (await client.get("/open-data/participatory_processes.csv")).content
    assert [row[:2] for row in _csv(body)[1:]] == [[str(mine.id), "ici"]]


async def test_stale_files_are_generated_again_and_fresh_ones_are_not(
    make: Make, open_data_client: Any, tmp_path: Path, generations: list[int]
) -> None:
    await make.process(slug="premier")
    path = "/open-data/participatory_processes.csv"
    async with open_data_client(tmp_path / "fresh") as client:
        before = await client.get(path)
        await make.process(slug="second")
        still = await client.get(path)
    assert generations == [1]
    assert still.content == before.content
    # A max age of zero: every request finds the files stale.
    async with open_data_client(tmp_path / "stale", max_age_seconds=0) as client:
        first = await client.get(path)
        await make.process(slug="troisieme")
        second = await client.get(path)
    assert len(generations) == 3
    assert [row[1] for row in _csv(first.content)[1:]] == ["premier", "second"]
    assert [row[1] for row in _csv(second.content)[1:]] == ["premier", "second", "troisieme"]
    assert first.headers["etag"] != second.headers["etag"]


async def test_concurrent_requests_trigger_one_generation(
    make: Make, open_data_client: Any, generations: list[int]
) -> None:
    await _processes(make)
    async with open_data_client() as client:
        responses = await asyncio.gather(
            *(client.get(path) for path in ["/open-data", "/open-data/download"] * 3 + ["/open-data/README.md"] * 2)
        )
    assert [r.status_code for r in responses] == [200] * 8
    assert generations == [1]
    assert len({r.headers["last-modified"] for r in responses}) == 1


async def test_two_processes_sharing_the_files_generate_them_once(
    make: Make, open_data_client: Any, tmp_path: Path, generations: list[int]
) -> None:
    # Two applications (two engines, two sets of in-process locks) stand for two server processes:
    # only PostgreSQL's advisory lock is common to them.
    await _processes(make)
    shared = tmp_path / "shared"
    async with open_data_client(shared) as one, open_data_client(shared) as two:
        responses = await asyncio.gather(
            one.get("/open-data/download"), two.get("/open-data/download"), two.get("/open-data/README.md")
        )
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert responses[0].content == responses[1].content
    assert generations == [1]


async def test_while_files_are_regenerated_other_requests_get_the_previous_ones(
    make: Make, open_data_client: Any, tmp_path: Path, generations: list[int]
) -> None:
    await make.process(slug="premier")
    path = "/open-data/participatory_processes.csv"
    async with open_data_client(max_age_seconds=0) as client:
        old = await client.get(path)
        await make.process(slug="second")
        regenerating = asyncio.ensure_future(client.get(path))
        await asyncio.sleep(0.05)  # the regeneration has started (it takes at least 0.2 s here)
        meanwhile = await client.get(path)
        new = await regenerating
    assert meanwhile.content == old.content
    assert [row[1] for row in _csv(new.content)[1:]] == ["premier", "second"]
    assert len(generations) == 2


def test_last_modified_is_an_http_date() -> None:
    from datetime import UTC, datetime

    from app.open_data.http import _http_date

    assert _http_date(datetime(2026, 1, 15, 10, 0, 0, 123, tzinfo=UTC)) == format_datetime(
        datetime(2026, 1, 15, 10, 0, 0, tzinfo=UTC), usegmt=True
    )


async def test_a_generation_costs_one_statement_per_entity_and_serving_files_costs_none(
    make: Make, database_url: str, settings: Settings, tmp_path: Path
) -> None:
    from sqlalchemy import event

    for _ in range(3):
        await make.process()
    open_data = OpenDataSettings(directory=str(tmp_path / "counted"))
    application = create_app(settings.model_copy(update={"open_data": open_data}), database_url=database_url)
    statements: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    async with application.router.lifespan_context(application):
        event.listen(application.state.engine.sync_engine, "before_cursor_execute", before)
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{HOST}") as client:
            await client.get("/open-data/participatory_processes.csv")
            generating = len(statements)
            statements.clear()
            for path in ("/open-data", "/open-data/download", "/open-data/participatory_processes.jsonl"):
                assert (await client.get(path)).status_code == 200
            serving = len(statements)
    # The organization, the advisory lock, one statement per entity; then files come from disk.
    assert generating == 2 + len(OPEN_DATA_ENTITIES)
    assert serving == 0
