"""Put the Plan 2 e-mail composer where a page writes `<!-- mail-composer -->` (the locked-out pages).

The composer is a form, in the page's language, for the items of the e-mail to CHSI, in their order: the student
types the items to type, ticks the attachments (`attachment: true`) once they are ready, and
docs/assets/javascripts/mail-composer.js writes the e-mail (a mailto: link, a copy to the clipboard, and the text
shown on the page). Nothing is sent anywhere by the page.

The form is written here, not in the Markdown, so that its items, subject and address come from the one e-mail
in includes/facts.yml (mail-to-chsi) and its labels' glosses from includes/ui-labels.yml. It is `hidden` in the
HTML: without JavaScript (and in the PDFs, which run none) the page keeps its static link and checklist.

Paper has neither the form nor a link to select: after the form comes the e-mail's paper form, shown only in print
and the PDFs (`paper-only`), with the address and subject written out. The blocks between the items (the
section's task list) and the form are the steps for the e-mail link: they are marked `screen-only` (print.css and
the export leave them out). The script finds the same blocks to hide when the form replaces them.
"""
from __future__ import annotations

import html
import json
import re

from guide.sources import facts as facts_module
from guide.sources.words import pick
from guide.sources.words import words as language_words

MARKER = "<!-- mail-composer -->"
# The longest mailto: link the form may write: with every character Chinese (nine characters each once
# percent-encoded), the longest values the fields accept keep the link under it (tests/test_browser_mail_composer.py
# composes it). The problem gets PROBLEM_LENGTH characters; the items the student types share what is left, each
# at most ITEM_LENGTH.
MAX_MAILTO = 8000
PROBLEM_LENGTH = 480
ITEM_LENGTH = 100
ENCODED = 9  # one Chinese character in a mailto: link: three bytes, each %XX

WORDS = {
    "en": {
        "heading": "Write the e-mail here",
        "intro": "Fill in the form: the page writes the e-mail to CHSI for you. Nothing you type leaves this page "
                 "until you send the e-mail yourself.",
        "attachments": "Attachments: tick each one once it is ready",
        "no_attach": "An e-mail link cannot attach files: attach items {items} in your e-mail app before you send.",
        "problem": "Your problem, in your own words",
        "open": "Open in my e-mail app",
        "copy": "Copy the e-mail",
        "preview": "The e-mail (to copy into any other e-mail service)",
        "to": "To",
        "subject": "Subject",
    },
    "zh": {
        "heading": "在这里写邮件",
        "intro": "填好下面各项，页面会自动生成发给学信网的邮件。你填写的内容不会上传，邮件由你自己发送。",
        "attachments": "附件：准备好一项就勾选一项",
        "no_attach": "邮件链接无法添加附件：发送前，请在邮件程序中添加第 {items} 项。",
        "problem": "你遇到的具体问题",
        "open": "在邮件程序中打开",
        "copy": "复制邮件",
        "preview": "邮件内容（可复制到其他邮箱）",
        "to": "收件人",
        "subject": "主题",
    },
}
# Messages the script shows beside a field, in the page's language (it reads them from the form's data).
MESSAGES = {
    "en": {"empty": "Enter {what}.",
           "long": "This e-mail is too long for an e-mail link: shorten your problem, or copy the e-mail instead.",
           "copied": "Copied. Paste it into a new e-mail to {address}, and attach the files.",
           "copy_failed": "Your browser did not allow copying: select the text below and copy it.",
           "unticked": "Not ticked yet: {items}. Attach them in your e-mail app before you send.",
           "ready": "The e-mail is ready: attach the files in your e-mail app, then send it."},
    "zh": {"empty": "请填写{what}。",
           "long": "这封邮件太长，邮件链接无法打开：请缩短问题说明，或改用复制邮件。",
           "copied": "已复制。请粘贴到发给 {address} 的新邮件中，并添加附件。",
           "copy_failed": "浏览器不允许复制：请选中下面的文字后复制。",
           "unticked": "还没有勾选：{items}。发送前请在邮件程序中添加这些附件。",
           "ready": "邮件已写好：在邮件程序中添加附件后发送。"},
}
PROBLEM_WHAT = {"en": "your problem", "zh": "具体问题"}
ATTACHED = "见附件 See attachment"  # what the e-mail says after an attachment the student ticked


def field_name(number: int, item: facts_module.MailItem) -> str:
    """The form's name for item (number): item-N for a text to type, attach-N for an attachment to tick."""
    return f"{'attach' if item.attachment else 'item'}-{number}"


def heading(number: int, item: facts_module.MailItem) -> str:
    """An item's line in the form's e-mail, before its value: "(4) 就读院校名称 Name of Enrolled Institution". The
    answer every student gives (value:) is the prefilled value after it, so it is not repeated in brackets, as the
    static link (which has no value to write) does."""
    return f"({number}) {item.label} {item.english}"


def what(number: int, item: facts_module.MailItem, locale: str) -> str:
    """An item as the message for an empty box names it: "Enter (1) Name.", "请填写姓名。"."""
    return item.label if not language_words(locale).glosses_labels else f"({number}) {item.english}"


def max_lengths(facts: facts_module.Facts) -> dict[str, int]:
    """Field name -> the most characters it accepts, so that the longest e-mail, all Chinese, fits MAX_MAILTO."""
    typed = [field_name(n, item) for n, item in enumerate(facts.items, 1) if not item.attachment]
    headings = [f"{heading(n, item)}: {ATTACHED if item.attachment else ''}" for n, item in enumerate(facts.items, 1)]
    empty = facts_module.quote_mail(facts.service_email, facts.subject, [*headings, "", f"{facts.closing}: ", ""])
    room = (MAX_MAILTO - len(empty)) // ENCODED - PROBLEM_LENGTH
    each = min(ITEM_LENGTH, room // len(typed)) if typed else 0
    return {**dict.fromkeys(typed, each), "problem": PROBLEM_LENGTH}


def label_html(label: str, glosses: dict[str, str], locale: str) -> str:
    """A Chinese label as the pages write it: in Chinese, with its gloss on English pages."""
    chinese = f'<span lang="zh-Hans">{html.escape(label)}</span>'
    return f"{chinese} ({html.escape(glosses[label])})" if language_words(locale).glosses_labels else chinese


PAPER = {
    "en": "E-mail the {count} items above to {address} with the subject “{subject}”. After each item, write your "
          "details; {attach}then describe your problem.",
    "zh": "把上面{count}发邮件到 {address}，邮件主题写“{subject}”。在每一项后面填写你的信息，{attach}再说明你遇到的具体问题。",
}
PAPER_ATTACH = {"en": "attach items {items}; ", "zh": "把第 {items} 项添加为附件，"}  # left out with no attachment


def paper_html(locale: str, facts: facts_module.Facts) -> str:
    """What the paper says in place of the form and the e-mail link: the address and the subject, written out."""
    chinese, _, english = facts.subject.partition(" ")
    subject = f'<span lang="zh-Hans">{chinese}</span> {english}' if language_words(locale).glosses_labels else html.escape(facts.subject)
    attachments = facts.numbers(facts.attachments, locale)
    attach = pick(PAPER_ATTACH, locale)
    text = html.escape(pick(PAPER, locale)).format(count=facts.count(locale), address=facts.service_email, subject=subject,
                                        attach=html.escape(attach.format(items=attachments)) if attachments else "")
    return f'<p class="paper-only mail-paper">{text}</p>'


def text_field_html(number: int, item: facts_module.MailItem, locale: str, glosses: dict[str, str],
                    length: int) -> str:
    """A box to type item (number) in: its label, its hint (if the item has one), and where an error shows."""
    name, hint = field_name(number, item), item.hint.get(locale, "")
    described = f"mc-{name}-hint mc-{name}-error" if hint else f"mc-{name}-error"
    value = f' value="{html.escape(item.value)}"' if item.value else ""
    return (f'<div class="mail-composer__field"><label for="mc-{name}">({number}) '
            f"{label_html(item.label, glosses, locale)}</label>"
            + (f'<span class="mail-composer__hint" id="mc-{name}-hint">{html.escape(hint)}</span>' if hint else "")
            + f'<input id="mc-{name}" name="{name}" type="text" required maxlength="{length}"'
            f' autocomplete="off" spellcheck="false" aria-describedby="{described}"{value}>'
            f'<span class="mail-composer__error" id="mc-{name}-error" role="alert" hidden></span></div>')


def attachments_html(numbered: list[tuple[int, facts_module.MailItem]], locale: str, glosses: dict[str, str],
                     facts: facts_module.Facts) -> str:
    """A run of attachments, one box to tick each, under one legend."""
    words = pick(WORDS, locale)
    out = [f'<fieldset class="mail-composer__attachments"><legend>{html.escape(words["attachments"])}</legend>']
    for number, item in numbered:
        name = field_name(number, item)
        out.append(f'<div class="mail-composer__tick"><input type="checkbox" id="mc-{name}" '
                   f'name="{name}" data-item="({number})"><label for="mc-{name}">({number}) '
                   f"{label_html(item.label, glosses, locale)}</label></div>")
    note = words["no_attach"].format(items=facts.numbers([n for n, _ in numbered], locale))
    out.append(f'<p class="mail-composer__note">{html.escape(note)}</p></fieldset>')
    return "\n".join(out)


def composer_html(locale: str, glosses: dict[str, str], facts: facts_module.Facts) -> str:
    words = pick(WORDS, locale)
    lengths = max_lengths(facts)
    items = [{"text": heading(n, item), "name": field_name(n, item), "attachment": item.attachment}
             for n, item in enumerate(facts.items, 1)]
    messages = {key: text.replace("{address}", facts.service_email) for key, text in pick(MESSAGES, locale).items()}
    names = {field_name(n, item): what(n, item, locale) for n, item in enumerate(facts.items, 1) if not item.attachment}
    config = {"items": items, "subject": facts.subject, "problem": facts.closing, "address": facts.service_email,
              "maxMailto": MAX_MAILTO, "messages": messages, "what": {**names, "problem": pick(PROBLEM_WHAT, locale)},
              "attachment": ATTACHED, "to": words["to"], "subjectWord": words["subject"]}
    # autocomplete="off": a browser that restores a form's boxes when the student comes back to the page (Back,
    # reload) would tick attachments from an earlier visit, and the e-mail would say they are attached.
    out = [(f'<form class="mail-composer" id="mail-composer" hidden novalidate autocomplete="off" '
            f'aria-labelledby="mail-composer-title" '
            f"data-config='{html.escape(json.dumps(config, ensure_ascii=False), quote=True)}'>"),
           f'<h3 id="mail-composer-title">{html.escape(words["heading"])}</h3>',
           f'<p>{html.escape(words["intro"])}</p>']
    # The items in the e-mail's order: each text a box to type in, each run of attachments one set of tick boxes.
    run: list[tuple[int, facts_module.MailItem]] = []
    for number, item in enumerate(facts.items, 1):
        if item.attachment:
            run.append((number, item))
            continue
        if run:
            out.append(attachments_html(run, locale, glosses, facts))
            run = []
        out.append(text_field_html(number, item, locale, glosses, lengths[field_name(number, item)]))
    if run:
        out.append(attachments_html(run, locale, glosses, facts))
    out.append(f'<div class="mail-composer__field"><label for="mc-problem">{html.escape(words["problem"])}</label>'
               f'<textarea id="mc-problem" name="problem" rows="4" required maxlength="{lengths["problem"]}"'
               f' aria-describedby="mc-problem-error"></textarea>'
               f'<span class="mail-composer__error" id="mc-problem-error" role="alert" hidden></span></div>')
    out.append(f'<p class="mail-composer__actions"><a class="md-button md-button--primary" id="mc-open" '
               f'href="mailto:{facts.service_email}">{html.escape(words["open"])}</a> '
               f'<button type="button" class="md-button" id="mc-copy">{html.escape(words["copy"])}</button></p>')
    out.append('<p class="mail-composer__status" id="mc-status" role="status" aria-live="polite"></p>')
    out.append(f'<details class="mail-composer__preview-box" id="mc-preview-box"><summary id="mc-preview-title">'
               f'{html.escape(words["preview"])}</summary><textarea id="mc-preview" class="mail-composer__preview" '
               f'rows="12" readonly aria-labelledby="mc-preview-title"></textarea></details>')
    out.append("</form>")
    return "\n".join(out)


FORM_START = '<form class="mail-composer"'
BLOCK_TAG = re.compile(r"<(/?)(p|ol|ul)\b([^>]*)>")


def mark_link_steps(page_html: str) -> str:
    """Mark `screen-only` the top-level paragraphs and lists between the section's task list and the form."""
    form = page_html.find(FORM_START)
    end_of_items = page_html.rfind("</ul>", 0, form)
    if form == -1 or end_of_items == -1:
        return page_html
    start = end_of_items + len("</ul>")
    depth = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal depth
        closing, tag, attrs = match.groups()
        if closing:
            depth -= tag in ("ol", "ul")
            return match.group(0)
        top = depth == 0
        depth += tag in ("ol", "ul")
        return f'<{tag} class="screen-only"{attrs}>' if top and "class=" not in attrs else match.group(0)

    return page_html[:start] + BLOCK_TAG.sub(mark, page_html[start:form]) + page_html[form:]


def with_composer(markdown: str, locale: str, glosses: dict[str, str], facts: facts_module.Facts) -> str:
    """The page's marker replaced by the form (on screen) and the e-mail written out (on paper)."""
    return markdown.replace(MARKER, "\n" + composer_html(locale, glosses, facts) + "\n" + paper_html(locale, facts) + "\n")
