"""A mistyped link from an e-mail lands on a page that helps, in both languages: English first under /en/."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "first", "second"), [
    ("no-such-page/", "找不到这个页面", "Page not found"),
    ("en/no-such-page/", "Page not found", "找不到这个页面"),
    ("en/register/no-such-anchor-page", "Page not found", "找不到这个页面"),
])
def test_the_missing_page_says_so_in_both_languages(new_page, base_url, path, first, second) -> None:
    page = new_page("en-US" if path.startswith("en/") else "zh-CN")
    response = page.goto(base_url + path)
    assert response.status == 404
    headings = page.locator("article h1, article h2").all_inner_texts()
    assert headings[:2] == [first, second]
    assert page.locator("article h1").count() == 1


@pytest.mark.parametrize("path", ["no-such-page/", "en/no-such-page/"])
def test_its_links_reach_both_home_pages_and_the_troubleshooting_pages(new_page, base_url, path) -> None:
    page = new_page()
    page.goto(base_url + path)
    links = page.locator("article .not-found a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(link.removeprefix(base_url) for link in links) == [
        "", "en/", "en/troubleshooting/", "troubleshooting/"]
    for link in links:
        assert page.request.get(link).status == 200, link


def test_its_search_entry_opens_the_search(new_page, base_url) -> None:
    page = new_page()
    page.goto(base_url + "en/no-such-page/")
    page.get_by_text("Search the guide").click()
    assert page.locator("#__search").is_checked()
    assert page.locator("input.md-search__input").is_visible()
