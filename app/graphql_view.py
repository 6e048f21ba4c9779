"""The GraphQL HTTP endpoint: Strawberry's ASGI view made GraphQL-over-HTTP compliant.

On top of Strawberry's view this adds: tenant resolution from the Host header, the per-request
context, Accept negotiation (``application/graphql-response+json`` when the client accepts it),
status codes that follow the GraphQL-over-HTTP spec, a body size cap, JSON POST bodies (form bodies
are refused so a cross-site form cannot post an operation; multipart uploads are accepted only with a
header that forces a CORS preflight, which a cross-site form cannot send), JSON error bodies with a
stable ``extensions.code`` and a GraphiQL page whose assets are served from ``/static``.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from strawberry.asgi import GraphQL
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import InvalidOperationTypeError

from app.auth import INVALID_TOKEN_CHALLENGE, accounts_env, request_host, viewer_for
from resolvers.context import Context, negotiate_locale
from resolvers.errors import InvalidToken, UnknownOrganization

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cross_web import AsyncHTTPRequestAdapter
    from starlette.types import Message, Receive, Scope, Send
    from starlette.websockets import WebSocket
    from strawberry import Schema
    from strawberry.http import GraphQLHTTPResponse
    from strawberry.types import ExecutionResult

    from app.auth import OrganizationCache
    from app.settings import Settings
    from resolvers.storage import FileStorage

log = logging.getLogger("participa.http")

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
MULTIPART = "multipart/form-data"
# Custom headers make a cross-site request non-simple, so the browser asks (CORS preflight) first.
PREFLIGHT_HEADERS = {"apollo-require-preflight": "true", "x-participa-upload": "1"}

# Transport-level refusals carry a code too, so clients can branch on it as on GraphQL errors.
_HTTP_ERROR_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}

# A request error (nothing executed) is a 400 unless its code says the caller may not or the
# server failed; clients speaking graphql-response+json rely on the status to tell them apart.
_REQUEST_ERROR_STATUS = {
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "RATE_LIMITED": 429,
    "INTERNAL_SERVER_ERROR": 500,
}

IDE_PAGE = Path(__file__).parent / "static" / "graphiql" / "index.html"

# The IDE page runs only our own files; the policy makes a forgotten CDN link fail loudly.
IDE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class ParticipaGraphQL(GraphQL[Context, None]):
    def __init__(
        self, schema: Schema, *, settings: Settings, organizations: OrganizationCache, storage: FileStorage
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True, multipart_uploads_enabled=True)
        self.settings = settings
        self.organizations = organizations
        self.storage = storage
        self.max_body_bytes = settings.limits.max_body_bytes
        self.max_upload_bytes = settings.limits.max_upload_bytes
        self.max_upload_files = settings.limits.max_upload_files
        self._ide_template = IDE_PAGE.read_text(encoding="utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        cap = self.max_upload_bytes if _is_multipart(Headers(scope=scope).get("content-type")) else self.max_body_bytes
        request = Request(scope, self._capped(receive, cap))
        scope.setdefault("state", {})
        scope["state"]["request_id"] = request.headers.get("x-request-id") or uuid.uuid4().hex
        try:
            scope["state"]["organization"] = await self.organizations.get(
                request_host(request), request.app.state.sessionmaker
            )
        except UnknownOrganization as exc:
            body = {"errors": [{"message": exc.message, "extensions": exc.extensions()}]}
            await self._json(body, 404, request)(scope, receive, send)
            return
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = self._http_error(exc, request)
        except InvalidToken as exc:
            # A bad bearer token is refused before execution rather than run as anonymous.
            body = {"errors": [{"message": exc.message, "extensions": exc.extensions()}]}
            response = self._json(body, 401, request, {"WWW-Authenticate": INVALID_TOKEN_CHALLENGE})
        finally:
            # Closes the temporary files of a multipart body, if one was parsed.
            await request.close()
        await response(scope, receive, send)

    # -- request parsing -------------------------------------------------------------------------

    def _capped(self, receive: Receive, cap: int) -> Receive:
        """Count body bytes as they arrive, so a chunked body without Content-Length is capped too."""
        seen = 0

        async def capped_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise HTTPException(413, _too_large_message(cap))
            return message

        return capped_receive

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        if negotiate_media_type(request.headers.get("accept")) is None:
            raise HTTPException(406, f"This endpoint answers with {GRAPHQL_RESPONSE_JSON} or {JSON}.")
        if request.method == "GET":
            return self._request_data(self._query_string_params(request.query_params))
        if _is_multipart(request.content_type):
            return await self._parse_upload(request)
        _check_json_content_type(request.content_type)
        _check_length(request, self.max_body_bytes)
        body = await request.get_body()
        if not body.strip():
            raise HTTPException(400, "The request body is empty; send a JSON object with a `query`.")
        return self._request_data(self._decode(body, "the request body"))

    async def _parse_upload(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        """A GraphQL multipart request (``operations``, ``map``, then the files)."""
        if not any(request.headers.get(name, "").strip().lower() == value for name, value in PREFLIGHT_HEADERS.items()):
            # Without the header a multipart POST is what a cross-site form can send: refused as before.
            _check_json_content_type(request.content_type)
        _check_length(request, self.max_upload_bytes)
        try:
            form = await request.get_form_data()
        except ValueError as exc:
            raise HTTPException(400, "Unable to parse the multipart body.") from exc
        # Every part counts, repeated names included (a multi-dict's values() shows only the last one).
        items = form.form.multi_items() if hasattr(form.form, "multi_items") else form.form.items()
        files = sum(1 for _, value in items if not isinstance(value, str))
        if files > self.max_upload_files:
            raise HTTPException(413, f"At most {self.max_upload_files} files per request.")
        operations = form.form.get("operations")
        files_map = form.form.get("map")
        if not isinstance(operations, str) or not isinstance(files_map, str):
            raise HTTPException(400, "A multipart request needs the `operations` and `map` fields.")
        data = self._decode(operations, "the `operations` field")
        mapping = self._decode(files_map, "the `map` field")
        if not isinstance(data, dict) or not isinstance(mapping, dict):
            raise HTTPException(400, "`operations` and `map` must be JSON objects.")
        try:
            data = replace_placeholders_with_files(data, mapping, form.files)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise HTTPException(400, "The `map` names files or variables that are missing.") from exc
        return self._request_data(data)

    def _query_string_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        data = dict(params)
        for name in ("variables", "extensions"):
            raw = data.get(name)
            if raw:
                data[name] = self._decode(raw, f"the `{name}` parameter")
            elif name in data:
                data[name] = None  # `?variables=` means "none", as an absent parameter does
        return data

    def _decode(self, raw: str | bytes, where: str) -> Any:
        try:
            return self.decode_json(raw)
        except orjson.JSONDecodeError as exc:
            raise HTTPException(400, f"Malformed JSON in {where}: {exc}") from exc

    def _request_data(self, data: object) -> GraphQLRequestData:
        if isinstance(data, list):
            raise HTTPException(400, "Batched operations are not supported; send one JSON object per request.")
        if not isinstance(data, dict):
            raise HTTPException(400, "The request must be a JSON object with a `query`.")
        expected = {"query": str, "operationName": str, "variables": dict, "extensions": dict}
        for name, kind in expected.items():
            value = data.get(name)
            if value is not None and not isinstance(value, kind):
                what = "a string" if kind is str else "an object"
                raise HTTPException(400, f"`{name}` must be {what} or null.")
        # A missing query is left to Strawberry, which answers 400 unless an extension (persisted
        # queries) supplies the document.
        return GraphQLRequestData(
            query=data.get("query"),
            variables=data.get("variables"),
            operation_name=data.get("operationName"),
            extensions=data.get("extensions"),
        )

    def decode_json(self, data: str | bytes) -> Any:
        return orjson.loads(data)

    # -- responses --------------------------------------------------------------------------------

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        # Carried to create_response(), which is not given the request.
        sub_response.media_type = negotiate_media_type(request.headers.get("accept")) or JSON
        return sub_response

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        response = await super().process_result(request, result)
        if is_request_error(result):
            # Nothing was executed: the spec says such a response has no `data` entry at all.
            response.pop("data", None)
        return response

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        media_type = sub_response.media_type or JSON
        status = 200
        # application/json clients (the legacy watershed) get 200 for every well-formed request.
        if media_type == GRAPHQL_RESPONSE_JSON and isinstance(response_data, dict) and "data" not in response_data:
            status = request_error_status(response_data)
        response = Response(self.encode_json(response_data), status_code=status, media_type=media_type)
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def _json(self, body: object, status: int, request: Request, headers: Mapping[str, str] | None = None) -> Response:
        media_type = negotiate_media_type(request.headers.get("accept")) or JSON
        return Response(self.encode_json(body), status_code=status, media_type=media_type, headers=headers)

    def _http_error(self, exc: HTTPException, request: Request) -> Response:
        status, headers = exc.status_code, None
        if isinstance(exc.__cause__, InvalidOperationTypeError):
            # Strawberry answers 400 when a GET carries a mutation; the spec asks for 405.
            status, headers = 405, {"Allow": "POST"}
        elif status == 405:
            headers = {"Allow": "GET, POST"}
        code = _HTTP_ERROR_CODES.get(status, "BAD_REQUEST")
        body = {"errors": [{"message": exc.reason, "extensions": {"code": code}}]}
        return self._json(body, status, request, headers)

    async def render_graphql_ide(self, request: Request) -> Response:
        static = request.scope.get("root_path", "").rstrip("/") + "/static"
        page = self._ide_template.replace("{{STATIC}}", static)
        return HTMLResponse(page, headers={"Content-Security-Policy": IDE_CSP, "X-Content-Type-Options": "nosniff"})

    # -- context ----------------------------------------------------------------------------------

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
        context.extra["accounts"] = accounts_env(request, response)
        context.extra["storage"] = self.storage
        return context


def _is_multipart(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == MULTIPART


def _check_length(request: AsyncHTTPRequestAdapter, cap: int) -> None:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > cap:
        raise HTTPException(413, _too_large_message(cap))


def _too_large_message(cap: int) -> str:
    return f"The request body is larger than {cap} bytes."


def _check_json_content_type(content_type: str | None) -> None:
    """POST bodies must be JSON in UTF-8; forms and multipart are what a cross-site page can send."""
    if not content_type:
        raise HTTPException(415, f"A POST needs `Content-Type: {JSON}`.")
    media_type, *params = (part.strip().lower() for part in content_type.split(";"))
    if media_type != JSON:
        raise HTTPException(415, f"Unsupported media type {media_type!r}: send the operation as {JSON}.")
    for param in params:
        name, _, value = param.partition("=")
        if name.strip() == "charset" and value.strip().strip('"') not in ("utf-8", "utf8"):
            raise HTTPException(415, "Only UTF-8 encoded JSON is accepted.")


def negotiate_media_type(accept: str | None) -> str | None:
    """The response media type for an Accept header; ``None`` when the client accepts neither.

    A missing or empty header means application/json. graphql-response+json wins only when the
    client names it at least as precisely and as strongly as application/json, so ``*/*`` and
    ``application/*`` keep getting plain JSON.
    """
    if not accept or not accept.strip():
        return JSON
    ranges: list[tuple[str, float]] = []
    for item in accept.split(","):
        media_range, *params = (part.strip().lower() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media_range, quality))

    def preference(candidate: str) -> tuple[float, int]:
        best: tuple[int, float] = (-1, 0.0)
        for media_range, quality in ranges:
            if media_range == candidate:
                specificity = 2
            elif media_range in ("application/*", "*/*"):
                specificity = 1 if media_range == "application/*" else 0
            else:
                continue
            best = max(best, (specificity, quality))
        specificity, quality = best
        return quality, specificity

    gql_quality, gql_specificity = preference(GRAPHQL_RESPONSE_JSON)
    json_quality = preference(JSON)[0]
    if gql_quality <= 0 and json_quality <= 0:
        return None
    if gql_quality > json_quality or (gql_quality == json_quality and gql_specificity == 2):
        return GRAPHQL_RESPONSE_JSON
    return JSON


def is_request_error(result: ExecutionResult) -> bool:
    """True when the operation never ran: a parse, validation or variable-coercion failure.

    Field errors always carry a path; errors raised before execution never do. A null ``data``
    caused by a field error is therefore still an executed operation.
    """
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors or ())


def request_error_status(response_data: GraphQLHTTPResponse) -> int:
    codes = [
        (error.get("extensions") or {}).get("code")
        for error in response_data.get("errors") or ()
        if isinstance(error, dict)
    ]
    return max((_REQUEST_ERROR_STATUS.get(str(code), 400) for code in codes), default=400)
