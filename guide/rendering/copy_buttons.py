"""A copy button after each Chinese text a student must type or look for, so that no one needs Chinese input.

Which texts: the labels marked `copy: true` in includes/ui-labels.yml (北京大学, 大学生: typed or chosen on CHSI's
screens) wherever a page shows them in bold, and every label of the glossary table (looked up on the screen).
The button is a real <button> named in the page's language ("Copy “Peking University” in Chinese", 复制“北京大学”);
it is written `hidden`, and docs/assets/javascripts/copy-text.js shows it and makes it copy: without JavaScript
there is no button that does nothing. Print and the PDFs leave it out (print.css, guide/pdf/compose.py).
"""
from __future__ import annotations

import html
import re

from guide.sources import ui_labels
from guide.sources.words import words

CLASS = "copy-text"
# A bold run as Markdown writes it, with the lang attribute English pages give a label.
STRONG = re.compile(r'<strong(?: lang="zh-Hans")?>([^<]+)</strong>')
# Elements a button may not sit inside (interactive or heading content).
NO_BUTTON_INSIDE = ("a", "button", "label", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "textarea", "select")
GLOSSARY = re.compile(rf'(<div class="{ui_labels.GLOSSARY_CLASS}">)(.*?)(</div>)', re.DOTALL)



def button(label: str, gloss: str, locale: str) -> str:
    said = words(locale)
    shown, name = said.copy_button, said.copy_name
    return (f'<button type="button" class="{CLASS}" data-copy="{html.escape(label)}" '
            f'aria-label="{html.escape(name.format(label=label, gloss=gloss))}" hidden>{shown}</button>')


def inside_forbidden(before: str) -> bool:
    """Whether the text just before a position leaves an element open in which a button may not stand."""
    for tag in NO_BUTTON_INSIDE:
        opened = max(before.rfind(f"<{tag} "), before.rfind(f"<{tag}>"))
        if opened > before.rfind(f"</{tag}>"):
            return True
    return False


def add_buttons(page_html: str, wanted, table: dict[str, ui_labels.Label], locale: str) -> str:
    """A button after each bold label for which wanted(label) holds, unless it stands where a button may not."""
    out: list[str] = []
    last = 0
    for match in STRONG.finditer(page_html):
        label = html.unescape(match.group(1))
        if label in table and wanted(label) and not inside_forbidden(page_html[:match.start()]):
            out.append(page_html[last:match.end()])
            out.append(button(label, table[label].gloss, locale))
            last = match.end()
    out.append(page_html[last:])
    return "".join(out)


def with_copy_buttons(page_html: str, table: dict[str, ui_labels.Label], locale: str) -> str:
    """Buttons for the `copy: true` labels everywhere, and for every label inside the glossary table."""
    page_html = GLOSSARY.sub(
        lambda m: m.group(1) + add_buttons(m.group(2), lambda label: True, table, locale) + m.group(3), page_html)
    # The glossary's labels have their buttons now: the second pass skips the table.
    parts = GLOSSARY.split(page_html)
    for i in range(0, len(parts), 4):  # split keeps the 3 groups: text, open, body, close, text ...
        parts[i] = add_buttons(parts[i], lambda label: table[label].copy, table, locale)
    return "".join(parts)
