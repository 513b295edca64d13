"""The line under each page's title, "Checked against CHSI on ...", in Chromium at 360 px: in both languages, and
once the page's review date has come it says so honestly and links to the contact page, with no rebuild (the
browser's clock is moved past the date the built page carries); with scripts off the plain line stays."""
from __future__ import annotations

import datetime as dt

import pytest
from fixture_site import SITE

from guide.sources import checked

pytestmark = pytest.mark.browser

BEIJING = dt.timezone(dt.timedelta(hours=8))
REVIEW = checked.load_checked(SITE)["register"]
LINE = ".guide-checked"
PLAIN = {"": f"{REVIEW.checked.year}年{REVIEW.checked.month}月{REVIEW.checked.day}日已与学信网核对",
         "en/": f"Checked against CHSI on {REVIEW.checked.day} December {REVIEW.checked.year}"}
HONEST = {"": "此后学信网可能已有变化：如与所见不同，请联系学信网。",
          "en/": "CHSI may have changed since this page was checked on"}
CONTACT = {"": "联系学信网", "en/": "contact CHSI"}


@pytest.mark.parametrize(("lang", "scripts"), [("", True), ("en/", True), ("en/", False)],
                         ids=["zh-the-day-before-its-date", "en-the-day-before-its-date", "en-without-scripts"])
def test_the_plain_line_shows_under_the_title_at_phone_width(new_page, root_url, lang, scripts: bool):
    assert REVIEW.checked.month == 12  # PLAIN names the month in English
    page = new_page(java_script_enabled=scripts)
    page.clock.set_fixed_time(dt.datetime.combine(REVIEW.review_by, dt.time(0, 0), BEIJING) - dt.timedelta(minutes=1))
    page.goto(f"{root_url}{lang}register/")
    line = page.locator(LINE)
    assert line.inner_text() == PLAIN[lang]
    assert line.locator("time").get_attribute("datetime") == REVIEW.checked.isoformat()
    # Right under the title, inside the page's width (no page scrolls sideways: test_browser_a11y.py).
    assert page.locator(f"h1 + {LINE}").count() == 1
    box = line.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.locator(".guide-checked--overdue").count() == 0


@pytest.mark.parametrize("lang", ["", "en/"], ids=["zh", "en"])
def test_past_its_date_the_line_says_chsi_may_have_changed(new_page, root_url, lang):
    page = new_page()
    page.clock.set_fixed_time(dt.datetime.combine(REVIEW.review_by, dt.time(0, 1), BEIJING))
    page.goto(f"{root_url}{lang}register/")
    line = page.locator(f"{LINE}.guide-checked--overdue")
    line.wait_for()
    assert HONEST[lang] in line.inner_text()
    link = line.locator("a")
    assert link.inner_text() == CONTACT[lang]
    link.click()
    page.wait_for_url(f"{root_url}{lang}contact/")
    # The contact page itself says the same without a link to itself.
    contact = page.locator(f"{LINE}.guide-checked--overdue")
    contact.wait_for()
    assert contact.locator("a").count() == 0


def test_an_undated_page_has_no_line(new_page, root_url):
    page = new_page()
    page.goto(f"{root_url}en/glossary/")
    assert page.locator(LINE).count() == 0
