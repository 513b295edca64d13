"""Copy, don't type: the copy buttons beside the Chinese texts a student must enter or look for, in Chromium at
phone size (which texts: `copy: true` in includes/ui-labels.yml, and every label of the glossary)."""
from __future__ import annotations

import pytest
import site_sources
from browser import PAGES, tab_to
from fixture_site import SITE

from guide.sources import ui_labels

pytestmark = pytest.mark.browser

TABLE = ui_labels.load_table(SITE / "includes" / "ui-labels.yml")
COPY = [label for label, entry in TABLE.items() if entry.copy]
BUTTON = "button.copy-text[data-copy='{}']"
# Each text to copy, on each page whose Markdown shows it in bold.
CASES = [(label, path) for label in COPY for path in PAGES if f"**{label}**" in site_sources.docs_file(
    path.removeprefix("en/"), "en" if path.startswith("en/") else "zh").read_text(encoding="utf-8")]


def test_the_label_data_marks_texts_to_copy() -> None:
    assert COPY, "no label is marked copy: true in includes/ui-labels.yml"
    assert len(CASES) >= 2 * len(COPY), CASES  # each in both languages at least


@pytest.mark.parametrize(("label", "path"), CASES, ids=[f"{p or 'home'}-{label}" for label, p in CASES])
def test_the_button_copies_exactly_the_text(visit, root_url, label: str, path: str) -> None:
    page = visit(root_url, path, permissions=["clipboard-read", "clipboard-write"])
    button = page.locator(BUTTON.format(label) + ":visible").first
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
def test_the_keyboard_reaches_the_button_and_enter_copies(visit, root_url, path: str) -> None:
    label = COPY[0]
    page = visit(root_url, path, permissions=["clipboard-read", "clipboard-write"])
    tab_to(page, BUTTON.format(label), limit=200)
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
def test_every_glossary_label_has_a_button(visit, root_url, path: str) -> None:
    page = visit(root_url, path)
    copied = page.locator(".ui-labels-table button.copy-text").evaluate_all(
        "buttons => buttons.filter(b => !b.hidden).map(b => b.getAttribute('data-copy'))")
    assert sorted(copied) == sorted(TABLE)


def test_without_javascript_no_button_shows(visit, root_url) -> None:
    page = visit(root_url, "en/glossary/", java_script_enabled=False)
    assert page.locator("button.copy-text").count() == len(TABLE)
    assert page.locator("button.copy-text:visible").count() == 0


def test_printing_leaves_the_buttons_out(visit, root_url) -> None:
    page = visit(root_url, "en/checklist/")
    assert page.locator("button.copy-text:visible").count() >= 1
    page.emulate_media(media="print")
    assert page.locator("button.copy-text:visible").count() == 0
