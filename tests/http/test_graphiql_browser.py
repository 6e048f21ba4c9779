"""GraphiQL in a real headless Chromium: it loads from our own server only and runs a query."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.async_api import ConsoleMessage, Route

    from tests.http.conftest import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Unlike the page's default query (French names, availableLocales), so the result proves the typing.
QUERY = '{ organization { name { translation(locale: "en") } } }'

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): run .ci/install-test-tools")
    return CHROMIUM


async def test_visitor_runs_a_query_in_graphiql_served_without_any_cdn(
    chromium: Path, make: Any, live_server: LiveServer
) -> None:
    from playwright.async_api import async_playwright, expect

    organization = await make.organization(host="participa.test")
    requested: list[str] = []
    refused: list[str] = []
    console_errors: list[str] = []

    async def local_only(route: Route) -> None:
        url = route.request.url
        requested.append(url)
        if urlsplit(url).hostname in LOOPBACK:
            await route.continue_()
        else:
            refused.append(url)
            await route.abort()

    def on_console(message: ConsoleMessage) -> None:
        # A blocked asset or a Content-Security-Policy violation shows up here.
        if message.type == "error":
            console_errors.append(message.text)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            await page.route("**/*", local_only)
            page.on("console", on_console)
            page.on("pageerror", lambda error: console_errors.append(str(error)))

            await page.goto(live_server.graphql_url)
            editor = page.locator(".graphiql-query-editor .CodeMirror").first
            await editor.click()
            await page.keyboard.press("Control+A")
            await page.keyboard.insert_text(QUERY)
            await page.locator(".graphiql-execute-button").click()

            response_pane = page.locator(".graphiql-response")
            await expect(response_pane).to_contain_text('"translation": "' + organization.name["en"] + '"')
            await expect(response_pane).not_to_contain_text("availableLocales")
        finally:
            await browser.close()

    assert refused == []
    assert console_errors == []
    assert any(urlsplit(url).path == "/static/graphiql/graphiql.umd.js" for url in requested)
