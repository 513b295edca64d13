"""Serve a built site on 127.0.0.1 and drive Debian's Chromium through Playwright (never a browser download)."""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import site_sources

from guide.checks.phone_pages import CHROMIUM, PHONE
from guide.checks.phone_pages import FLAGS as CHROMIUM_ARGS

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, help: v.help, impact: v.impact,
                                      nodes: v.nodes.map(n => n.target.join(" "))}));
}"""
# Every page of every language, from mkdocs.yml's nav, so that a new page is tested without editing a list
# (tests/test_site_build.py checks the build publishes exactly these).
PAGES = [prefix + slug for prefix in site_sources.languages().values() for slug in site_sources.page_slugs()]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the 404.html nearest its path, with status 404, as nginx's `error_page 404` does."""
        folder = Path(self.translate_path(self.path))
        for candidate in (folder, *folder.parents) if code == 404 and self.command == "GET" else ():
            page = candidate / "404.html"
            if page.is_file() and candidate.is_relative_to(self.directory):
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()  # HTTP/1.0: the body ends where the connection closes
                self.wfile.write(page.read_bytes())
                return
        super().send_error(code, message, explain)


def _start(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on an ephemeral port of 127.0.0.1; yield its base URL ending in '/'."""
    server, base = _start(directory)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site: Path) -> list[str]:
    """Every page of every language, relative to the site root ('' is the Chinese home page); no redirect pages."""
    return [(page.parent.relative_to(site).as_posix() + "/").removeprefix("./") for page in site_sources.built_pages(site)]


@functools.cache
def _served(site: str, sub_path: bool) -> str:
    """Serve a built site until the process ends (a daemon thread: shutdown() at exit would wait on a stopped one)."""
    from conftest import build_site

    if not sub_path:
        return _start(Path(site))[1]
    parent = Path(site).parent / "served-under-sub-path"
    parent.mkdir(exist_ok=True)
    base = _start(parent)[1]
    build_site(parent / "guide", site_url=base + "guide/")
    return base + "guide/"


@pytest.fixture(scope="module", params=["root", "sub-path"])
def base_url(request: pytest.FixtureRequest, built_site: Path) -> str:
    """The site's address: at the server root, then under /guide/ (built for that address)."""
    return _served(str(built_site), request.param == "sub-path")


@pytest.fixture(scope="module")
def sub_path_url(built_site: Path) -> str:
    """Under /guide/ only: the page's absolute addresses (alternates, canonical) are its server's, as in production."""
    return _served(str(built_site), True)


@pytest.fixture(scope="module")
def root_url(built_site: Path) -> str:
    """The site served at the server root only (for tests that need not run twice)."""
    return _served(str(built_site), False)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium per module: Playwright's sync API allows one running instance at a time."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    with sync_playwright() as p:  # closing Playwright closes its browser
        yield p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture()
def new_page(browser):
    """make(locale="en-US", **context options) -> a page in a fresh context at 360 x 740 whose every request is
    recorded; after the test, any request to a host other than 127.0.0.1 fails it."""
    contexts, requests = [], []

    def make(locale: str = "en-US", **options):
        context = browser.new_context(locale=locale, **{"viewport": PHONE, **options})
        context.on("request", lambda request: requests.append(request.url))
        # Ten seconds is ample on 127.0.0.1 and makes a failing wait fail fast.
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    strangers = sorted({url for url in requests if not url.startswith(("data:", "blob:", "about:"))
                        and urlsplit(url).hostname != "127.0.0.1"})
    assert strangers == [], "requests left 127.0.0.1"


@pytest.fixture()
def visit(new_page):
    """visit(base, path, **context options) -> a new_page at base + path, its browser English under en/, else Chinese."""
    def go(base: str, path: str, **options):
        page = new_page("en-US" if path.startswith("en/") else "zh-CN", **options)
        page.goto(base + path)
        return page

    return go


def tab_to(page, selector: str, limit: int = 20) -> None:
    """Press Tab until `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def axe_violations(page) -> str:
    """axe-core's violations on the whole page, one line each with the first ten elements under it ("" when none)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci first)")
    page.add_script_tag(path=str(AXE))
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}" + "".join(f"\n    {n}" for n in v["nodes"][:10])
                     for v in page.evaluate(RUN_AXE))


def search_from_not_found(page, lang: str) -> tuple[str, list[str]]:
    """On a not-found page, search for its link to the troubleshooting page in `lang`: (its address, the results')."""
    link = page.locator(f".not-found__part[lang^='{lang}'] a[href$='troubleshooting/']")
    query, target = link.inner_text(), link.evaluate("a => a.href")
    page.locator(".not-found__part label.not-found__search").first.click()
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(state="visible")
    found = [href.split("#")[0].split("?")[0] for href in results.evaluate_all("links => links.map(a => a.href)")]
    return target, found
