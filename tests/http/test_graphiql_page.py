"""The GraphiQL page and the static files, checked without a browser."""

from __future__ import annotations

import re
from typing import Any

import httpx

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


async def test_browser_visiting_graphql_gets_graphiql_with_local_assets_only(
    make: Any, client: httpx.AsyncClient
) -> None:
    await make.organization(host="participa.test")
    response = await client.get("/graphql", headers={"accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "connect-src 'self'" in response.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sorted(assets) == [
        "/static/graphiql/favicon.svg",
        "/static/graphiql/graphiql.css",
        "/static/graphiql/graphiql.umd.js",
        "/static/graphiql/participa-graphiql.css",
        "/static/graphiql/participa-graphiql.js",
        "/static/graphiql/react-dom.production.min.js",
        "/static/graphiql/react.production.min.js",
    ]
    for asset in assets:
        served = await client.get(asset)
        assert served.status_code == 200, asset
        assert served.content, asset


async def test_query_in_the_url_is_executed_not_shown_in_graphiql(make: Any, client: httpx.AsyncClient) -> None:
    await make.organization(host="participa.test")
    response = await client.get("/graphql", params={"query": "{ __typename }"}, headers={"accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_default_avatar_is_served_as_svg(client: httpx.AsyncClient) -> None:
    response = await client.get("/static/default-avatar.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.text.lstrip().startswith("<svg")
