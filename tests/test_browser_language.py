"""Language routing and the language switcher, in Debian's Chromium against the built site (search: test_browser_search.py)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_bare_address_takes_a_non_chinese_browser_to_english_once(new_page, base_url) -> None:
    page = new_page("en-US")
    page.goto(base_url)
    page.wait_for_url(base_url + "en/")
    # The reader chooses Chinese in the switcher: the choice sticks on the next visit to the bare address.
    page.locator(".md-select a[hreflang='zh']").first.dispatch_event("click")
    page.wait_for_url(base_url)
    page.goto(base_url)
    assert page.url == base_url


@pytest.mark.parametrize(("locale", "scripts"), [("zh-CN", True), ("en-US", False)],
                         ids=["a-chinese-browser", "any-browser-without-javascript"])
def test_the_bare_address_serves_the_chinese_guide(new_page, base_url, locale, scripts) -> None:
    page = new_page(locale, java_script_enabled=scripts)
    page.goto(base_url)
    assert page.url == base_url
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("article h1").count() == 1
    assert page.locator("a[hreflang='en']").count() >= 1


def test_language_switcher_keeps_page_and_anchor(visit, base_url) -> None:
    page = visit(base_url, "en/verify-identity/#method-2")
    page.locator(".md-select a[hreflang='zh']").first.dispatch_event("click")
    page.wait_for_url(base_url + "verify-identity/#method-2")
    page.locator(".md-select a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(base_url + "en/verify-identity/#method-2")
