"""What the parity check reads from one page: parametrized tables over the pure functions."""
from __future__ import annotations

import pytest

from guide.checks.parity.facts import Heading, addresses, image_key, parse_page, phone_digits
from guide.checks.parity.project import last_commits

NAMES = {"chsi-home", "kefu-email"}


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("+86 10 6741 0388", "+861067410388"),
        ("010-67410388", "01067410388"),
        ("2026-11-28", None),  # a date
        ("3-4", None),
    ],
)
def test_phone_digits(raw: str, digits: str | None) -> None:
    assert phone_digits(raw) == digits


@pytest.mark.parametrize(
    ("line", "found", "undefined"),
    [
        ("Open [CHSI][chsi-home].", ["[chsi-home]"], []),
        ("Open [CHSI][Chsi-Home] or [chsi-home][].", ["[chsi-home]", "[chsi-home]"], []),
        ("Write to [kefu-email].", ["[kefu-email]"], []),
        ("See [CHSI][chsi-homepage].", [], ["[chsi-homepage]"]),
        ("Go to <https://www.chsi.com.cn/help/> now.", ["https://www.chsi.com.cn/help/"], []),
        ("Mail kefu@chsi.com.cn or call +86 10 6835 2057.", ["e-mail kefu@chsi.com.cn", "phone +861068352057"], []),
        ("- [ ] Passport.", [], []),
        ("`[x][chsi-home]` is code.", [], []),
        ("[Next page](register.md#open-the-form)", [], []),
    ],
)
def test_addresses(line: str, found: list[str], undefined: list[str]) -> None:
    assert addresses(line, NAMES) == (found, undefined)


@pytest.mark.parametrize(
    ("src", "locale", "key"),
    [
        ("images/register-01-form.png", "en", "register-01-form.png"),
        ("../../downloads/qr-guide-en.svg", "en", "qr-guide-{lang}.svg"),
        ("../downloads/qr-guide-zh.svg", "zh", "qr-guide-{lang}.svg"),
        ("images/zhen-en.png", "zh", "zhen-en.png"),  # zh only as a whole name part
    ],
)
def test_image_key(src: str, locale: str, key: str) -> None:
    assert image_key(src, locale) == key


def test_parse_page_sections_and_skipped_text() -> None:
    page = "---\ntitle: T\n---\n# 标题 {#top-id}\n## 方式 3 { #method-3 .extra }\n1. 选择 **方式 3**。\n<!--\n2. not a step\n-->\n```\n3. not a step\n## not a heading\n```\n### 细节\n2. 再选择。"
    facts = parse_page(page, set(), {"方式 3"})
    assert facts.headings == [Heading(4, 1, "top-id", "标题"), Heading(5, 2, "method-3", "方式 3"),
                              Heading(14, 3, None, "细节")]
    assert [(s.line, s.section) for s in facts.steps] == [(6, "method-3"), (15, "method-3")]
    assert [(label.line, label.value) for label in facts.labels] == [(6, "方式 3")]


def test_last_commits_keeps_the_newest() -> None:
    log = "\x00bbb 2026-11-28\n\ndocs/a.zh.md\n\x00aaa 2026-11-27\n\ndocs/a.zh.md\ndocs/a.en.md\n"
    commits = last_commits(log)
    assert (commits["docs/a.zh.md"].sha, commits["docs/a.en.md"].sha) == ("bbb", "aaa")
    assert commits["docs/a.zh.md"].order < commits["docs/a.en.md"].order
