"""The Plan 2 e-mail form where a page writes `<!-- mail-composer -->`: `hidden` until mail-composer.js runs, so without
JavaScript the page keeps its static link; paper gets the e-mail written out instead."""
from __future__ import annotations

import html
import json
import re
from itertools import groupby

from guide.sources import facts as facts_module
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

ATTACHED = "见附件 See attachment"  # what the e-mail says after an attachment the student ticked


def field_name(number: int, item: facts_module.MailItem) -> str:
    """The form's name for item (number): item-N for a text to type, attach-N for an attachment to tick."""
    return f"{'attach' if item.attachment else 'item'}-{number}"


def heading(number: int, item: facts_module.MailItem) -> str:
    """An item's line in the form's e-mail; a known answer is the box's value, so unlike the static link's, no brackets."""
    return f"({number}) {item.label} {item.english}"


def max_lengths(facts: facts_module.Facts) -> dict[str, int]:
    """Field name -> the most characters it accepts, so that the longest e-mail, all Chinese, fits MAX_MAILTO."""
    typed = [field_name(n, item) for n, item in enumerate(facts.items, 1) if not item.attachment]
    headings = [f"{heading(n, item)}: {ATTACHED if item.attachment else ''}" for n, item in enumerate(facts.items, 1)]
    empty = facts_module.quote_mail(facts.service_email, facts.subject, [*headings, "", f"{facts.closing}: ", ""])
    room = (MAX_MAILTO - len(empty)) // ENCODED - PROBLEM_LENGTH
    each = min(ITEM_LENGTH, room // len(typed)) if typed else 0
    return {**dict.fromkeys(typed, each), "problem": PROBLEM_LENGTH}


def label_html(number: int, item: facts_module.MailItem, glosses: dict[str, str], locale: str) -> str:
    """Item (number)'s <label> as the pages write it: in Chinese, with its gloss on English pages."""
    shown = f'<span lang="zh-Hans">{html.escape(item.label)}</span>'
    if language_words(locale).glosses_labels:
        shown += f" ({html.escape(glosses[item.label])})"
    return f'<label for="mc-{field_name(number, item)}">({number}) {shown}</label>'


def paper_html(locale: str, facts: facts_module.Facts) -> str:
    """What the paper says in place of the form and the e-mail link: the address and the subject, written out."""
    chinese, _, english = facts.subject.partition(" ")
    said = language_words(locale)
    subject = f'<span lang="zh-Hans">{chinese}</span> {english}' if said.glosses_labels else html.escape(facts.subject)
    attachments = facts.numbers(facts.attachments, locale)
    attach = html.escape(said.mail_form["paper_attach"].format(items=attachments)) if attachments else ""
    text = html.escape(said.mail_form["paper"]).format(count=facts.count(locale), address=facts.service_email,
                                                       subject=subject, attach=attach)
    return f'<p class="paper-only mail-paper">{text}</p>'


def text_field_html(number: int, item: facts_module.MailItem, locale: str, glosses: dict[str, str],
                    length: int) -> str:
    """A box to type item (number) in: its label, its hint (if the item has one), and where an error shows."""
    name, hint = field_name(number, item), item.hint.get(locale, "")
    described = f"mc-{name}-hint mc-{name}-error" if hint else f"mc-{name}-error"
    value = f' value="{html.escape(item.value)}"' if item.value else ""
    return (f'<div class="mail-composer__field">{label_html(number, item, glosses, locale)}'
            + (f'<span class="mail-composer__hint" id="mc-{name}-hint">{html.escape(hint)}</span>' if hint else "")
            + f'<input id="mc-{name}" name="{name}" type="text" required maxlength="{length}"'
            f' autocomplete="off" spellcheck="false" aria-describedby="{described}"{value}>'
            f'<span class="mail-composer__error" id="mc-{name}-error" role="alert" hidden></span></div>')


def attachments_html(numbered: list[tuple[int, facts_module.MailItem]], locale: str, glosses: dict[str, str],
                     facts: facts_module.Facts) -> str:
    """A run of attachments, one box to tick each, under one legend."""
    words = language_words(locale).mail_form
    out = [f'<fieldset class="mail-composer__attachments"><legend>{html.escape(words["attachments"])}</legend>']
    for number, item in numbered:
        name = field_name(number, item)
        out.append(f'<div class="mail-composer__tick"><input type="checkbox" id="mc-{name}" name="{name}" '
                   f'data-item="({number})">{label_html(number, item, glosses, locale)}</div>')
    note = words["no_attach"].format(items=facts.numbers([n for n, _ in numbered], locale))
    out.append(f'<p class="mail-composer__note">{html.escape(note)}</p></fieldset>')
    return "\n".join(out)


def composer_html(locale: str, glosses: dict[str, str], facts: facts_module.Facts) -> str:
    said = language_words(locale)
    words = said.mail_form
    lengths = max_lengths(facts)
    items = [{"text": heading(n, item), "name": field_name(n, item), "attachment": item.attachment}
             for n, item in enumerate(facts.items, 1)]
    messages = {key: text.replace("{address}", facts.service_email) for key, text in said.mail_messages.items()}
    # An item as the message for an empty box names it: "Enter (1) Name.", "请填写姓名。".
    names = {field_name(n, item): f"({n}) {item.english}" if said.glosses_labels else item.label
             for n, item in enumerate(facts.items, 1) if not item.attachment}
    config = {"items": items, "subject": facts.subject, "problem": facts.closing, "address": facts.service_email,
              "maxMailto": MAX_MAILTO, "messages": messages, "what": {**names, "problem": words["problem_what"]},
              "attachment": ATTACHED, "to": words["to"], "subjectWord": words["subject"]}
    # autocomplete="off": a browser that restores a form's boxes when the student comes back to the page (Back,
    # reload) would tick attachments from an earlier visit, and the e-mail would say they are attached.
    out = [(f'<form class="mail-composer" id="mail-composer" hidden novalidate autocomplete="off" '
            f'aria-labelledby="mail-composer-title" '
            f"data-config='{html.escape(json.dumps(config, ensure_ascii=False), quote=True)}'>"),
           f'<h3 id="mail-composer-title">{html.escape(words["heading"])}</h3>',
           f'<p>{html.escape(words["intro"])}</p>']
    # The items in the e-mail's order: each text a box to type in, each run of attachments one set of tick boxes.
    for attachments, run in groupby(enumerate(facts.items, 1), key=lambda numbered: numbered[1].attachment):
        if attachments:
            out.append(attachments_html(list(run), locale, glosses, facts))
        else:
            out += [text_field_html(n, item, locale, glosses, lengths[field_name(n, item)]) for n, item in run]
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
    return markdown.replace(MARKER, "\n" + composer_html(locale, glosses, facts) + "\n" + paper_html(locale, facts) + "\n")
