"""A copy button after each Chinese text a student must type, so no one needs Chinese input. Written `hidden`,
copy-text.js shows it, so without JavaScript there is no button that does nothing."""
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
GLOSSARY = re.compile(rf'<div class="{ui_labels.GLOSSARY_CLASS}">.*?</div>', re.DOTALL)


def with_copy_buttons(page_html: str, table: dict[str, ui_labels.Label], locale: str) -> str:
    """A button after each bold `copy: true` label and each glossary label, unless inside a link, heading or control."""
    said = words(locale)
    glossary = [m.span() for m in GLOSSARY.finditer(page_html)]

    def with_button(match: re.Match[str]) -> str:
        label = html.unescape(match.group(1))
        before = page_html[:match.start()]
        wanted = label in table and (table[label].copy or any(start < match.start() < end for start, end in glossary))
        if not wanted or any(max(before.rfind(f"<{tag} "), before.rfind(f"<{tag}>")) > before.rfind(f"</{tag}>")
                             for tag in NO_BUTTON_INSIDE):
            return match.group(0)
        name = html.escape(said.copy_name.format(label=label, gloss=table[label].gloss))
        return (f'{match.group(0)}<button type="button" class="{CLASS}" data-copy="{html.escape(label)}" '
                f'aria-label="{name}" hidden>{said.copy_button}</button>')

    return STRONG.sub(with_button, page_html)
