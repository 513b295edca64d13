"""axe-core (npm, pinned in package.json) on every page of both languages: zero violations.

Every page is checked as a phone shows it (360 x 740, light scheme), where it must not scroll sideways either; the
home pages also in the dark scheme at a desktop width, where the sidebars and the table of contents are on screen.
No rule is disabled.
"""
from __future__ import annotations

import pytest
from browser import PAGES, PHONE, axe_violations, locale_of

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_no_page_scrolls_sideways_or_has_axe_violations_on_a_phone(new_page, root_url, path) -> None:
    page = new_page(locale_of(path))
    page.goto(root_url + path)
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate("""limit => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > limit + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                                  + ': ' + (e.textContent || '').trim().slice(0, 40))""", PHONE["width"])
        pytest.fail(f"/{path} is {width} px wide at {PHONE['width']} px; too wide: {wide}")
    assert axe_violations(page) == "", f"/{path}: axe violations"


@pytest.mark.parametrize("path", ["", "en/"], ids=["zh", "en"])
def test_axe_finds_no_violations_in_the_dark_scheme_on_a_desktop(new_page, root_url, path) -> None:
    page = new_page(locale_of(path), color_scheme="dark", viewport={"width": 1280, "height": 800})
    page.goto(root_url + path)
    # The palette follows the system: a dark system gets Material's dark scheme.
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert axe_violations(page) == "", f"/{path} (dark): axe violations"
