"""Search lands on the answer: what a student types, into the real search in Chromium, ranks the page that answers
it first, in both languages (the glossary and the checklist repeat the labels, so they are boosted down).

includes/search-queries.yml holds the queries: a task's own words, and students' own words (the synonyms of
includes/ui-labels.yml make those find the answer), with the page AND the section that answers: the first result
must be that page, and its best section that section. That the page and the section exist is make check's rule
(guide/checks/search_queries.py), so an edit that removes one is named there, with the query's line."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import site_sources
import yaml
from fixture_site import SITE

ROOT = Path(__file__).resolve().parent.parent
STUDENT_QUERIES_FILE = SITE / "includes" / "search-queries.yml"

pytestmark = pytest.mark.browser


def student_queries() -> list[tuple[str, str, str, str]]:
    """(language, query, page, section) from includes/search-queries.yml."""
    data = yaml.safe_load(STUDENT_QUERIES_FILE.read_text(encoding="utf-8"))
    return [(lang, query, page, section) for lang, rows in data.items() for query, page, section in rows]


STUDENT_QUERIES = student_queries()


def page_url(lang: str, page: str) -> str:
    """Where a page of docs/ is published, relative to the site root, after the renames of redirects.yml."""
    return site_sources.current(("en/" if lang == "en" else "") + ("" if page == "index" else f"{page}/"))


def first_item(page, base: str, start: str, query: str) -> list[tuple[str, str]]:
    """(page, section id) of each link of the first result: the page itself, then its sections, best first."""
    page.goto(base + start)
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item").first
    first.locator("a").first.wait_for(state="visible")
    hrefs = first.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [(urljoin(page.url, h).split("?")[0].split("#")[0], urlsplit(h).fragment) for h in hrefs]


@pytest.mark.parametrize(("lang", "query", "page", "section"), STUDENT_QUERIES,
                         ids=[f"{lang}-{query}" for lang, query, *_ in STUDENT_QUERIES])
def test_a_students_words_find_the_answer_first(new_page, root_url, lang: str, query: str, page: str,
                                               section: str) -> None:
    browser_page = new_page("en-US" if lang == "en" else "zh-CN")
    start = "en/" if lang == "en" else ""
    links = first_item(browser_page, root_url, start, query)
    found = [(url.removeprefix(root_url), anchor) for url, anchor in links]
    assert found[0][0] == page_url(lang, page), (
        f"searching {query!r} from /{start} lists first /{found[0][0]}, not /{page_url(lang, page)} ({found}): say it "
        "on the page it belongs to, in its title or a heading, or lower the other page with 'search: boost: 0.5' in "
        "its front matter")
    if section:
        best_section = next((anchor for _, anchor in found if anchor), "")
        assert best_section == section, found
