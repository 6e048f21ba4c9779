"""Uploading an attachment through a GraphQL multipart request: who may, what is accepted, what is kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import func, select

import models
from tests.builders import Make
from tests.conftest import TEST_HOST

UPLOAD = """
mutation($input: UploadAttachmentInput!) {
  uploadAttachment(input: $input) { url type contentType fileSize title { translation(locale: "fr") } }
}
"""
LIST = """
query($slug: String!) { participatoryProcess(slug: $slug) { attachments { url contentType fileSize } } }
"""
PREFLIGHT = {"Apollo-Require-Preflight": "true"}
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@dataclass
class Space:
    process: models.ParticipatoryProcess
    admin: models.User
    participant: models.User


@pytest.fixture
async def space(make: Make) -> Space:
    org = await make.organization(host=TEST_HOST)
    process = await make.process(organization=org, slug="budget-2026")
    admin = await make.user(organization=org, admin=True)
    participant = await make.user(organization=org)
    return Space(process=process, admin=admin, participant=participant)


def upload_input(space: Space, **kw: Any) -> dict[str, Any]:
    return {"attachedToId": str(space.process.id), "title": {"fr": "Compte-rendu"}, "file": None} | kw


async def post_upload(
    client: httpx.AsyncClient,
    *,
    files: list[tuple[str, bytes, str]],
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
    preflight: bool = True,
) -> httpx.Response:
    """POST ``UPLOAD`` with ``files`` (name, content, type); the first one is `variables.input.file`."""
    mapping = {str(i): ["variables.input.file"] if i == 0 else [f"variables.extra.{i}"] for i in range(len(files))}
    operations = {"query": UPLOAD, "variables": variables}
    parts = [(str(i), (name, content, kind)) for i, (name, content, kind) in enumerate(files)]
    return await client.post(
        "/graphql",
        data={"operations": orjson.dumps(operations).decode(), "map": orjson.dumps(mapping).decode()},
        files=parts,
        headers=(PREFLIGHT if preflight else {}) | (headers or {}),
    )


def stored_files(app: Any) -> list[Path]:
    return [p for p in Path(app.state.storage.root).rglob("*") if p.is_file()]


async def attachment_count(app: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(models.Attachment)) or 0)


def error_code(response: httpx.Response) -> str:
    body = response.json()
    (error,) = body["errors"]
    return str(error["extensions"]["code"])


async def test_admin_uploads_a_pdf_that_is_listed_stored_and_served(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any
) -> None:
    before = set(stored_files(app))
    response = await post_upload(
        client,
        files=[("minutes.pdf", PDF, "application/pdf")],
        variables={"input": upload_input(space, weight=2)},
        headers=await bearer(space.admin),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    created = body["data"]["uploadAttachment"]
    url = created["url"]
    assert url.startswith(f"/uploads/{space.process.organization_id}/")
    assert url.endswith(".pdf")
    assert "minutes" not in url  # the client's filename never names the stored file
    assert body == {
        "data": {
            "uploadAttachment": {
                "url": url,
                "type": "document",
                "contentType": "application/pdf",
                "fileSize": len(PDF),
                "title": {"translation": "Compte-rendu"},
            }
        }
    }
    (new_file,) = set(stored_files(app)) - before
    assert new_file.read_bytes() == PDF

    listed = await client.post(
        "/graphql", json={"query": LIST, "variables": {"slug": "budget-2026"}}, headers={"host": TEST_HOST}
    )
    assert listed.json() == {
        "data": {
            "participatoryProcess": {
                "attachments": [{"url": url, "contentType": "application/pdf", "fileSize": len(PDF)}]
            }
        }
    }
    served = await client.get(url)
    assert served.status_code == 200
    assert served.content == PDF
    assert served.headers["content-type"] == "application/pdf"


async def test_x_participa_upload_header_also_allows_an_upload(
    client: httpx.AsyncClient, space: Space, bearer: Any
) -> None:
    response = await post_upload(
        client,
        files=[("logo.png", PNG, "image/png")],
        variables={"input": upload_input(space)},
        headers={"X-Participa-Upload": "1", **await bearer(space.admin)},
        preflight=False,
    )
    assert response.json()["data"]["uploadAttachment"]["contentType"] == "image/png"


async def test_upload_without_a_preflight_forcing_header_is_refused_and_nothing_stored(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any
) -> None:
    before = stored_files(app)
    response = await post_upload(
        client,
        files=[("minutes.pdf", PDF, "application/pdf")],
        variables={"input": upload_input(space)},
        headers=await bearer(space.admin),
        preflight=False,
    )
    assert response.status_code == 415
    assert error_code(response) == "UNSUPPORTED_MEDIA_TYPE"
    assert stored_files(app) == before
    assert await attachment_count(app) == 0


@pytest.mark.parametrize(
    "case",
    [
        ("logo.png", PDF, "image/png"),  # declared PNG, but the bytes are not
        ("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("empty.pdf", b"", "application/pdf"),
    ],
)
async def test_file_of_an_unaccepted_type_or_content_is_bad_user_input(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any, case: tuple[str, bytes, str]
) -> None:
    before = stored_files(app)
    response = await post_upload(
        client,
        files=[case],
        variables={"input": upload_input(space)},
        headers=await bearer(space.admin),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == {"uploadAttachment": None}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "file" in error["extensions"]["fields"]
    assert stored_files(app) == before
    assert await attachment_count(app) == 0


async def test_more_than_five_files_are_refused(client: httpx.AsyncClient, space: Space, bearer: Any, app: Any) -> None:
    before = stored_files(app)
    response = await post_upload(
        client,
        files=[(f"f{i}.pdf", PDF, "application/pdf") for i in range(6)],
        variables={"input": upload_input(space), "extra": {str(i): None for i in range(1, 6)}},
        headers=await bearer(space.admin),
    )
    assert response.status_code == 413
    assert error_code(response) == "PAYLOAD_TOO_LARGE"
    assert stored_files(app) == before


async def test_body_over_the_upload_cap_is_refused(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any, settings: Any
) -> None:
    before = stored_files(app)
    big = b"%PDF" + b"0" * settings.limits.max_upload_bytes
    response = await post_upload(
        client,
        files=[("big.pdf", big, "application/pdf")],
        variables={"input": upload_input(space)},
        headers=await bearer(space.admin),
    )
    assert response.status_code == 413
    assert error_code(response) == "PAYLOAD_TOO_LARGE"
    assert stored_files(app) == before
    assert await attachment_count(app) == 0


DENIALS = {"anonymous": "UNAUTHENTICATED", "participant": "FORBIDDEN"}


@pytest.mark.parametrize("who", list(DENIALS))
async def test_only_space_admins_upload(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any, who: str
) -> None:
    before = stored_files(app)
    headers = await bearer(space.participant) if who == "participant" else {}
    response = await post_upload(
        client,
        files=[("minutes.pdf", PDF, "application/pdf")],
        variables={"input": upload_input(space)},
        headers=headers,
    )
    body = response.json()
    assert body["data"] == {"uploadAttachment": None}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == DENIALS[who]
    assert stored_files(app) == before
    assert await attachment_count(app) == 0


async def test_stored_file_is_deleted_when_the_attachment_cannot_be_written(
    client: httpx.AsyncClient, space: Space, bearer: Any, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resolvers.admin import attachments

    async def failing(*_: Any, **__: Any) -> Any:
        msg = "database is gone"
        raise RuntimeError(msg)

    monkeypatch.setattr(attachments, "_create_attachment", failing)
    before = stored_files(app)
    response = await post_upload(
        client,
        files=[("minutes.pdf", PDF, "application/pdf")],
        variables={"input": upload_input(space)},
        headers=await bearer(space.admin),
    )
    assert error_code(response) == "INTERNAL_SERVER_ERROR"
    assert stored_files(app) == before


async def test_a_json_request_cannot_pass_a_string_as_the_file(
    client: httpx.AsyncClient, space: Space, bearer: Any
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": UPLOAD, "variables": {"input": upload_input(space, file="/etc/passwd")}},
        headers={"host": TEST_HOST, **await bearer(space.admin)},
    )
    body = response.json()
    assert body["data"] == {"uploadAttachment": None}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
