"""The Plan 2 e-mail composer, in Chromium at 360 px, in both languages: a locked-out student fills in the form and
the e-mail to CHSI writes itself; nothing is sent, stored or requested; without JavaScript the static link stays."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from project_facts import EMAIL, FACTS, ITEMS

from guide.rendering import mail_composer

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# An obviously fake student.
SAMPLE = {"name": "SAMPLE Student Example", "passport": "X00000000", "account": "sample.student@example.org"}
PROBLEM = {"en": "My name has a typo and the edit button does nothing.", "zh": "姓名填错了，点击修改没有反应。"}
PAGES = {"en": "en/locked-out/", "zh": "locked-out/"}


def open_page(new_page, root_url: str, lang: str, **options):
    page = new_page("en-US" if lang == "en" else "zh-CN", **options)
    page.goto(root_url + PAGES[lang])
    return page


def fill(page, lang: str, values: dict[str, str] | None = None) -> None:
    for name, value in (values or SAMPLE).items():
        page.fill(f"#mc-{name}", value)
    for number in (5, 6, 7):
        page.check(f"#mc-attach-{number}")
    page.fill("#mc-problem", PROBLEM[lang])


def composed(page) -> tuple[str, list[str]]:
    """The subject and the body lines of the mailto: link the Open button carries."""
    href = page.get_attribute("#mc-open", "href")
    address = urlsplit(href)
    assert address.scheme == "mailto" and unquote(address.path) == EMAIL
    query = parse_qs(address.query)
    return query["subject"][0], query["body"][0].split("\r\n")


def expected_body(lang: str) -> list[str]:
    values = [SAMPLE["name"], SAMPLE["passport"], SAMPLE["account"], "北京大学"] + ["见附件 See attachment"] * 3
    return [f"{item}: {value}" for item, value in zip(ITEMS, values)] + [
        "", f"{FACTS.closing}: {PROBLEM[lang]}", ""]


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => (await axe.run(document.querySelector('article'))).violations")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_filled_form_composes_the_seven_items_in_the_sources_order(new_page, root_url, lang: str) -> None:
    page = open_page(new_page, root_url, lang)
    assert page.is_visible("#mail-composer")
    assert page.input_value("#mc-institution") == "北京大学"  # prefilled, as the office's guide says
    fill(page, lang)
    subject, body = composed(page)
    assert subject == FACTS.subject
    assert body == expected_body(lang)
    text = page.input_value("#mc-preview").split("\n")
    assert text[0].endswith(": " + EMAIL) and text[1].endswith(": " + FACTS.subject)
    assert text[3:] == expected_body(lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_copy_puts_the_same_text_on_the_clipboard(new_page, root_url, lang: str) -> None:
    page = open_page(new_page, root_url, lang, permissions=["clipboard-read", "clipboard-write"])
    fill(page, lang)
    page.click("#mc-copy")
    page.wait_for_function("document.getElementById('mc-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#mc-preview")
    status = page.text_content("#mc-status")
    assert ("Copied" in status) if lang == "en" else ("已复制" in status)


@pytest.mark.parametrize(("lang", "message"), [("en", "Enter your passport number."), ("zh", "请填写护照号码。")])
def test_an_empty_field_is_named_beside_it_in_the_readers_language(new_page, root_url, lang: str,
                                                                  message: str) -> None:
    page = open_page(new_page, root_url, lang)
    fill(page, lang, {**SAMPLE, "passport": "   "})
    page.click("#mc-open")
    error = page.locator("#mc-passport-error")
    assert error.is_visible() and error.text_content() == message
    assert error.get_attribute("role") == "alert"
    assert page.get_attribute("#mc-passport", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "mc-passport"
    assert page.url.split("#")[0].endswith(PAGES[lang]), "the e-mail must not open with an item missing"
    page.fill("#mc-passport", SAMPLE["passport"])
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")
    assert not error.is_visible()


def test_a_pasted_value_with_line_breaks_stays_on_its_one_line(new_page, root_url) -> None:
    page = open_page(new_page, root_url, "en")
    fill(page, "en")
    page.fill("#mc-name", "")
    page.focus("#mc-name")
    page.keyboard.insert_text("SAMPLE\nStudent\r\nExample")  # as pasted from a PDF or an e-mail
    _, body = composed(page)
    assert len(body) == len(expected_body("en"))
    assert body[0].startswith("(1) 姓名 Name: SAMPLE") and "\n" not in body[0]


def test_unticked_attachments_are_named_before_sending(new_page, root_url) -> None:
    page = open_page(new_page, root_url, "en")
    fill(page, "en")
    page.uncheck("#mc-attach-6")
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")
    assert "Not ticked yet: (6)." in page.text_content("#mc-status")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_is_requested_or_stored_while_typing_and_composing(new_page, root_url, lang: str) -> None:
    page = open_page(new_page, root_url, lang, permissions=["clipboard-read", "clipboard-write"])
    page.wait_for_load_state("networkidle")
    before = page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]")
    requests: list[str] = []
    # The browser's own request for the tab's icon may come late; the page itself may ask for nothing.
    page.on("request", lambda request: requests.append(request.url) if "favicon" not in request.url else None)
    fill(page, lang)
    page.click("#mc-copy")
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")
    assert requests == []
    after = page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]")
    assert after == before, "the composer stored something"
    values = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert SAMPLE["passport"] not in values and SAMPLE["name"] not in values
    assert page.evaluate("document.cookie") == "" and page.context.cookies() == []


def test_the_longest_allowed_e_mail_stays_within_what_mail_apps_accept(new_page, root_url) -> None:
    page = open_page(new_page, root_url, "zh")
    lengths = mail_composer.MAX_LENGTHS
    # Every character Chinese: nine characters each once percent-encoded, the worst case.
    for name in ("name", "passport", "account", "institution"):
        page.fill(f"#mc-{name}", "汉" * (lengths[name] + 20))  # the field's maxlength cuts what is typed
    page.fill("#mc-problem", "汉" * (lengths["problem"] + 20))
    assert len(page.input_value("#mc-problem")) == lengths["problem"]
    href = page.get_attribute("#mc-open", "href")
    assert len(href) <= mail_composer.MAX_MAILTO, len(href)
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")
    assert "太长" not in page.text_content("#mc-status")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_nothing_empty_with_errors_and_filled(new_page, root_url, lang: str) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci first)")
    page = open_page(new_page, root_url, lang)
    assert axe_violations(page) == [], "empty"
    page.click("#mc-open")
    assert page.locator(".mail-composer__error:visible").count() == 4  # the institution is prefilled
    assert axe_violations(page) == [], "with errors"
    fill(page, lang)
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")
    page.locator("#mc-preview-box summary").click()
    assert axe_violations(page) == [], "filled"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_the_static_link_and_checklist_stay(new_page, root_url, lang: str) -> None:
    page = open_page(new_page, root_url, lang, java_script_enabled=False)
    assert not page.is_visible("#mail-composer")
    static = page.locator(f"a[href^='mailto:{EMAIL}?subject=']")
    assert static.count() == 1 and static.is_visible()
    assert page.locator(".task-list-item:visible").count() == 7


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_with_javascript_the_composer_replaces_the_static_steps(new_page, root_url, lang: str) -> None:
    page = open_page(new_page, root_url, lang)
    assert page.locator(".task-list-item:visible").count() == 0
    assert page.locator(f"a[href^='mailto:{EMAIL}?subject=']:not(#mc-open):visible").count() == 0
    assert page.locator("#plan-2 + p").is_visible(), "the section's first line still says what to send"


def test_printing_shows_the_seven_items_and_not_the_form(new_page, root_url) -> None:
    page = open_page(new_page, root_url, "en")
    page.emulate_media(media="print")
    assert not page.is_visible("#mail-composer")
    assert page.locator(".task-list-item:visible").count() == 7


def test_the_form_carries_the_items_the_build_checks(built_site: Path) -> None:
    html = (built_site / "en" / "locked-out" / "index.html").read_text(encoding="utf-8")
    start = html.index("data-config='") + len("data-config='")
    config = json.loads(__import__("html").unescape(html[start:html.index("'", start)]))
    assert config["items"] == ITEMS
    assert config["address"] == EMAIL
