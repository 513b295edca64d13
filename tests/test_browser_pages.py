"""What a reader meets on a phone, in Debian's Chromium against the built site (no sideways scrolling: in
test_browser_a11y.py, on the same page load as axe): images that open full size, phone numbers and e-mail addresses that dial and write, a clean printout, and a keyboard that
reaches search and the language switcher. Every request of every test must stay on 127.0.0.1 (tests/browser.py).
"""
from __future__ import annotations

from urllib.parse import urljoin

import pytest
import site_sources
from browser import PAGES, PHONE, locale_of
from project_facts import MAILTO, TELS

pytestmark = pytest.mark.browser

CONTACTS = {"contact/": [*TELS, MAILTO], "locked-out/": [*TELS, MAILTO]}
# The site's chrome: header (with search and the language switcher), both sidebars, footer, back-to-top button.
CHROME = [".md-header", ".md-search", ".md-select", ".md-sidebar--primary", ".md-sidebar--secondary",
          ".md-footer", ".md-top"]


# Pages whose source shows a picture (Markdown image syntax), in both languages.
PAGES_WITH_IMAGES = [path for path in PAGES
                     if "![" in site_sources.docs_file(path.removeprefix("en/"), "zh").read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", PAGES_WITH_IMAGES, ids=lambda p: "/" + p)
def test_images_open_full_size(new_page, root_url, path) -> None:
    # Images below the fold load lazily: their width attribute (written by the build from the file) stands for
    # the natural width until then. A phone (is_mobile): the image document is then laid out at the image's own width, as on a real phone.
    page = new_page(locale_of(path), is_mobile=True, device_scale_factor=2)
    page.goto(root_url + path)
    images = page.evaluate("""() => [...document.querySelectorAll('article img')].map(img => ({
        src: img.src, link: img.closest('a') ? img.closest('a').href : null,
        shown: img.clientWidth, natural: Number(img.getAttribute('width')) || img.naturalWidth}))""")
    assert images, f"/{path} shows no image"
    for image in images:
        assert image["link"] == image["src"], f"/{path}: {image['src']} is not wrapped in a link to itself"
        assert image["natural"] > image["shown"], f"/{path}: {image['src']} is already shown at full size"
    first = images[0]
    page.locator("article a:has(img)").first.click()
    page.wait_for_url(first["link"])
    opened = page.evaluate("() => [document.contentType, document.images[0].naturalWidth, document.images[0].clientWidth]")
    assert opened == ["image/png", first["natural"], first["natural"]], f"{first['link']} opened as {opened}"


@pytest.mark.parametrize(("path", "prefix"), [(p, lang) for p in CONTACTS for lang in ("", "en/")],
                         ids=lambda v: v or "zh")
def test_phone_numbers_and_email_addresses_are_links(new_page, root_url, path, prefix) -> None:
    page = new_page(locale_of(prefix))
    page.goto(root_url + prefix + path)
    hrefs = page.eval_on_selector_all("article a[href^='tel:'], article a[href^='mailto:']",
                                      "links => links.map(a => a.getAttribute('href').split('?')[0])")
    for wanted in CONTACTS[path]:
        assert wanted in hrefs, f"/{prefix}{path}: no link to {wanted}; found {sorted(set(hrefs))}"
    assert page.locator(f"article a[href='{CONTACTS[path][0]}']").first.is_visible()


@pytest.mark.parametrize("path", ["register/", "en/locked-out/"], ids=lambda p: "/" + p)
def test_print_hides_the_site_chrome(new_page, root_url, path) -> None:
    page = new_page(locale_of(path))
    page.goto(root_url + path)
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    shown = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
    assert shown == [], f"/{path} prints the site chrome: {shown}"
    assert page.locator("article h1").is_visible()
    assert page.locator("article ol li").first.is_visible()


def tab_to(page, selector: str, limit: int = 20) -> int:
    """Press Tab from the top of the page until `selector` has the focus; return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


@pytest.mark.parametrize(("path", "query", "expected"),
                         [(site_sources.current(path), query, site_sources.current(expected)) for path, query, expected
                          in [("en/contact/", "locked", "en/locked-out/"), ("contact/", "简项注册", "no-mainland-phone/")]],
                         ids=["en", "zh"])
def test_keyboard_alone_reaches_search(new_page, base_url, path, query, expected) -> None:
    page = new_page(locale_of(path))
    page.goto(base_url + path)
    tab_to(page, "input.md-search__input")
    # A Chinese input method commits a whole word at once; then a key press (NOTES.md: Material waits for a keyup).
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(state="visible")
    assert page.locator("#__search").is_checked(), "the search dialog did not open"
    found = [urljoin(page.url, href).split("?")[0].split("#")[0]
             for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    assert base_url + expected in found, found
    # Arrow keys walk the results; Enter follows the chosen one (the first).
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?")[0].split("#")[0] == found[0])


@pytest.mark.parametrize(("path", "other"), [("en/verify-identity/", "zh"), ("verify-identity/", "en")])
def test_keyboard_alone_reaches_the_language_switcher(new_page, base_url, path, other) -> None:
    page = new_page(locale_of(path))
    page.goto(base_url + path)
    tab_to(page, f"a.md-select__link[hreflang='{other}']")
    assert page.locator(".md-select__inner").first.is_visible(), "the language menu stays closed under focus"
    target = urljoin(page.url, page.locator(f"a.md-select__link[hreflang='{other}']").first.get_attribute("href"))
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert target == base_url + ("en/" if other == "en" else "") + "verify-identity/"
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("path", ["en/register/", "register/"])
def test_keyboard_skips_the_closed_navigation_drawer_on_a_phone(new_page, base_url, path) -> None:
    """Closed, the drawer is off screen: Tab must not walk its links. Opened from the menu button, it is usable."""
    page = new_page(locale_of(path))
    page.goto(base_url + path)
    tab_to(page, "input.md-search__input, .md-search__input, label[for='__search']")
    visited = []
    for _ in range(8):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"))
    assert not any(visited), "focus went into the closed navigation drawer"
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link").last
    drawer_link.wait_for(state="visible")
    drawer_link.focus()
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


@pytest.mark.parametrize("path", ["", "en/"], ids=lambda p: "/" + p)
def test_the_header_shows_the_whole_site_name_on_a_phone(new_page, root_url, path) -> None:
    """A name too long for the phone's header (English) gives way to its short form, never cut to "CHSI regist…"."""
    page = new_page(locale_of(path))
    page.goto(root_url + path)
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-header__topic:first-child > span')]
        .filter(span => span.getClientRects().length)
        .map(span => ({text: span.textContent.trim(), cut: span.scrollWidth > span.clientWidth}))""")
    assert len(shown) == 1 and shown[0]["text"], f"/{path}: the header shows {shown}"
    assert not shown[0]["cut"], f"/{path}: the header cuts “{shown[0]['text']}” at {PHONE['width']} px"


def test_chinese_captions_are_upright(new_page, root_url) -> None:
    """Chinese has no italic face: a slanted caption is the browser's synthetic italics."""
    page = new_page("zh-CN")
    page.goto(root_url + "checklist/")
    styles = page.evaluate("() => [...document.querySelectorAll('article figcaption')]"
                           ".map(c => getComputedStyle(c).fontStyle)")
    assert styles and set(styles) == {"normal"}, styles
