"""Every fact of the office's guide is on the right page, in both languages (checked on the built HTML)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import site_sources
from html_facts import read_page
from project_facts import ABROAD, ADDRESSES, EMAIL, HOTLINES, ITEMS, MAILTO, TELS
from project_facts import FACTS as PROJECT

HOME = ADDRESSES["chsi-home"]
INTERNATIONAL = ADDRESSES["chsi-intl-register"]
NUMBERS = list(HOTLINES.values())
# 非常强 (the strength meter) is in the drawing and the glossary: no step needs it.
FORM_LABELS = ["手机号", "短信验证码", "重新获取", "密码", "密码确认", "姓名", "证件类型",
               "华侨身份证/护照(无身份证者可填护照号)", "证件号码", "安全邮箱", "选填",
               "我已阅读并同意《用户协议》、《隐私政策》", "接收学信网微信消息提醒", "立即注册"]

# slug, text on both pages, text on the Chinese page only, text on the English page only, links on both pages
FACTS = [
    ("", ["图片采集码"], ["护照", "姓名格式"], ["passport", "name format"], [HOME]),
    ("register/", FORM_LABELS, [], ["Register now"], [HOME]),
    ("no-mainland-phone/", ["简项注册"], ["不要选择"], ["Do not select"], [INTERNATIONAL]),
    ("verify-identity/", ["方式 3", "北京大学", "大学生", "未通过", "方式 2", "个人信息页", "图片采集码"],
     ["身份证", "无法通过"], ["Peking University", "University student", "identity card", "cannot verify"], []),
    ("change-name/", ["账号管理", "姓名", "修改"], ["退出", "清除浏览器缓存", "重新登录"],
     ["Log out", "cache", "Log in to CHSI again"], []),
    ("locked-out/", ["3-4", PROJECT.school, EMAIL, *NUMBERS],
     ["相同的手机号", "仅供参考", "图片采集码"], ["same phone number", "for reference only", "working hours"],
     [MAILTO, *TELS]),
    ("contact/", [*NUMBERS, *ABROAD, EMAIL],
     ["中文服务", "英文服务"], ["Chinese service", "English service"],
     [*TELS, MAILTO]),
]


@pytest.mark.parametrize(("slug", "both", "zh_only", "en_only", "links"), FACTS, ids=lambda v: v if isinstance(v, str) else None)
def test_the_sources_facts_are_on_the_page_in_both_languages(built_site, slug, both, zh_only, en_only, links) -> None:
    for prefix, own in (("", zh_only), ("en/", en_only)):
        page = read_page(built_site / site_sources.current(prefix + slug) / "index.html")
        missing = [fact for fact in both + own if fact not in page.text]
        assert missing == [], f"/{prefix}{slug} lacks {missing}"
        assert [link for link in links if link not in page.hrefs] == [], f"/{prefix}{slug} lacks a link"


def test_the_prefilled_email_lists_the_seven_items_as_the_source_does(built_site: Path) -> None:
    mailtos = set()
    for prefix in ("", "en/"):
        hrefs = read_page(built_site / site_sources.current(prefix + "locked-out/") / "index.html").hrefs
        mailtos |= {h for h in hrefs if h.startswith("mailto:") and "body=" in h}
    assert len(mailtos) == 1, "both languages must link the same prefilled e-mail"
    address = urlsplit(mailtos.pop())
    assert unquote(address.path) == EMAIL
    query = parse_qs(address.query)
    assert query["subject"] == [PROJECT.subject]
    lines = [line.rstrip(": ").rstrip(":") for line in query["body"][0].splitlines() if line.startswith("(")]
    assert lines == ITEMS


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_email_checklist_has_the_seven_items(built_site: Path, prefix: str) -> None:
    html = (built_site / site_sources.current(prefix + "locked-out/") / "index.html").read_text(encoding="utf-8")
    assert html.count('class="task-list-item"') == len(PROJECT.items)


# What the printable checklist must carry from the source (issue: it dropped Plan 1's caveat and the seven items).
CHECKLIST = [
    ("", ["仅供参考", "相同手机号", "3-4", EMAIL, "图片采集码"]
     + [f"({n})" for n in range(1, 8)] + ["本人手持证件照片", "姓名无法修改的页面截图", "邮件正文（含姓名格式和护照号码）截图"]),
    ("en/", ["for reference only", "same phone number", "3-4", EMAIL, "图片采集码"]
     + [f"({n})" for n in range(1, 8)] + ["Photo of you holding your passport information page",
                                         "Screenshot of being unable to edit your name",
                                         "Screenshot of the email (including Name and Passport Number)"]),
]


@pytest.mark.parametrize(("prefix", "facts"), CHECKLIST)
def test_the_printable_checklist_carries_plan_1s_caveat_and_the_seven_items(built_site, prefix, facts) -> None:
    page = read_page(built_site / site_sources.current(prefix + "checklist/") / "index.html")
    assert [fact for fact in facts if fact not in page.text] == []


# The seven items in the office's guide's own English words, the same on both pages of the pair and in the e-mail.
SOURCE_ENGLISH = [item.english.removesuffix(f" ({PROJECT.school})") for item in PROJECT.items]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_seven_items_use_the_sources_english_on_both_pages(built_site: Path, prefix: str) -> None:
    page = read_page(built_site / site_sources.current(prefix + "locked-out/") / "index.html")
    assert [words for words in SOURCE_ENGLISH if words not in page.text] == []


def test_no_page_claims_what_the_source_does_not_say(built_site: Path) -> None:
    """Sentences found in an earlier version that the office's guide does not support."""
    unsupported = ["few minutes", "只需几分钟", "Chinese only", "只有中文", "exactly as it appears on the screen",
                   "图像采集码", "UTC+8", "Photo-collection", "follow the instructions on the page", "按页面提示"]
    found = []
    for html in sorted(built_site.glob("**/index.html")):
        text = read_page(html).text
        found += [f"{html.relative_to(built_site)}: {phrase}" for phrase in unsupported if phrase.lower() in text.lower()]
    assert found == []
