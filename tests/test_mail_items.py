"""The e-mail to CHSI: each item's label is one the label table glosses, or the build names the facts file's line;
the form, the mailto: link and the paper take the items, which are attachments, and their count from the data. What
the pages must not say, and that a list of the items typed on a page matches the data, are make check's rules
(guide/checks/guard_words.py, guide/checks/item_lists.py; tests/test_check_rules.py)."""
from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import site_sources
from fixture_site import SITE
from html_facts import read_page
from project_facts import FACTS, facts_module
from test_facts import GLOSSES, small

from guide.checks import content
from guide.rendering import mail_composer
from guide.sources import ui_labels

LABELS = ui_labels.load_labels(SITE / ui_labels.TABLE_FILE)


def test_an_item_whose_label_the_table_lacks_is_named_with_the_line() -> None:
    items = [*FACTS.items[:2], facts_module.MailItem("账户名称", "Account Name"), *FACTS.items[3:]]
    changed = dataclasses.replace(FACTS, items=items)
    assert content.item_problems(changed, LABELS) == [
        (f"includes/facts.yml:{FACTS.lines['mail-to-chsi']}: item (3) of mail-to-chsi has the label 账户名称, which "
        "includes/ui-labels.yml lacks: add it there with its English gloss, or correct the label")]


def test_both_languages_link_the_prefilled_email_of_the_facts_file(built_site: Path) -> None:
    mailtos = set()
    for prefix in ("", "en/"):
        hrefs = read_page(built_site / site_sources.current(prefix + "locked-out/") / "index.html").hrefs
        mailtos |= {h for h in hrefs if h.startswith("mailto:") and "body=" in h}
    assert mailtos == {FACTS.references()["mail-to-chsi"]}


# --- the form, from tests/test_facts.py's small facts file: a text item with a hint, two attachments -----------


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_the_form_has_a_text_box_per_text_item_and_a_tick_box_per_attachment(locale: str) -> None:
    form = mail_composer.composer_html(locale, GLOSSES, small())
    inputs = re.findall(r'<input id="mc-([\w-]+)" name="[\w-]+" type="(\w+)"|<input type="(checkbox)" id="mc-([\w-]+)"',
                        form)
    found = [(a or d, b or c) for a, b, c, d in inputs]
    # In the e-mail's order; an attachment between two text items keeps its place.
    assert found == [("item-1", "text"), ("item-2", "text"), ("item-3", "text"), ("attach-4", "checkbox"),
                     ("item-5", "text"), ("attach-6", "checkbox")]
    assert '<label for="mc-item-5">(5) <span lang="zh-Hans">学号</span>' in form
    assert 'id="mc-item-3"' in form and 'value="北京大学"' in form  # the known answer is prefilled
    assert form.count('class="mail-composer__hint"') == 1
    assert 'autocomplete="off"' in form[:form.index(">")], "a browser must not bring back ticks from a visit before"
    start = form.index("data-config='") + len("data-config='")
    config = json.loads(html.unescape(form[start:form.index("'", start)]))
    # The prefilled answer follows the colon in the e-mail: the heading does not repeat it in brackets.
    assert [item["text"] for item in config["items"]] == [
        "(1) 姓名 Name", "(2) 证件号码 Passport Number", "(3) 就读院校名称 Name of Enrolled Institution",
        "(4) 本人手持证件照片 Photo of you", "(5) 学号 Student ID number", "(6) 成绩单 Transcript"]
    assert [item["attachment"] for item in config["items"]] == [False, False, False, True, False, True]
    assert set(config["what"]) == {"item-1", "item-2", "item-3", "item-5", "problem"}
    assert config["attachment"] == "见附件 See attachment"
    if locale == "en":
        assert '<label for="mc-attach-6">(6) <span lang="zh-Hans">成绩单</span> (Transcript)</label>' in form
        assert config["what"]["item-5"] == "(5) Student ID number"
    else:
        assert config["what"]["item-5"] == "学号"


def test_the_mailto_lists_every_item_with_nothing_attached_before_the_student_says_so() -> None:
    address = urlsplit(small().mailto())
    query = parse_qs(address.query)
    assert (address.scheme, unquote(address.path), query["subject"]) == (
        "mailto", "service@example.com", ["学信网账号问题 CHSI account problem"])
    assert query["body"][0].split("\r\n") == [
        "(1) 姓名 Name: ", "(2) 证件号码 Passport Number: ", "(3) 就读院校名称 Name of Enrolled Institution (北京大学): ",
        "(4) 本人手持证件照片 Photo of you: ", "(5) 学号 Student ID number: ", "(6) 成绩单 Transcript: ", "",
        "具体问题 The problem I am facing: ", ""]


def test_the_longest_values_the_boxes_accept_keep_the_mailto_within_its_limit() -> None:
    facts = small()
    lengths = mail_composer.max_lengths(facts)
    assert set(lengths) == {"item-1", "item-2", "item-3", "item-5", "problem"}
    values = {f"item-{n}": "汉" * lengths[f"item-{n}"] for n in (1, 2, 3, 5)}
    # The form's e-mail: each heading (a known answer is the box's value, not repeated in brackets), then the value.
    lines = [f"{mail_composer.heading(n, item)}: " + (mail_composer.ATTACHED if item.attachment else values[f"item-{n}"])
             for n, item in enumerate(facts.items, 1)]
    longest = facts_module.quote_mail(facts.service_email, facts.subject,
                                      [*lines, "", f"{facts.closing}: " + "汉" * lengths["problem"], ""])
    assert len(longest) <= mail_composer.MAX_MAILTO
    assert min(lengths.values()) >= 30, "a box too short for a passport number or a name"


@pytest.mark.parametrize(("locale", "sentence"), [
    ("en", ("E-mail the six items above to service@example.com with the subject “<span lang=\"zh-Hans\">学信网账号问题"
           "</span> CHSI account problem”. After each item, write your details; attach items (4) and (6); then "
           "describe your problem.")),
    ("zh", ("把上面六项发邮件到 service@example.com，邮件主题写“学信网账号问题 CHSI account problem”。在每一项后面填写你的信息，"
           "把第 (4) 和 (6) 项添加为附件，再说明你遇到的具体问题。")),
])
def test_paper_counts_the_items_and_names_the_attachments_from_the_data(locale: str, sentence: str) -> None:
    assert mail_composer.paper_html(locale, small()) == f'<p class="paper-only mail-paper">{sentence}</p>'
