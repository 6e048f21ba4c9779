"""The ``/open-data`` routes: the page, the ZIP, each entity's CSV and JSON Lines, the README.

Files are served from disk with ``FileResponse`` (streamed in chunks, ranges and ``HEAD``
included), with a strong ``ETag`` (the file's SHA-256 from the manifest) and ``Last-Modified``
(the generation time); ``If-None-Match`` / ``If-Modified-Since`` give a ``304``. The organization
comes from the ``Host`` header, as for ``/graphql``.
"""

from __future__ import annotations

import hashlib
import logging
from email.utils import format_datetime, parsedate_to_datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from app.auth import request_host
from app.open_data.manifest import Manifest, entity_file_name, zip_name
from app.open_data.page import render_page
from app.open_data.service import OpenDataFiles
from resolvers.errors import UnknownOrganization
from resolvers.open_data.entities import OPEN_DATA_ENTITIES

if TYPE_CHECKING:
    from datetime import datetime

    from starlette.requests import Request

    import models
    from app.auth import OrganizationCache
    from app.open_data.manifest import FileEntry
    from app.settings import OpenDataSettings

log = logging.getLogger("participa.open_data")

# Revalidate every time: the ETag makes that a cheap 304, and a regeneration shows up at once.
CACHE_CONTROL = "public, no-cache"
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _http_date(when: datetime) -> str:
    return format_datetime(when.replace(microsecond=0), usegmt=True)


def not_modified(request: Request, *, etag: str, last_modified: datetime) -> bool:
    """RFC 9110 section 13.2.2: If-None-Match wins; If-Modified-Since only without it."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return last_modified.replace(microsecond=0) <= since
    return False


def _validators(etag: str, last_modified: datetime) -> dict[str, str]:
    return {"ETag": etag, "Last-Modified": _http_date(last_modified), "Cache-Control": CACHE_CONTROL}


class OpenDataRoutes:
    def __init__(self, settings: OpenDataSettings, organizations: OrganizationCache) -> None:
        self.settings = settings
        self.organizations = organizations
        self.files = OpenDataFiles(settings)

    def routes(self) -> list[Route]:
        return [
            Route("/open-data", self.page, methods=["GET"]),
            Route("/open-data/download", self.download, methods=["GET"]),
            # Decidim's address of one file.
            Route("/open-data/download/{entity}", self.decidim_file, methods=["GET"]),
            Route("/open-data/{name}", self.file, methods=["GET"]),
        ]

    async def _current(self, request: Request) -> tuple[models.Organization, Manifest] | Response:
        try:
            organization = await self.organizations.get(request_host(request), request.app.state.sessionmaker)
        except UnknownOrganization as exc:
            return PlainTextResponse(exc.message, status_code=404)
        try:
            manifest = await self.files.current(request.app.state.engine, organization)
        except (SQLAlchemyError, OSError):
            log.exception("open-data generation failed for organization %s", organization.id)
            return PlainTextResponse(
                "The open data files cannot be generated right now.", status_code=503, headers={"Retry-After": "60"}
            )
        return organization, manifest

    def _serve(
        self, request: Request, manifest: Manifest, entry: FileEntry, *, download_name: str | None = None
    ) -> Response:
        etag = f'"{entry.sha256}"'
        headers = _validators(etag, manifest.generated_at)
        if not_modified(request, etag=etag, last_modified=manifest.generated_at):
            return Response(status_code=304, headers=headers)
        if download_name is not None:
            headers["Content-Disposition"] = f'attachment; filename="{download_name}"'
        return FileResponse(
            manifest.path(self.files.root(manifest.organization_id), entry),
            media_type=entry.media_type,
            headers=headers,
        )

    async def page(self, request: Request) -> Response:
        found = await self._current(request)
        if isinstance(found, Response):
            return found
        organization, manifest = found
        html = render_page(
            organization=organization, manifest=manifest, settings=self.settings, entities=OPEN_DATA_ENTITIES
        )
        body = html.encode("utf-8")
        etag = f'"{hashlib.sha256(body).hexdigest()}"'
        headers = _validators(etag, manifest.generated_at) | {"Content-Security-Policy": PAGE_CSP}
        if not_modified(request, etag=etag, last_modified=manifest.generated_at):
            return Response(status_code=304, headers=headers)
        return HTMLResponse(body, headers=headers)

    async def download(self, request: Request) -> Response:
        found = await self._current(request)
        if isinstance(found, Response):
            return found
        _, manifest = found
        return self._serve(request, manifest, manifest.zip, download_name=zip_name(manifest.host))

    async def decidim_file(self, request: Request) -> Response:
        return await self._entity_file(request, str(request.path_params["entity"]), "csv")

    async def file(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        if name == "README.md":
            found = await self._current(request)
            if isinstance(found, Response):
                return found
            return self._serve(request, found[1], found[1].readme)
        entity, dot, extension = name.rpartition(".")
        if not dot or extension not in {"csv", "jsonl"}:
            return PlainTextResponse("Not Found", status_code=404)
        return await self._entity_file(request, entity, extension)

    async def _entity_file(self, request: Request, entity: str, extension: str) -> Response:
        # Unknown names are refused before anything is generated.
        if entity not in {e.name for e in OPEN_DATA_ENTITIES}:
            return PlainTextResponse("Not Found", status_code=404)
        found = await self._current(request)
        if isinstance(found, Response):
            return found
        _, manifest = found
        entry = (manifest.csv if extension == "csv" else manifest.jsonl).get(entity)
        if entry is None:
            return PlainTextResponse("Not Found", status_code=404)
        return self._serve(request, manifest, entry, download_name=entity_file_name(manifest.host, entity, extension))
