"""The guide's own small words in each language: what the code writes around the facts, not what the pages say.

The pages' words are the office's, in docs/. These are the few the code itself writes: "from abroad" after a
phone number, how a list of the e-mail's items is joined, the copy button, the note of a page that has moved.
A language of mkdocs.yml without its own entry here is written with the English words until someone adds them
(DEVELOPING.md, "Add a language"); the default language is CHSI's own, whose labels need no gloss.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")
CHINESE_DIGITS = "零一二三四五六七八九"
T = TypeVar("T")


def english_number(n: int) -> str:
    """7 -> seven: English words for the small numbers the pages count, digits beyond twelve."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def chinese_number(n: int) -> str:
    """7 -> 七, 12 -> 十二, 20 -> 二十: Chinese numerals up to 99, digits beyond."""
    if not 0 <= n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CHINESE_DIGITS[ones]
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Words:
    html_lang: str                 # the language as HTML names it (lang="zh-Hans")
    glosses_labels: bool           # CHSI's labels are Chinese: every other language explains each one
    browser_locale: str            # the browser's language when a check reads the page as its reader would
    from_abroad: str               # after a hotline: how to dial it from outside the Chinese mainland
    aside: str                     # a phrase in brackets after another: "{0} ({1})"
    colon: str                     # between an item and what to write
    join: str                      # between items of a run-in list
    pair_join: str                 # before the last of several items: "(2), (5) and (7)"
    enumeration: str               # between the other items: "(2), (5) and (7)"
    through: str                   # a run of items: "(5) to (7)"
    count: Callable[[int], str]    # how many items: "seven", "七项"
    next_line: str                 # how a page's own next step starts
    copy_button: str               # the copy button's text
    copy_name: str                 # its accessible name: {label} the Chinese text, {gloss} its English gloss
    page_moved: str                # a redirect page's one line
    no_qr: str                     # the checklist's QR figure in a build without a public address: {how}
    glossary_heads: tuple[str, str]  # the glossary's columns: the label on screen, what it means
    pdf_contents: str
    pdf_version: str
    pdf_online: str
    pdf_scan: str


ENGLISH = Words(
    html_lang="en", glosses_labels=True, browser_locale="en-US", from_abroad="from abroad", aside="{0} ({1})", colon=": ", join=", ",
    pair_join=" and ", enumeration=", ", through="to", count=english_number, next_line="Next:",
    copy_button="Copy", copy_name="Copy “{gloss}” in Chinese", page_moved="This page has moved to:",
    no_qr="No QR code in this build: the site was built without its public address ({how}).",
    glossary_heads=("On screen", "Meaning"),
    pdf_contents="Contents", pdf_version="Version of", pdf_online="Online guide",
    pdf_scan="Scan to open the online guide")

CHINESE = Words(
    html_lang="zh-Hans", glosses_labels=False, browser_locale="zh-CN", from_abroad="从境外拨打", aside="{0}（{1}）", colon="：", join="，",
    pair_join=" 和 ", enumeration="、", through="至", count=lambda n: f"{chinese_number(n)}项", next_line="下一步：",
    copy_button="复制", copy_name="复制“{label}”", page_moved="本页已移至：",
    no_qr="此版本没有二维码：构建时未设置网站的公开地址（{how}）。",
    glossary_heads=("界面文字", "英文含义"),
    pdf_contents="目录", pdf_version="版本日期", pdf_online="在线指南", pdf_scan="扫码打开在线指南")

WORDS = {"zh": CHINESE, "en": ENGLISH}
FALLBACK = "en"  # the words of a language that has none of its own yet


def pick(table: Mapping[str, T], code: str) -> T:
    """A room's own table of words per language (the e-mail form's, say): the language's, else the fallback's."""
    return table[code] if code in table else table[FALLBACK]


def words(code: str) -> Words:
    """A language's words; a language without its own yet is written with the English ones."""
    return WORDS.get(code) or replace(ENGLISH, html_lang=code, browser_locale=code)
