"""What a reader meets on a phone: images that open full size, phone numbers and e-mail addresses that dial and
write, a clean printout, and a keyboard that reaches search and the language switcher (sideways scrolling: a11y)."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest
import site_sources
from browser import PAGES, tab_to
from project_facts import MAILTO, TELS

pytestmark = pytest.mark.browser

# The site's chrome: header (with search and the language switcher), both sidebars, footer, back-to-top button.
CHROME = [".md-header", ".md-search", ".md-select", ".md-sidebar--primary", ".md-sidebar--secondary",
          ".md-footer", ".md-top"]


# Pages whose source shows a picture (Markdown image syntax), in both languages.
PAGES_WITH_IMAGES = [path for path in PAGES
                     if "![" in site_sources.docs_file(path.removeprefix("en/"), "zh").read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", PAGES_WITH_IMAGES, ids=lambda p: "/" + p)
def test_images_open_full_size(visit, root_url, path) -> None:
    # Images below the fold load lazily: their width attribute (written by the build from the file) stands for
    # the natural width until then. A phone (is_mobile): the image document is then laid out at the image's own width, as on a real phone.
    page = visit(root_url, path, is_mobile=True, device_scale_factor=2)
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


@pytest.mark.parametrize("path", ["contact/", "locked-out/", "en/contact/", "en/locked-out/"], ids=lambda p: "/" + p)
def test_phone_numbers_and_email_addresses_are_links(visit, root_url, path) -> None:
    page = visit(root_url, path)
    hrefs = page.eval_on_selector_all("article a[href^='tel:'], article a[href^='mailto:']",
                                      "links => links.map(a => a.getAttribute('href').split('?')[0])")
    assert sorted({*TELS, MAILTO} - set(hrefs)) == [], f"/{path}: links found {sorted(set(hrefs))}"
    assert page.locator(f"article a[href='{TELS[0]}']").first.is_visible()


@pytest.mark.parametrize("path", ["register/", "en/locked-out/"], ids=lambda p: "/" + p)
def test_print_hides_the_site_chrome(visit, root_url, path) -> None:
    page = visit(root_url, path)
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    shown = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
    assert shown == [], f"/{path} prints the site chrome: {shown}"
    assert page.locator("article h1").is_visible()
    assert page.locator("article ol li").first.is_visible()


@pytest.mark.parametrize(("path", "query"), [("en/contact/", "locked"), ("contact/", "简项注册")], ids=["en", "zh"])
def test_keyboard_alone_reaches_search(visit, base_url, path, query) -> None:
    """What each query finds is test_browser_search.py's: here Tab reaches the box and Enter opens a result."""
    page = visit(base_url, site_sources.current(path))
    tab_to(page, "input.md-search__input")
    # A Chinese input method commits a whole word at once; then a key press (NOTES.md: Material waits for a keyup).
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(state="visible")
    assert page.locator("#__search").is_checked(), "the search dialog did not open"
    first = urljoin(page.url, results.first.get_attribute("href")).split("?")[0].split("#")[0]
    # Arrow keys walk the results; Enter follows the chosen one (the first).
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?")[0].split("#")[0] == first)


@pytest.mark.parametrize(("path", "other"), [("en/verify-identity/", "zh"), ("verify-identity/", "en")])
def test_keyboard_alone_reaches_the_language_switcher(visit, base_url, path, other) -> None:
    page = visit(base_url, path)
    tab_to(page, f"a.md-select__link[hreflang='{other}']")
    assert page.locator(".md-select__inner").first.is_visible(), "the language menu stays closed under focus"
    target = urljoin(page.url, page.locator(f"a.md-select__link[hreflang='{other}']").first.get_attribute("href"))
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert target == base_url + ("en/" if other == "en" else "") + "verify-identity/"
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("path", ["en/register/", "register/"])
def test_keyboard_skips_the_closed_navigation_drawer_on_a_phone(visit, base_url, path) -> None:
    """Closed, the drawer is off screen: Tab must not walk its links. Opened from the menu button, it is usable."""
    page = visit(base_url, path)
    tab_to(page, "input.md-search__input, .md-search__input, label[for='__search']")
    for _ in range(8):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), \
            "focus went into the closed navigation drawer"
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link").last
    drawer_link.wait_for(state="visible")
    drawer_link.focus()
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


def test_chinese_captions_are_upright(visit, root_url) -> None:
    """Chinese has no italic face: a slanted caption is the browser's synthetic italics."""
    page = visit(root_url, "checklist/")
    styles = page.evaluate("() => [...document.querySelectorAll('article figcaption')]"
                           ".map(c => getComputedStyle(c).fontStyle)")
    assert styles and set(styles) == {"normal"}, styles
