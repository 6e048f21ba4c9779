"""The GraphQL HTTP endpoint: Strawberry's ASGI view plus tenant resolution and per-request context."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse
from strawberry.asgi import GraphQL

from app.auth import request_host, viewer_for
from resolvers.context import Context, negotiate_locale
from resolvers.errors import UnknownOrganization

if TYPE_CHECKING:
    from starlette.responses import Response
    from starlette.types import Receive, Scope, Send
    from starlette.websockets import WebSocket
    from strawberry import Schema

    from app.auth import OrganizationCache
    from app.settings import Settings

log = logging.getLogger("participa.http")


class ParticipaGraphQL(GraphQL):  # type: ignore[type-arg]
    def __init__(self, schema: Schema, *, settings: Settings, organizations: OrganizationCache) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.settings = settings
        self.organizations = organizations

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            scope.setdefault("state", {})
            scope["state"]["request_id"] = request.headers.get("x-request-id") or uuid.uuid4().hex
            try:
                scope["state"]["organization"] = await self.organizations.get(
                    request_host(request), request.app.state.sessionmaker
                )
            except UnknownOrganization as exc:
                response = JSONResponse(
                    {"errors": [{"message": exc.message, "extensions": exc.extensions()}]}, status_code=404
                )
                await response(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket | None) -> Context:
        organization = request.state.organization
        locale = negotiate_locale(
            request.headers.get("accept-language"),
            available=list(organization.available_locales),
            default=organization.default_locale,
        )
        context = Context.build(
            organization=organization,
            viewer=await viewer_for(request),
            locale=locale,
            sessionmaker=request.app.state.sessionmaker,
            request_id=request.state.request_id,
            max_page_size=self.settings.limits.max_page_size,
            request=request,
            response=response,
        )
        context.extra["api_settings"] = self.settings.api
        return context

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> Any:
        return orjson.loads(data)
