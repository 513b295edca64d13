"""The guide's own small words in each language; a language without its own is written in English until added."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")
CHINESE_DIGITS = "零一二三四五六七八九"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


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
    date: Callable[[dt.date], str]  # 6 December 2026 / 2026年12月6日
    # The line under a page's title (guide/rendering/checked_line.py): shown ({time} the date), and once the check
    # is due, overdue ({day}), then differs_link with link and after, or differs_alone on the contact page itself.
    checked_line: Mapping[str, str]
    mail_form: Mapping[str, str]      # the e-mail form and its paper version (guide/rendering/mail_composer.py)
    mail_messages: Mapping[str, str]  # what the form's script says beside a field
    email_kit: Mapping[str, str]      # the words around the e-mail kit's links (guide/outputs/email_kit.py)


ENGLISH = Words(
    html_lang="en", glosses_labels=True, browser_locale="en-US", from_abroad="from abroad", aside="{0} ({1})", colon=": ", join=", ",
    pair_join=" and ", enumeration=", ", through="to", count=english_number, next_line="Next:",
    copy_button="Copy", copy_name="Copy “{gloss}” in Chinese", page_moved="This page has moved to:",
    no_qr="No QR code in this build: the site was built without its public address ({how}).",
    glossary_heads=("On screen", "Meaning"),
    pdf_contents="Contents", pdf_version="Version of", pdf_online="Online guide",
    pdf_scan="Scan to open the online guide", date=lambda day: f"{day.day} {MONTHS[day.month - 1]} {day.year}",
    checked_line={"shown": "Checked against CHSI on {time}",
                  "overdue": "CHSI may have changed since this page was checked on {day}: ",
                  "differs_link": "if what you see differs, ",
                  "differs_alone": "if what you see differs, follow CHSI's page.", "link": "contact CHSI",
                  "after": "."},
    mail_form={
        "heading": "Write the e-mail here",
        "intro": "Fill in the form: the page writes the e-mail to CHSI for you. Nothing you type leaves this page "
                 "until you send the e-mail yourself.",
        "attachments": "Attachments: tick each one once it is ready",
        "no_attach": "An e-mail link cannot attach files: attach items {items} in your e-mail app before you send.",
        "problem": "Your problem, in your own words", "problem_what": "your problem",
        "open": "Open in my e-mail app", "copy": "Copy the e-mail",
        "preview": "The e-mail (to copy into any other e-mail service)", "to": "To", "subject": "Subject",
        "paper": "E-mail the {count} items above to {address} with the subject “{subject}”. After each item, write "
                 "your details; {attach}then describe your problem.",
        "paper_attach": "attach items {items}; ",  # left out with no attachment
    },
    mail_messages={
        "empty": "Enter {what}.",
        "long": "This e-mail is too long for an e-mail link: shorten your problem, or copy the e-mail instead.",
        "copied": "Copied. Paste it into a new e-mail to {address}, and attach the files.",
        "copy_failed": "Your browser did not allow copying: select the text below and copy it.",
        "unticked": "Not ticked yet: {items}. Attach them in your e-mail app before you send.",
        "ready": "The e-mail is ready: attach the files in your e-mail app, then send it."},
    email_kit={"title": "CHSI registration guide",
               "intro": "Register your CHSI account and verify your identity in these steps:",
               "guide": "The whole guide", "print": "To print"})

CHINESE = Words(
    html_lang="zh-Hans", glosses_labels=False, browser_locale="zh-CN", from_abroad="从境外拨打", aside="{0}（{1}）", colon="：", join="，",
    pair_join=" 和 ", enumeration="、", through="至", count=lambda n: f"{chinese_number(n)}项", next_line="下一步：",
    copy_button="复制", copy_name="复制“{label}”", page_moved="本页已移至：",
    no_qr="此版本没有二维码：构建时未设置网站的公开地址（{how}）。",
    glossary_heads=("界面文字", "英文含义"),
    pdf_contents="目录", pdf_version="版本日期", pdf_online="在线指南", pdf_scan="扫码打开在线指南",
    date=lambda day: f"{day.year}年{day.month}月{day.day}日",
    checked_line={"shown": "{time}已与学信网核对", "overdue": "本页于{day}与学信网核对，此后学信网可能已有变化：",
                  "differs_link": "如与所见不同，请", "differs_alone": "如与所见不同，请以学信网为准。",
                  "link": "联系学信网", "after": "。"},
    mail_form={
        "heading": "在这里写邮件",
        "intro": "填好下面各项，页面会自动生成发给学信网的邮件。你填写的内容不会上传，邮件由你自己发送。",
        "attachments": "附件：准备好一项就勾选一项",
        "no_attach": "邮件链接无法添加附件：发送前，请在邮件程序中添加第 {items} 项。",
        "problem": "你遇到的具体问题", "problem_what": "具体问题",
        "open": "在邮件程序中打开", "copy": "复制邮件", "preview": "邮件内容（可复制到其他邮箱）", "to": "收件人",
        "subject": "主题",
        "paper": "把上面{count}发邮件到 {address}，邮件主题写“{subject}”。在每一项后面填写你的信息，{attach}再说明你遇到的"
                 "具体问题。",
        "paper_attach": "把第 {items} 项添加为附件，",
    },
    mail_messages={
        "empty": "请填写{what}。", "long": "这封邮件太长，邮件链接无法打开：请缩短问题说明，或改用复制邮件。",
        "copied": "已复制。请粘贴到发给 {address} 的新邮件中，并添加附件。",
        "copy_failed": "浏览器不允许复制：请选中下面的文字后复制。",
        "unticked": "还没有勾选：{items}。发送前请在邮件程序中添加这些附件。", "ready": "邮件已写好：在邮件程序中添加附件后发送。"},
    email_kit={"title": "学信网注册指南", "intro": "请按以下步骤注册学信网账号并完成身份核验：", "guide": "完整指南",
               "print": "可打印版本"})

WORDS = {"zh": CHINESE, "en": ENGLISH}
FALLBACK = "en"  # the words of a language that has none of its own yet


def words(code: str) -> Words:
    """A language's words; a language without its own yet is written with the English ones."""
    return WORDS.get(code) or replace(ENGLISH, html_lang=code, browser_locale=code)
