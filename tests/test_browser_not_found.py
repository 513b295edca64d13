"""A mistyped link from an e-mail lands on a page that helps, in both languages: English first under /en/."""
from __future__ import annotations

import pytest
from browser import search_from_not_found

pytestmark = pytest.mark.browser

# Each language has its own page (404.html, en/404.html): the server answers a missing address under /en/ with the
# English one (error_page per location, as deploy/nginx-site.conf does and tests/browser.py imitates).
NOT_FOUND = {"zh": ("找不到这个页面", "Page not found"), "en": ("Page not found", "找不到这个页面")}


@pytest.mark.parametrize(("path", "lang"), [("no-such-page/", "zh"), ("en/no-such-page/", "en"),
                                            ("en/register/no-such-anchor-page", "en")])
def test_the_missing_page_helps_in_its_language(new_page, base_url, path, lang) -> None:
    """It says so in both languages, links both home pages and the troubleshooting pages, switches language to the
    two home pages, and its search finds pages of its own language."""
    page = new_page("en-US" if lang == "en" else "zh-CN")
    response = page.goto(base_url + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1, article h2").all_inner_texts()[:2] == list(NOT_FOUND[lang])
    assert page.locator("article h1").count() == 1
    links = page.locator("article .not-found a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(link.removeprefix(base_url) for link in links) == [
        "", "en/", "en/troubleshooting/", "troubleshooting/"]
    for link in links:
        assert page.request.get(link).status == 200, link
    switcher = page.locator(".md-select a[hreflang]").evaluate_all(
        "links => links.map(a => [a.getAttribute('hreflang'), a.href])")
    assert dict(switcher) == {"zh": base_url, "en": base_url + "en/"}
    # What to search for: the page's own link to the troubleshooting page in its language (its title).
    target, found = search_from_not_found(page, lang)
    assert target in found, found
    english = [href.startswith(base_url + "en/") for href in found]
    assert all(english) if lang == "en" else not any(english), found


@pytest.mark.parametrize("path", ["en/no-such-page/", "en/register/no-such-anchor-page"])
def test_a_host_with_one_not_found_page_still_puts_english_first_under_en(new_page, base_url, path) -> None:
    """GitHub Pages answers every missing address with the root 404.html (Chinese first):
    not-found-english-first.js puts English first under /en/, with the one <h1>."""
    page = new_page("en-US")
    chinese = page.request.get(base_url + "404.html")
    assert chinese.ok
    page.route(base_url + path, lambda route: route.fulfill(
        status=404, body=chinese.body(), content_type="text/html; charset=utf-8"))
    response = page.goto(base_url + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "zh"  # the Chinese page indeed
    parts = page.locator("article .not-found__part").evaluate_all("parts => parts.map(p => p.lang)")
    assert parts == ["en", "zh-Hans"]
    assert page.locator("article h1").all_inner_texts() == [page.locator("#not-found-en").inner_text()]
    assert page.locator("article h2").all_inner_texts() == [page.locator("#not-found-zh").inner_text()]
