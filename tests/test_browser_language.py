"""Search, language routing and the language switcher, in Debian's Chromium against the built site."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import site_sources

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser


def search(page, query: str, base: str = "/") -> list[str]:
    """Type a query the way a reader does; return the result links (paths from the site root `base`, with
    fragments, no ?h=)."""
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
        assert url.path.startswith(base), f"{url.path} is outside the site at {base}"
        links.append("/" + url.path[len(base):] + (f"#{url.fragment}" if url.fragment else ""))
    return links


# By the addresses the pages had when this was written: a renamed page is followed through redirects.yml.
@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [(site_sources.current(path), query, "/" + site_sources.current(expected)) for path, query, expected in [
        ("en/register/", "未通过", "en/verify-identity/"),
        ("en/register/", "passport", "en/"),
        ("en/", "locked", "en/locked-out/"),
        ("register/", "简项注册", "no-mainland-phone/"),
        ("register/", "学信网", ""),
        ("", "kefu", "locked-out/"),
    ]],
)
def test_search_finds_pages_in_the_readers_language(new_page, base_url, path, query, expected) -> None:
    page = new_page("zh-CN" if not path.startswith("en/") else "en-US")
    page.goto(base_url + path)
    links = search(page, query, urlsplit(base_url).path)
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


def test_without_javascript_the_bare_address_still_serves_the_guide(new_page, base_url) -> None:
    page = new_page("en-US", java_script_enabled=False)
    page.goto(base_url)
    assert page.url == base_url
    assert page.locator("article h1").count() == 1
    assert page.locator("a[hreflang='en']").count() >= 1
