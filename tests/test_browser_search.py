"""The search as a student meets it, in Chromium on the tests' site: a typo still finds the word, a pasted query
searches at once, a Chinese query of several words uses every word (the corrected worker,
guide/outputs/search_worker.py), results never cross languages, no raw "Missing:" notes, and an empty result says
so in the page's language with links to the troubleshooting and contact pages."""
from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser

RESULT_LINKS = "items => items.map(i => [...i.querySelectorAll('a')].map(a => a.href))"


def open_search(new_page, root_url: str, lang: str):
    page = new_page("en-US" if lang == "en" else "zh-CN")
    page.goto(root_url + ("en/" if lang == "en" else ""))
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").focus()
    return page


def results(page) -> list[list[str]]:
    return page.locator(".md-search-result__item").evaluate_all(RESULT_LINKS)


def search(new_page, root_url: str, lang: str, query: str) -> tuple[object, list[list[str]]]:
    """Paste `query` (no key pressed) and wait for the first result."""
    page = open_search(new_page, root_url, lang)
    page.keyboard.insert_text(query)
    page.locator(".md-search-result__item a").first.wait_for(state="visible")
    return page, results(page)


def searched_words(links: list[list[str]]) -> set[str]:
    """The words Material says each result matched (its ?h= highlight parameter)."""
    return {word for item in links for href in item for word in parse_qs(urlsplit(href).query).get("h", [""])[0].split()}


def test_a_pasted_query_searches_at_once(new_page, root_url: str) -> None:
    _page, links = search(new_page, root_url, "en", "verification code not received")
    assert links, "a pasted query showed no result until a key was pressed"


def test_a_one_letter_typo_still_finds_the_word(new_page, root_url: str) -> None:
    page, _links = search(new_page, root_url, "en", "pasport")
    marked = page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(word.lower().startswith("passport") for word in marked), marked


@pytest.mark.parametrize(("query", "last_word"), [("核验失败", "失败"), ("学信网注册", "注册")])
def test_a_chinese_query_of_several_words_uses_every_word(new_page, root_url: str, query: str,
                                                          last_word: str) -> None:
    _page, links = search(new_page, root_url, "zh", query)
    assert last_word in searched_words(links), (query, links[:3])


def test_the_failed_check_query_lands_on_the_failed_check_section(new_page, root_url: str) -> None:
    _page, links = search(new_page, root_url, "zh", "核验失败")
    assert urlsplit(links[0][1]).fragment == "not-passed", links[0]


@pytest.mark.parametrize(("lang", "query"), [("en", "学信网"), ("en", "CHSI"), ("zh", "学信网"), ("zh", "CHSI")])
def test_results_never_cross_languages(new_page, root_url: str, lang: str, query: str) -> None:
    _page, links = search(new_page, root_url, lang, query)
    paths = [urlsplit(href).path.removeprefix(urlsplit(root_url).path) for item in links for href in item]
    crossed = [p for p in paths if p.startswith("en/") != (lang == "en")]
    assert paths and not crossed, crossed


def test_no_raw_missing_notes(new_page, root_url: str) -> None:
    page, _links = search(new_page, root_url, "en", "didn't get SMS code")
    notes = page.locator(".md-search-result__terms")
    assert notes.count() and not any(notes.nth(i).is_visible() for i in range(notes.count()))


@pytest.mark.parametrize(("lang", "said", "pages"), [
    ("en", "Nothing found for “qwxzv”.", ["en/troubleshooting/", "en/contact/"]),
    ("zh", "没有找到“qwxzv”。", ["troubleshooting/", "contact/"]),
])
def test_nothing_found_says_so_and_offers_two_pages(new_page, root_url: str, lang: str, said: str,
                                                    pages: list[str]) -> None:
    page = open_search(new_page, root_url, lang)
    page.keyboard.insert_text("qwxzv")
    meta = page.locator(".md-search-result__meta")
    meta.locator("a").first.wait_for(state="visible")
    assert meta.inner_text().startswith(said)
    assert meta.locator("a").evaluate_all("links => links.map(a => a.href)") == [urljoin(root_url, p) for p in pages]
    for href in pages:  # the links lead to pages that exist
        assert page.request.get(urljoin(root_url, href)).ok


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_search_loads_its_index_and_worker_only_when_opened(new_page, root_url: str, lang: str) -> None:
    page = new_page("en-US" if lang == "en" else "zh-CN")
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))

    def search_requests() -> list[str]:
        return [p for p in asked if p.endswith("/search/search_index.json") or "/workers/search" in p]

    page.goto(root_url + ("en/" if lang == "en" else ""), wait_until="networkidle")
    assert search_requests() == [], "a page view loaded the search"
    page.locator("label[for='__search']").first.click()
    page.keyboard.insert_text("CHSI")
    page.locator(".md-search-result__item a").first.wait_for(state="visible")
    index = ("/en" if lang == "en" else "") + "/search/search_index.json"
    assert index in search_requests() and any("/workers/search" in p for p in search_requests())
