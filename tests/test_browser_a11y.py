"""On every page of both languages at 360 x 740 (light scheme): no sideways scrolling, the whole site name in the
header, and zero violations of axe-core (npm, pinned in package.json), no rule disabled; the home pages also in the
dark scheme at a desktop width, where the sidebars and the table of contents are on screen."""
from __future__ import annotations

import pytest
from browser import PAGES, PHONE, axe_violations

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_no_page_scrolls_sideways_cuts_the_site_name_or_has_axe_violations_on_a_phone(visit, root_url, path) -> None:
    page = visit(root_url, path)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate("""limit => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > limit + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                                  + ': ' + (e.textContent || '').trim().slice(0, 40))""", PHONE["width"])
        pytest.fail(f"/{path} is {width} px wide at {PHONE['width']} px; too wide: {wide}")
    # A name too long for the phone's header (English) gives way to its short form, never cut to "CHSI regist…".
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-header__topic:first-child > span')]
        .filter(span => span.getClientRects().length)
        .map(span => ({text: span.textContent.trim(), cut: span.scrollWidth > span.clientWidth}))""")
    assert len(shown) == 1 and shown[0]["text"], f"/{path}: the header shows {shown}"
    assert not shown[0]["cut"], f"/{path}: the header cuts “{shown[0]['text']}” at {PHONE['width']} px"
    assert axe_violations(page) == "", f"/{path}: axe violations"


@pytest.mark.parametrize("path", ["", "en/"], ids=["zh", "en"])
def test_axe_finds_no_violations_in_the_dark_scheme_on_a_desktop(visit, root_url, path) -> None:
    page = visit(root_url, path, color_scheme="dark", viewport={"width": 1280, "height": 800})
    # The palette follows the system: a dark system gets Material's dark scheme.
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert axe_violations(page) == "", f"/{path} (dark): axe violations"
