"""Search lands on the answer: a task's words, typed into the real search in Chromium, rank the page that answers
them first, in both languages (the glossary and the checklist repeat the labels, so they are boosted down)."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest
import site_sources

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
