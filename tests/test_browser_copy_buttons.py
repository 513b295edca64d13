"""Copy, don't type: the Chinese texts a student must enter or look for have a copy button that works in Chromium at
phone size, by tap or keyboard, copies exactly the text, is named for screen readers in the page's language, and
is absent on paper. Which texts: `copy: true` in includes/ui-labels.yml, and every label of the glossary."""
from __future__ import annotations

import pytest
from browser import locale_of
from fixture_site import SITE

from guide.sources import ui_labels

pytestmark = pytest.mark.browser

TABLE = ui_labels.load_table(SITE / "includes" / "ui-labels.yml")
COPY = [label for label, entry in TABLE.items() if entry.copy]
BUTTON = "button.copy-text[data-copy='{}']"


def pages_showing(label: str) -> list[str]:
    """Site paths of the pages whose Markdown shows the label in bold (the glossary is tested on its own)."""
    found = []
    for md in sorted((SITE / "docs").glob("*.md")):
        if f"**{label}**" in md.read_text(encoding="utf-8"):
            name, lang = md.name.removesuffix(".md").rsplit(".", 1)
            found.append(("en/" if lang == "en" else "") + ("" if name == "index" else f"{name}/"))
    return found


CASES = [(label, path) for label in COPY for path in pages_showing(label)]


def test_the_label_data_marks_texts_to_copy() -> None:
    assert COPY, "no label is marked copy: true in includes/ui-labels.yml"
    assert len(CASES) >= 2 * len(COPY), CASES  # each in both languages at least


@pytest.mark.parametrize(("label", "path"), CASES, ids=[f"{p or 'home'}-{label}" for label, p in CASES])
def test_the_button_copies_exactly_the_text(new_page, root_url, label: str, path: str) -> None:
    page = new_page(locale_of(path), permissions=["clipboard-read", "clipboard-write"])
    page.goto(root_url + path)
    visible = page.locator(BUTTON.format(label) + ":visible")
    if visible.count() == 0:
        # The e-mail form replaces the static list on the locked-out pages, with the text already filled in.
        assert page.locator(f"input[value='{label}']:visible").count() == 1
        return
    button = visible.first
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    name = button.get_attribute("aria-label")
    assert (label if not path.startswith("en/") else TABLE[label].gloss) in name
    assert ("Copy" if path.startswith("en/") else "复制") in name
    page.evaluate("navigator.clipboard.writeText('something else')")
    button.click()
    page.wait_for_function("document.querySelector('.copy-text-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == label
    assert label in page.locator(".copy-text-status").text_content()


@pytest.mark.parametrize("path", ["en/verify-identity/", "verify-identity/"])
def test_the_keyboard_reaches_the_button_and_enter_copies(new_page, root_url, path: str) -> None:
    label = COPY[0]
    page = new_page(locale_of(path), permissions=["clipboard-read", "clipboard-write"])
    page.goto(root_url + path)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-copy')") == label:
            break
    else:
        pytest.fail(f"Tab never reached the copy button of {label}")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.getAttribute('data-copied') === 'true'")
    assert page.evaluate("navigator.clipboard.readText()") == label


def test_without_the_clipboard_api_the_fallback_copies(new_page, root_url) -> None:
    label = COPY[0]
    page = new_page("en-US", permissions=["clipboard-read", "clipboard-write"])
    reader = page.context.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(root_url + "en/verify-identity/")
    assert page.evaluate("navigator.clipboard === undefined")
    page.locator(BUTTON.format(label)).first.click()
    assert page.locator(BUTTON.format(label)).first.get_attribute("data-copied") == "true"
    reader.goto(root_url + "en/")
    assert reader.evaluate("navigator.clipboard.readText()") == label


@pytest.mark.parametrize("path", ["glossary/", "en/glossary/"])
def test_every_glossary_label_has_a_button(new_page, root_url, path: str) -> None:
    page = new_page(locale_of(path))
    page.goto(root_url + path)
    copied = page.locator(".ui-labels-table button.copy-text").evaluate_all(
        "buttons => buttons.filter(b => !b.hidden).map(b => b.getAttribute('data-copy'))")
    assert sorted(copied) == sorted(TABLE)


def test_without_javascript_no_button_shows(new_page, root_url) -> None:
    page = new_page("en-US", java_script_enabled=False)
    page.goto(root_url + "en/glossary/")
    assert page.locator("button.copy-text").count() == len(TABLE)
    assert page.locator("button.copy-text:visible").count() == 0


def test_printing_leaves_the_buttons_out(new_page, root_url) -> None:
    page = new_page("en-US")
    page.goto(root_url + "en/checklist/")
    assert page.locator("button.copy-text:visible").count() >= 1
    page.emulate_media(media="print")
    assert page.locator("button.copy-text:visible").count() == 0
