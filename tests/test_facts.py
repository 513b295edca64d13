"""includes/facts.yml: each fact written once; pages name it, the build shows and links it, typed copies fail."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site
from project_facts import FACTS, facts_module

from guide.sources.errors import SourceError
from guide.sources.words import words

LANGUAGES = ("zh", "en")  # the tests site's languages
PAGE = "docs/x.en.md"


def problems(markdown: str) -> list[str]:
    return facts_module.typed_facts(markdown, FACTS, PAGE)


@pytest.mark.parametrize("name", sorted(FACTS.hotlines))
@pytest.mark.parametrize("shape", ["{number}", "{abroad}", "{digits}", "+{tel}"])
def test_a_hotline_typed_in_any_shape_is_refused_with_its_name(name: str, shape: str) -> None:
    number = FACTS.hotlines[name]
    typed = shape.format(number=number, abroad=facts_module.international_display(number),
                         digits=number.replace("-", ""), tel=facts_module.international_digits(number)[1:])
    assert problems(f"Intro.\n\nCall {typed} today.\n") == [
        (f"{PAGE}:3: the number {number} is typed here: write {{{{ {name} }}}} instead, so the page always shows "
        "what includes/facts.yml says")]


def test_the_email_and_the_addresses_typed_are_refused_with_their_names() -> None:
    home = FACTS.addresses["chsi-home"]
    found = problems(f"Write to {FACTS.service_email.upper()}.\nOpen {home} or {facts_module.address_display(home)}.\n")
    assert found[0] == (f"{PAGE}:1: {FACTS.service_email} is typed here: write {{{{ service-email }}}} instead, so "
                        "the page always shows what includes/facts.yml says")
    assert [p.split(": ")[0] for p in found[1:]] == [f"{PAGE}:2", f"{PAGE}:2"]
    assert all("write {{ chsi-home }} (or [words][chsi-home])" in p for p in found[1:])


@pytest.mark.parametrize(("markdown", "expected"), [
    ("See https://example.org/help and [x][chsi-home].\n[y]: https://example.org/\n", [
        (f"{PAGE}:1: the address https://example.org/help is typed here: add it to includes/facts.yml under "
         "addresses with a short name, and link it as [words][name]"),
        (f"{PAGE}:2: a link definition in a page: addresses live in includes/facts.yml; add it there under addresses "
         "and link it as [words][name]")]),
    # A new number typed in both languages would pass parity: it must go into the data file like the others.
    ("Call 010-22223333 or +86 21 5555 6666, not on 2026-12-06 or in 3-4 hours.\n", [
        (f"{PAGE}:1: the phone number {number} is typed here: add it to includes/facts.yml under hotlines with a "
         "short name, and write {{ name }}") for number in ("010-22223333", "+86 21 5555 6666")]),
    (f"Call {{{{ hotline-en }}}}.\n\n```\n{FACTS.hotlines['hotline-en']}\n```\n", []),  # code and placeholders
])
def test_an_address_or_number_the_facts_file_lacks_is_sent_there(markdown: str, expected: list[str]) -> None:
    assert problems(markdown) == expected


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_a_hotline_shows_both_ways_of_dialling_and_dials_the_same_number(locale: str) -> None:
    for name, number in FACTS.hotlines.items():
        text, found = facts_module.expand(f"Call {{{{ {name} }}}}.", FACTS, locale, PAGE)
        tel = f"tel:{facts_module.international_digits(number)}"
        assert found == []
        assert f"[{number}](<{tel}>)" in text
        assert f"[{facts_module.international_display(number)}](<{tel}>)" in text
        assert words(locale).from_abroad in text


def test_an_unknown_name_lists_the_names_there_are() -> None:
    _text, found = facts_module.expand("a\n{{ hotline-fr }}", FACTS, "en", PAGE)
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:2: {{{{ hotline-fr }}}} is not a name in includes/facts.yml")
    assert all(f"{{{{ {name} }}}}" in found[0] for name in FACTS.names())


def test_a_new_number_in_the_data_file_reaches_every_page_that_shows_it(tmp_path: Path) -> None:
    """The office's recipe: change the number in includes/facts.yml, nothing else; the build shows and dials it."""
    project = copy_site(tmp_path / "project")
    facts_file = project / facts_module.FACTS_FILE
    old = FACTS.hotlines["hotline-en"]
    new = "010-12345678"
    facts_file.write_text(facts_file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    pages = [p for p in (tmp_path / "site").rglob("*.html") if "12345678" in p.read_text(encoding="utf-8")]
    users = [p for p in (SITE / "docs").glob("*.md") if "{{ hotline-en }}" in p.read_text(encoding="utf-8")]
    assert len(pages) >= len(users) > 0
    old_digits = old.split("-")[1]
    stale = [str(p) for p in (tmp_path / "site").rglob("*.html")
             if old_digits in p.read_text(encoding="utf-8").replace(" ", "")]
    assert stale == [], f"the old number is still on {stale}"
    english = min(p for p in users if p.name.endswith(".en.md")).name.removesuffix(".en.md")
    html = (tmp_path / "site" / "en" / ("" if english == "index" else english) / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+861012345678">010-12345678</a>' in html and "+86 10 1234 5678" in html


# --- a small facts file, made here: the e-mail's items (also the form's, tests/test_mail_items.py) and a text fact ---

SMALL = """school: 北京大学
addresses:
  chsi-home: https://www.chsi.com.cn/
hotlines:
  hotline-en: 010-22222222
service-email: service@example.com
texts:
  hotline-hours: {zh: "工作日 9:00-17:00（北京时间）", en: "working days, 9:00-17:00 (UTC+8)"}
mail-to-chsi:
  subject: 学信网账号问题 CHSI account problem
  items:
    - {label: 姓名, english: Name, hint: {zh: 与邮件一致, en: as in the e-mail}}
    - {label: 证件号码, english: Passport Number, note: {zh: 填护照号码, en: your passport number}}
    - {label: 就读院校名称, english: Name of Enrolled Institution, value: school}
    - {label: 本人手持证件照片, english: Photo of you, attachment: true}
    - {label: 学号, english: Student ID number}
    - {label: 成绩单, english: Transcript, attachment: true}
  closing: 具体问题 The problem I am facing
"""
GLOSSES = {"姓名": "Name", "证件号码": "ID number", "就读院校名称": "Name of Enrolled Institution",
           "本人手持证件照片": "Photo of you", "学号": "Student ID number", "成绩单": "Transcript", "北京大学": "Peking University"}


def small(text: str = SMALL) -> facts_module.Facts:
    facts = facts_module.parse_facts(text, LANGUAGES, "facts.yml")
    facts.glosses = dict(GLOSSES)
    return facts


def shown(markdown: str, locale: str, facts: facts_module.Facts | None = None) -> str:
    text, found = facts_module.expand(markdown, facts or small(), locale, PAGE)
    assert found == []
    return text


@pytest.mark.parametrize(("count", "en", "zh"), [(1, "one", "一项"), (7, "seven", "七项"), (8, "eight", "八项"),
                                                 (10, "ten", "十项"), (12, "twelve", "十二项"), (20, "20", "二十项")])
def test_the_count_is_written_in_the_pages_language(count: int, en: str, zh: str) -> None:
    items = "".join(f"    - {{label: 姓名{n}, english: Item {n}}}\n" for n in range(count))
    text = SMALL[:SMALL.index("  items:")] + "  items:\n" + items + "  closing: 具体问题 The problem\n"
    facts = small(text)
    assert shown("E-mail these {{ mail-to-chsi-count }} items.", "en", facts) == f"E-mail these {en} items."
    assert shown("把以下{{ mail-to-chsi-count }}发到", "zh", facts) == f"把以下{zh}发到"


def test_the_list_names_expand_to_the_items_in_each_language() -> None:
    en = shown("Send:\n\n{{ mail-to-chsi-items }}\n\nThen.", "en").split("\n")
    # One source line stays one line, so every later check names the page's own line; Markdown sees the list.
    assert en[4] == "Then."
    assert en[2].split(facts_module.LIST_LINE_BREAK) == [
        "- [ ] (1) **姓名** (Name)",
        "- [ ] (2) **证件号码** (ID number): your passport number",
        "- [ ] (3) **就读院校名称** (Name of Enrolled Institution): **北京大学** (Peking University)",
        "- [ ] (4) **本人手持证件照片** (Photo of you)",
        "- [ ] (5) **学号** (Student ID number)", "- [ ] (6) **成绩单** (Transcript)"]
    assert shown("{{ mail-to-chsi-items }}", "zh").split(facts_module.LIST_LINE_BREAK) == [
        "- [ ] (1) 姓名 Name", "- [ ] (2) 证件号码 Passport Number：填护照号码",
        "- [ ] (3) 就读院校名称 Name of Enrolled Institution：北京大学", "- [ ] (4) 本人手持证件照片 Photo of you",
        "- [ ] (5) 学号 Student ID number", "- [ ] (6) 成绩单 Transcript"]


def test_the_inline_list_glosses_only_what_the_page_has_not_glossed_above_it() -> None:
    page = "Enter **姓名** (Name) and **北京大学** (Peking University).\n\nSend {{ mail-to-chsi-items-inline }}."
    assert shown(page, "en").split("\n")[2] == (
        "Send (1) **姓名**, (2) **证件号码** (ID number): your passport number, (3) **就读院校名称** (Name of "
        "Enrolled Institution): **北京大学**, (4) **本人手持证件照片** (Photo of you), (5) **学号** (Student ID number), "
        "(6) **成绩单** (Transcript).")
    assert shown("{{ mail-to-chsi-items-inline }}。", "zh") == (
        "(1) 姓名，(2) 证件号码：填护照号码，(3) 就读院校名称：北京大学，(4) 本人手持证件照片，(5) 学号，(6) 成绩单。")


@pytest.mark.parametrize(("numbers", "en", "zh"), [
    ([5, 6, 7], "(5) to (7)", "(5) 至 (7)"), ([4], "(4)", "(4)"), ([5, 6], "(5) and (6)", "(5) 和 (6)"),
    ([2, 5, 7], "(2), (5) and (7)", "(2)、(5) 和 (7)")])
def test_the_attachments_are_named_by_their_numbers(numbers: list[int], en: str, zh: str) -> None:
    facts = small()
    assert (facts.numbers(numbers, "en"), facts.numbers(numbers, "zh")) == (en, zh)
    assert shown("items {{ mail-to-chsi-attachments }}", "en") == "items (4) and (6)"


def test_a_text_fact_is_shown_by_name_in_the_pages_language_and_passes_the_checks() -> None:
    facts = small()
    assert "hotline-hours" in facts.names()
    page = "The hotlines answer {{ hotline-hours }}.\n"
    assert shown(page, "en", facts) == "The hotlines answer working days, 9:00-17:00 (UTC+8).\n"
    assert shown("热线服务时间：{{ hotline-hours }}。", "zh", facts) == "热线服务时间：工作日 9:00-17:00（北京时间）。"
    # A time is not a phone number: neither the page that names it nor the text it shows is refused.
    assert facts_module.typed_facts(page, facts, PAGE) == []
    assert facts_module.typed_facts(shown(page, "en", facts), facts, PAGE) == []


def test_every_mistake_in_a_value_is_named_at_once_with_its_line() -> None:
    bad = SMALL.replace("hotline-en: 010-22222222", "hotline-en: +86 10 1234 5678").replace(
        "service-email: service@example.com", "service-email: kefu at chsi")
    with pytest.raises(SourceError) as err:
        facts_module.parse_facts(bad, LANGUAGES, "facts.yml")
    assert sorted(p.split(": ")[0] for p in str(err.value).splitlines()) == ["facts.yml:5", "facts.yml:6"]
    assert "like 010-12345678" in str(err.value) and "name@example.com" in str(err.value)


@pytest.mark.parametrize(("change", "message"), [
    (("school: 北京大学", "school: ["), "facts.yml:3: not valid YAML"),
    (("service-email: service@example.com\n", ""), "facts.yml: 'service-email:' is missing"),
    (("hotline-hours: {zh:", "hotline-hours: {fr:"), "facts.yml:8: hotline-hours needs a text in zh"),
    (("texts:\n  hotline-hours", "texts:\n  Hotline_Hours"), "facts.yml:8: the name 'Hotline_Hours' must be"),
    (("texts:\n  hotline-hours", "texts:\n  hotline-en"), "facts.yml:8: the name 'hotline-en' is used twice"),
    (("attachment: true", "attachment: yes please"), "facts.yml:15: item 本人手持证件照片 has 'attachment: yes please'"),
    (("value: school", "value: 清华大学"), "facts.yml:14: item 就读院校名称 has 'value: 清华大学'"),
    (("english: Photo of you,", "english: Photo of you, hint: {en: x, zh: y},"),
     "facts.yml:15: item 本人手持证件照片 is an attachment"),
    (("{label: 学号,", "{labels: 学号,"), "facts.yml:16: each item needs a label"),
    (("english: Student ID number}", "english: Student ID number, type: text}"),
     "facts.yml:16: item 学号 has 'type:'"),
])
def test_each_mistake_in_the_facts_file_names_its_line(change: tuple[str, str], message: str) -> None:
    assert change[0] in SMALL
    with pytest.raises(SourceError) as err:
        facts_module.parse_facts(SMALL.replace(*change, 1), LANGUAGES, "facts.yml")
    assert str(err.value).startswith(message), str(err.value)
