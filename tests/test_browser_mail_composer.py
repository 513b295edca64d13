"""The Plan 2 e-mail composer, in Chromium at 360 px, in both languages: a locked-out student fills in the form and
the e-mail to CHSI writes itself; nothing is sent, stored or requested; without JavaScript the static link stays."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser import axe_violations
from project_facts import EMAIL, FACTS

from guide.rendering import mail_composer

pytestmark = pytest.mark.browser

# The items' numbers as the build reads them: boxes to type in (#mc-item-N), boxes to tick (#mc-attach-N), prefilled.
TYPED = [n for n, item in enumerate(FACTS.items, 1) if not item.attachment]
TICKED = [n for n, item in enumerate(FACTS.items, 1) if item.attachment]
PREFILLED = {n: item.value for n, item in enumerate(FACTS.items, 1) if item.value}
# An obviously fake student: a made-up value for every item to type that is not prefilled.
SAMPLE = {n: f"SAMPLE-{i}" for i, n in enumerate(TYPED, 1) if n not in PREFILLED}
FIRST, SECOND = list(SAMPLE)[:2]
PROBLEM = {"en": "My name has a typo and the edit button does nothing.", "zh": "姓名填错了，点击修改没有反应。"}
PAGES = {"en": "en/locked-out/", "zh": "locked-out/"}


def fill(page, lang: str, values: dict[int, str] | None = None) -> None:
    for n, value in (values or SAMPLE).items():
        page.fill(f"#mc-item-{n}", value)
    for n in TICKED:
        page.check(f"#mc-attach-{n}")
    page.fill("#mc-problem", PROBLEM[lang])


def open_in_place(page) -> None:
    """Click Open with the mail app's navigation held back, so the page stays to be looked at."""
    page.evaluate("document.getElementById('mc-open').addEventListener('click', e => e.preventDefault())")
    page.click("#mc-open")


def composed(page) -> tuple[str, list[str]]:
    """The subject and the body lines of the mailto: link the Open button carries."""
    href = page.get_attribute("#mc-open", "href")
    address = urlsplit(href)
    assert address.scheme == "mailto" and unquote(address.path) == EMAIL
    query = parse_qs(address.query)
    return query["subject"][0], query["body"][0].split("\r\n")


# Each item's line before its value: the label and its English words; a prefilled answer follows the colon once.
HEADINGS = [f"({n}) {item.label} {item.english}" for n, item in enumerate(FACTS.items, 1)]


def expected_body(lang: str, unticked: tuple[int, ...] = ()) -> list[str]:
    """The e-mail as the filled form writes it: an attachment says it is attached only once it is ticked."""
    values = [("" if n in unticked else mail_composer.ATTACHED) if item.attachment
              else {**PREFILLED, **SAMPLE}[n] for n, item in enumerate(FACTS.items, 1)]
    return [f"{item}: {value}" for item, value in zip(HEADINGS, values)] + [
        "", f"{FACTS.closing}: {PROBLEM[lang]}", ""]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_filled_form_composes_the_items_in_the_sources_order(visit, root_url, lang: str) -> None:
    page = visit(root_url, PAGES[lang])
    # With JavaScript the composer replaces the static steps; the section's first line still says what to send.
    assert page.is_visible("#mail-composer") and page.locator("#plan-2 + p").is_visible()
    assert page.locator(".task-list-item:visible").count() == 0
    assert page.locator(f"a[href^='mailto:{EMAIL}?subject=']:not(#mc-open):visible").count() == 0
    for n, value in PREFILLED.items():
        assert page.input_value(f"#mc-item-{n}") == value  # prefilled, as the office's guide says
    # At 360 px the attachments' legend takes two lines: it must not straddle the box's top border.
    box = page.evaluate("""() => { const set = document.querySelector('.mail-composer__attachments');
        const legend = set.querySelector('legend').getBoundingClientRect();
        return {set: set.getBoundingClientRect().top + parseFloat(getComputedStyle(set).borderTopWidth),
                legend: legend.top}; }""")
    assert box["legend"] >= box["set"], f"the legend starts {box['set'] - box['legend']:.0f} px above the box's border"
    fill(page, lang)
    subject, body = composed(page)
    assert subject == FACTS.subject
    assert body == expected_body(lang)
    text = page.input_value("#mc-preview").split("\n")
    assert text[0].endswith(": " + EMAIL) and text[1].endswith(": " + FACTS.subject)
    assert text[3:] == expected_body(lang)
    for n, value in PREFILLED.items():  # "(4) ... Institution: 北京大学", not "... Institution (北京大学): 北京大学"
        assert body[n - 1].endswith(": " + value) and body[n - 1].count(value) == 1, body[n - 1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coming_back_to_the_page_starts_with_nothing_ticked(visit, root_url, lang: str) -> None:
    """Back from another page (the browser restores a form's boxes): no tick, and no attachment said to be attached,
    is kept from the earlier visit, even once the student types again."""
    page = visit(root_url, PAGES[lang])
    fill(page, lang)
    assert mail_composer.ATTACHED in "\n".join(composed(page)[1])
    page.goto(root_url + ("en/contact/" if lang == "en" else "contact/"))
    page.go_back()
    page.wait_for_selector("#mail-composer:not([hidden])")
    assert [page.is_checked(f"#mc-attach-{n}") for n in TICKED] == [False] * len(TICKED)
    page.fill("#mc-problem", PROBLEM[lang])
    _, body = composed(page)
    assert mail_composer.ATTACHED not in "\n".join(body)
    assert [body[n - 1] for n in TICKED] == [f"{HEADINGS[n - 1]}: " for n in TICKED]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_empty_field_is_named_beside_it_in_the_readers_language(visit, root_url, lang: str) -> None:
    item = FACTS.items[SECOND - 1]
    message = f"Enter ({SECOND}) {item.english}." if lang == "en" else f"请填写{item.label}。"
    page = visit(root_url, PAGES[lang])
    fill(page, lang, {**SAMPLE, SECOND: "   "})
    page.click("#mc-open")
    error = page.locator(f"#mc-item-{SECOND}-error")
    assert error.is_visible() and error.text_content() == message
    assert error.get_attribute("role") == "alert"
    assert page.get_attribute(f"#mc-item-{SECOND}", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == f"mc-item-{SECOND}"
    assert page.url.split("#")[0].endswith(PAGES[lang]), "the e-mail must not open with an item missing"
    page.fill(f"#mc-item-{SECOND}", SAMPLE[SECOND])
    open_in_place(page)
    assert not error.is_visible()


def test_a_pasted_line_break_stays_in_its_line_and_an_unticked_attachment_is_named_not_attached(visit, root_url):
    page = visit(root_url, PAGES["en"])
    fill(page, "en")
    page.fill(f"#mc-item-{FIRST}", "")
    page.focus(f"#mc-item-{FIRST}")
    page.keyboard.insert_text("SAMPLE\nStudent\r\nExample")  # as pasted from a PDF or an e-mail
    unticked = TICKED[-1]
    page.uncheck(f"#mc-attach-{unticked}")
    open_in_place(page)
    assert f"Not ticked yet: ({unticked})." in page.text_content("#mc-status")
    body, expected, pasted = composed(page)[1], expected_body("en", (unticked,)), FIRST - 1
    assert body[pasted].startswith(f"{HEADINGS[pasted]}: SAMPLE") and "\n" not in body[pasted]
    assert body[:pasted] + body[pasted + 1:] == expected[:pasted] + expected[pasted + 1:]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_copy_fills_the_clipboard_and_nothing_is_requested_or_stored(visit, root_url, lang: str) -> None:
    page = visit(root_url, PAGES[lang], permissions=["clipboard-read", "clipboard-write"])
    page.wait_for_load_state("networkidle")
    before = page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]")
    requests: list[str] = []
    # The browser's own request for the tab's icon may come late; the page itself may ask for nothing.
    page.on("request", lambda request: requests.append(request.url) if "favicon" not in request.url else None)
    fill(page, lang)
    page.click("#mc-copy")
    page.wait_for_function("document.getElementById('mc-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#mc-preview")
    assert ("Copied" if lang == "en" else "已复制") in page.text_content("#mc-status")
    open_in_place(page)
    assert requests == []
    after = page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]")
    assert after == before, "the composer stored something"
    values = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert not any(value in values for value in SAMPLE.values())
    assert page.evaluate("document.cookie") == "" and page.context.cookies() == []


def test_the_longest_allowed_e_mail_stays_within_what_mail_apps_accept(visit, root_url) -> None:
    page = visit(root_url, PAGES["zh"])
    lengths = mail_composer.max_lengths(FACTS)
    # Every character Chinese: nine characters each once percent-encoded, the worst case; every attachment ticked.
    for n in TYPED:
        page.fill(f"#mc-item-{n}", "汉" * (lengths[f"item-{n}"] + 20))  # the field's maxlength cuts what is typed
    for n in TICKED:
        page.check(f"#mc-attach-{n}")
    page.fill("#mc-problem", "汉" * (lengths["problem"] + 20))
    assert len(page.input_value("#mc-problem")) == lengths["problem"]
    href = page.get_attribute("#mc-open", "href")
    assert len(href) <= mail_composer.MAX_MAILTO, len(href)
    open_in_place(page)
    assert "太长" not in page.text_content("#mc-status")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_nothing_with_errors_and_filled(visit, root_url, lang: str) -> None:
    # Empty, the page is test_browser_a11y.py's.
    page = visit(root_url, PAGES[lang])
    page.click("#mc-open")
    assert page.locator(".mail-composer__error:visible").count() == len(SAMPLE) + 1  # and the problem
    assert axe_violations(page) == "", "with errors"
    fill(page, lang)
    open_in_place(page)
    page.locator("#mc-preview-box summary").click()
    assert axe_violations(page) == "", "filled"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_the_static_link_and_checklist_stay(visit, root_url, lang: str) -> None:
    page = visit(root_url, PAGES[lang], java_script_enabled=False)
    assert not page.is_visible("#mail-composer")
    static = page.locator(f"a[href^='mailto:{EMAIL}?subject=']")
    assert static.count() == 1 and static.is_visible()
    assert page.locator(".task-list-item:visible").count() == len(FACTS.items)


def test_printing_shows_the_items_and_not_the_form(visit, root_url) -> None:
    page = visit(root_url, PAGES["en"])
    page.emulate_media(media="print")
    assert not page.is_visible("#mail-composer")
    assert page.locator(".task-list-item:visible").count() == len(FACTS.items)
