"""Search, language routing and the language switcher, in Debian's Chromium against the built site."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, serve

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def new_page(browser, base_url):
    """A page in a fresh context (empty storage) whose every request is recorded and must stay on 127.0.0.1."""
    contexts, requests = [], []

    def make(locale: str = "en-US"):
        context = browser.new_context(locale=locale, viewport={"width": 360, "height": 740})
        context.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    strangers = {url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")}
    assert strangers == set(), "requests left 127.0.0.1"


def search(page, query: str) -> list[str]:
    """Type a query the way a reader does; return the result links (paths with fragments, no ?h=)."""
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material ignores IME input until a keyup (NOTES.md): press a key, as a reader's keyboard would.
    box.press("End")
    results = page.locator(".md-search-result__item > a")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.match(/\\d|No|没有/)"
    )
    links = []
    for i in range(results.count()):
        url = urlsplit(results.nth(i).get_attribute("href"))
        links.append(url.path + (f"#{url.fragment}" if url.fragment else ""))
    return links


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("en/register/", "未通过", "/en/verify-identity/"),
        ("en/register/", "passport", "/en/"),
        ("en/", "locked", "/en/locked-out/"),
        ("register/", "简项注册", "/no-mainland-phone/"),
        ("register/", "学信网", "/"),
        ("", "kefu", "/locked-out/"),
    ],
)
def test_search_finds_pages_in_the_readers_language(new_page, base_url, path, query, expected) -> None:
    page = new_page("zh-CN" if not path.startswith("en/") else "en-US")
    page.goto(base_url + path)
    links = search(page, query)
    assert links, f"no results for {query!r} on /{path}"
    english = path.startswith("en/")
    assert all(link.startswith("/en/") == english for link in links), links
    assert any(link.split("#")[0] == expected for link in links), links


def test_bare_address_takes_a_non_chinese_browser_to_english_once(new_page, base_url) -> None:
    page = new_page("en-US")
    page.goto(base_url)
    page.wait_for_url(base_url + "en/")
    # The reader chooses Chinese in the switcher: the choice sticks on the next visit to the bare address.
    page.locator(".md-select a[hreflang='zh']").first.dispatch_event("click")
    page.wait_for_url(base_url)
    page.goto(base_url)
    page.wait_for_load_state("load")
    assert page.url == base_url


def test_bare_address_keeps_a_chinese_browser_on_chinese(new_page, base_url) -> None:
    page = new_page("zh-CN")
    page.goto(base_url)
    page.wait_for_load_state("load")
    assert page.url == base_url
    assert page.locator("html").get_attribute("lang") == "zh"


def test_language_switcher_keeps_page_and_anchor(new_page, base_url) -> None:
    page = new_page("en-US")
    page.goto(base_url + "en/verify-identity/#method-2")
    page.locator(".md-select a[hreflang='zh']").first.dispatch_event("click")
    page.wait_for_url(base_url + "verify-identity/#method-2")
    page.locator(".md-select a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(base_url + "en/verify-identity/#method-2")


def test_without_javascript_the_bare_address_still_serves_the_guide(browser, base_url) -> None:
    context = browser.new_context(locale="en-US", java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    assert page.url == base_url
    assert page.locator("article h1").count() == 1
    assert page.locator("a[hreflang='en']").count() >= 1
    context.close()
