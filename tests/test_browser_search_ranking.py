"""Search lands on the answer: a task's words, typed into the real search in Chromium, rank the page that answers
them first, in both languages (the glossary and the checklist repeat the labels, so they are boosted down).

Besides the queries below, includes/search-queries.yml holds what students type in their own words (the synonyms
of includes/ui-labels.yml make those find the answer), with the page AND the section that answers: the first result
must be that page, and its best section that section. That the page and the section exist is make check's rule
(guide/checks/search_queries.py), so an edit that removes one is named there, with the query's line."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import site_sources
import yaml

ROOT = Path(__file__).resolve().parent.parent
STUDENT_QUERIES_FILE = ROOT / "includes" / "search-queries.yml"

pytestmark = pytest.mark.browser

# (page to search from, what a student types, the page whose answer must come first), by the addresses the pages had
# when this was written: a renamed page is followed through redirects.yml.
WRITTEN = [
    ("en/", "register", "en/register/"),
    ("en/", "Method 2", "en/verify-identity/"),
    ("en/", "change name", "en/change-name/"),
    ("en/", "clear cache", "en/change-name/"),
    ("en/", "locked out", "en/locked-out/"),
    ("en/", "seven items", "en/locked-out/"),
    ("en/", "Simplified registration", "en/no-mainland-phone/"),
    ("en/", "international page", "en/no-mainland-phone/"),
    ("en/", "hotline", "en/contact/"),
    ("en/", "code does not arrive", "en/troubleshooting/"),
    ("en/", "forgot password", "en/troubleshooting/"),
    ("", "注册学信网账号", "register/"),
    ("", "方式", "verify-identity/"),
    ("", "修改姓名", "change-name/"),
    ("", "缓存", "change-name/"),
    ("", "账号被锁", "locked-out/"),
    ("", "简项注册", "no-mainland-phone/"),
    ("", "客服电话", "contact/"),
    ("", "收不到", "troubleshooting/"),
    ("", "忘记密码", "troubleshooting/"),
]
QUERIES = [(site_sources.current(start), query, site_sources.current(page)) for start, query, page in WRITTEN]


def first_result(page, base: str, start: str, query: str) -> list[str]:
    page.goto(base + start)
    page.locator("label[for='__search']").first.click()
    box = page.locator("input.md-search__input")
    box.focus()
    # A Chinese input method commits a whole word at once; then a key press (Material waits for a keyup).
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(state="visible")
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [urljoin(page.url, href).split("?")[0].split("#")[0] for href in hrefs]


@pytest.mark.parametrize(("start", "query", "expected"), QUERIES, ids=[q for _, q, _ in QUERIES])
def test_a_tasks_words_find_its_page_first(new_page, root_url, start: str, query: str, expected: str) -> None:
    page = new_page("zh-CN" if not start.startswith("en/") else "en-US")
    found = first_result(page, root_url, start, query)
    assert found[0] == root_url + expected, (
        f"searching {query!r} from /{start} lists first /{found[0].removeprefix(root_url)}, not /{expected} (results: "
        f"{[f.removeprefix(root_url) for f in found[:5]]}): say it on the page it belongs to, in its title or a heading,"
        f" or lower the other page with 'search: boost: 0.5' in its front matter")


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
    assert found[0][0] == page_url(lang, page), found
    if section:
        best_section = next((anchor for _, anchor in found if anchor), "")
        assert best_section == section, found
