"""The e-mail to CHSI: each item's label is one the label table glosses, or the build names the facts file's line;
the form, the mailto: link and the paper take the items, which are attachments, and their count from the data."""
from __future__ import annotations

import dataclasses
import html
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fixture_site import SITE
from project_facts import FACTS, facts_module

from guide.checks import mail_items
from guide.rendering import mail_composer
from guide.sources import ui_labels

LABELS = ui_labels.load_labels(SITE / ui_labels.TABLE_FILE)


def test_every_item_of_the_real_email_has_a_glossed_label() -> None:
    assert mail_items.item_problems(FACTS, LABELS) == []


def test_an_item_whose_label_the_table_lacks_is_named_with_the_line() -> None:
    items = [*FACTS.items[:2], facts_module.MailItem("账户名称", "Account Name"), *FACTS.items[3:]]
    changed = dataclasses.replace(FACTS, items=items)
    assert mail_items.item_problems(changed, LABELS) == [
        (f"includes/facts.yml:{FACTS.lines['mail-to-chsi']}: item (3) of mail-to-chsi has the label 账户名称, which "
        "includes/ui-labels.yml lacks: add it there with its English gloss, or correct the label")]


# --- the form, from a small facts file made here: an added text item and an added attachment -------------------------

SMALL = """school: 北京大学
addresses: {}
hotlines: {}
service-email: service@example.com
mail-to-chsi:
  subject: 学信网账号问题 CHSI account problem
  items:
    - {label: 姓名, english: Name, hint: {zh: 与邮件一致, en: as in the e-mail}}
    - {label: 就读院校名称, english: Name of Enrolled Institution, value: school}
    - {label: 本人手持证件照片, english: Photo of you, attachment: true}
    - {label: 学号, english: Student ID number}
    - {label: 成绩单, english: Transcript, attachment: true}
  closing: 具体问题 The problem I am facing
"""
GLOSSES = {"姓名": "Name", "就读院校名称": "Name of Enrolled Institution", "本人手持证件照片": "Photo of you",
           "学号": "Student ID number", "成绩单": "Transcript"}


def small() -> facts_module.Facts:
    facts = facts_module.parse_facts(SMALL, ("zh", "en"), "facts.yml")
    facts.glosses = dict(GLOSSES)
    return facts


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_the_form_has_a_text_box_per_text_item_and_a_tick_box_per_attachment(locale: str) -> None:
    form = mail_composer.composer_html(locale, GLOSSES, small())
    inputs = re.findall(r'<input id="mc-([\w-]+)" name="[\w-]+" type="(\w+)"|<input type="(checkbox)" id="mc-([\w-]+)"',
                        form)
    found = [(a or d, b or c) for a, b, c, d in inputs]
    # In the e-mail's order; an attachment between two text items keeps its place.
    assert found == [("item-1", "text"), ("item-2", "text"), ("attach-3", "checkbox"), ("item-4", "text"),
                     ("attach-5", "checkbox")]
    assert '<label for="mc-item-4">(4) <span lang="zh-Hans">学号</span>' in form
    assert 'id="mc-item-2"' in form and 'value="北京大学"' in form  # the known answer is prefilled
    assert form.count('class="mail-composer__hint"') == 1
    assert 'autocomplete="off"' in form[:form.index(">")], "a browser must not bring back ticks from a visit before"
    start = form.index("data-config='") + len("data-config='")
    config = json.loads(html.unescape(form[start:form.index("'", start)]))
    # The prefilled answer follows the colon in the e-mail: the heading does not repeat it in brackets.
    assert [item["text"] for item in config["items"]] == [
        "(1) 姓名 Name", "(2) 就读院校名称 Name of Enrolled Institution", "(3) 本人手持证件照片 Photo of you",
        "(4) 学号 Student ID number", "(5) 成绩单 Transcript"]
    assert [item["attachment"] for item in config["items"]] == [False, False, True, False, True]
    assert set(config["what"]) == {"item-1", "item-2", "item-4", "problem"}
    assert config["attachment"] == "见附件 See attachment"
    if locale == "en":
        assert '<label for="mc-attach-5">(5) <span lang="zh-Hans">成绩单</span> (Transcript)</label>' in form
        assert config["what"]["item-4"] == "(4) Student ID number"
    else:
        assert config["what"]["item-4"] == "学号"


def test_the_mailto_lists_every_item_with_nothing_attached_before_the_student_says_so() -> None:
    facts = small()
    query = parse_qs(urlsplit(facts.mailto()).query)
    assert query["body"][0].split("\r\n") == [
        "(1) 姓名 Name: ", "(2) 就读院校名称 Name of Enrolled Institution (北京大学): ", "(3) 本人手持证件照片 Photo of you: ",
        "(4) 学号 Student ID number: ", "(5) 成绩单 Transcript: ", "", "具体问题 The problem I am facing: ", ""]


def test_the_longest_values_the_boxes_accept_keep_the_mailto_within_its_limit() -> None:
    facts = small()
    lengths = mail_composer.max_lengths(facts)
    assert set(lengths) == {"item-1", "item-2", "item-4", "problem"}
    values = {f"item-{n}": "汉" * lengths[f"item-{n}"] for n in (1, 2, 4)}
    lines = [f"({n}) {item.text}: " + (mail_composer.ATTACHED if item.attachment else values[f"item-{n}"])
             for n, item in enumerate(facts.items, 1)]
    longest = facts_module.quote_mail(facts.service_email, facts.subject,
                                      [*lines, "", f"{facts.closing}: " + "汉" * lengths["problem"], ""])
    assert len(longest) <= mail_composer.MAX_MAILTO
    assert min(lengths.values()) >= 30, "a box too short for a passport number or a name"


@pytest.mark.parametrize(("locale", "sentence"), [
    ("en", ("E-mail the five items above to service@example.com with the subject “<span lang=\"zh-Hans\">学信网账号问题"
           "</span> CHSI account problem”. After each item, write your details; attach items (3) and (5); then "
           "describe your problem.")),
    ("zh", ("把上面五项发邮件到 service@example.com，邮件主题写“学信网账号问题 CHSI account problem”。在每一项后面填写你的信息，"
           "把第 (3) 和 (5) 项添加为附件，再说明你遇到的具体问题。")),
])
def test_paper_counts_the_items_and_names_the_attachments_from_the_data(locale: str, sentence: str) -> None:
    assert mail_composer.paper_html(locale, small()) == f'<p class="paper-only mail-paper">{sentence}</p>'
