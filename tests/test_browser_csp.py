"""Every page of both languages works under the security headers of site/_headers: no CSP violation, no console
error, on load and after a search (the search runs in a Web Worker that fetches the index)."""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser import browser  # noqa: F401 - a fixture, used by name

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
from guide.outputs import security_headers as hook

# Collect violations from the first moment of every document, before any page script runs.
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""


class _HeadersHandler(SimpleHTTPRequestHandler):
    """Serves the site as a static host that honours _headers would."""

    extra: tuple[tuple[str, str], ...] = ()

    def end_headers(self) -> None:
        for name, value in self.extra:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    headers = hook.parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))
    handler = type("Handler", (_HeadersHandler,), {"extra": tuple(headers.items())})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _pages(site: Path) -> list[str]:
    """Every real page of both languages ('' is the Chinese home page); redirect stubs are left out."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' not in index.read_text(encoding="utf-8"):
            rel = index.parent.relative_to(site).as_posix()
            pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture()
def page(browser):  # noqa: F811 - the imported fixture
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _problems(page) -> list[str]:
    return page.evaluate("window.__csp") + page.errors


def test_the_server_sends_the_policy(served: str) -> None:
    import httpx

    assert "script-src 'self' 'sha256-" in httpx.get(served).headers["content-security-policy"]


def test_every_page_loads_without_a_violation(page, served: str, built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) >= 18 and "en/" in pages
    found = {}
    for path in pages:
        page.goto(served + path, wait_until="load")
        page.wait_for_timeout(100)  # let Material's bundle finish its start-up work
        if problems := _problems(page):
            found[path] = problems
    assert found == {}


@pytest.mark.parametrize(("path", "query"), [("", "学信网"), ("en/", "CHSI")])
def test_search_runs_without_a_violation(page, served: str, path: str, query: str) -> None:
    page.goto(served + path)
    page.locator("input.md-search__input").click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    assert _problems(page) == []
