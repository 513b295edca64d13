"""The search as a student meets it, in Chromium on the tests' site (a Chinese query of several words uses every
word through the corrected worker, guide/outputs/search_worker.py)."""
from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import site_sources

pytestmark = pytest.mark.browser


def search(visit, base: str, path: str, query: str, shown: str = ".md-search-result__item a"):
    """Paste `query` into the search of base + path and wait for `shown`; the page and each result's links.
    No key is pressed: every search here also shows that a pasted query searches at once."""
    page = visit(base, path)
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text(query)
    page.locator(shown).first.wait_for(state="visible")
    return page, page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => [...i.querySelectorAll('a')].map(a => a.href))")


# By the addresses the pages had when this was written: a renamed page is followed through redirects.yml.
@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [(site_sources.current(path), query, site_sources.current(expected)) for path, query, expected in [
        ("en/register/", "未通过", "en/verify-identity/"),
        ("en/register/", "passport", "en/"),
        ("en/", "locked", "en/locked-out/"),
        ("register/", "简项注册", "no-mainland-phone/"),
        ("register/", "学信网", ""),
        ("", "kefu", "locked-out/"),
    ]],
)
def test_search_finds_pages_in_the_readers_language(visit, base_url, path, query, expected) -> None:
    _page, links = search(visit, base_url, path, query)
    paths = [urlsplit(href).path for item in links for href in item]
    assert all(p.startswith(urlsplit(base_url).path) for p in paths), f"results outside the site at {base_url}"
    paths = [p.removeprefix(urlsplit(base_url).path) for p in paths]
    assert all(p.startswith("en/") == path.startswith("en/") for p in paths), paths
    assert expected in paths, paths


def test_a_one_letter_typo_still_finds_the_word(visit, root_url: str) -> None:
    page, _links = search(visit, root_url, "en/", "pasport")
    marked = page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(word.lower().startswith("passport") for word in marked), marked


@pytest.mark.parametrize(("query", "last_word"), [("核验失败", "失败"), ("学信网注册", "注册")])
def test_a_chinese_query_of_several_words_uses_every_word(visit, root_url: str, query: str,
                                                          last_word: str) -> None:
    _page, links = search(visit, root_url, "", query)
    # The words Material says each result matched: its ?h= highlight parameter.
    words = {word for item in links for href in item for word in parse_qs(urlsplit(href).query).get("h", [""])[0].split()}
    assert last_word in words, (query, links[:3])


def test_no_raw_missing_notes(visit, root_url: str) -> None:
    page, _links = search(visit, root_url, "en/", "didn't get SMS code")
    notes = page.locator(".md-search-result__terms")
    assert notes.count() and not any(notes.nth(i).is_visible() for i in range(notes.count()))


@pytest.mark.parametrize(("path", "said", "pages"), [
    ("en/", "Nothing found for “qwxzv”.", ["en/troubleshooting/", "en/contact/"]),
    ("", "没有找到“qwxzv”。", ["troubleshooting/", "contact/"]),
], ids=["en", "zh"])
def test_nothing_found_says_so_and_offers_two_pages(visit, root_url: str, path: str, said: str,
                                                    pages: list[str]) -> None:
    page, _links = search(visit, root_url, path, "qwxzv", shown=".md-search-result__meta a")
    meta = page.locator(".md-search-result__meta")
    assert meta.inner_text().startswith(said)
    assert meta.locator("a").evaluate_all("links => links.map(a => a.href)") == [urljoin(root_url, p) for p in pages]
    for href in pages:  # the links lead to pages that exist
        assert page.request.get(urljoin(root_url, href)).ok


@pytest.mark.parametrize("path", ["", "en/"], ids=["zh", "en"])
def test_the_search_loads_its_index_and_worker_only_when_opened(new_page, root_url: str, path: str) -> None:
    page = new_page("en-US" if path else "zh-CN")
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.goto(root_url + path, wait_until="networkidle")
    worker = "/workers/search"
    assert not [p for p in asked if p.endswith("/search/search_index.json") or worker in p], "a page view loaded the search"
    page.locator("label[for='__search']").first.click()
    page.keyboard.insert_text("CHSI")
    page.locator(".md-search-result__item a").first.wait_for(state="visible")
    assert "/" + path + "search/search_index.json" in asked and any(worker in p for p in asked)
