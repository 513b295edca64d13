"""Each checklist checkbox is named after its item: pymdownx.tasklist leaves it nameless for a screen reader."""
from __future__ import annotations

import html
import re

from guide.sources.markup import html_text

# An item and its own text, which ends where a nested list or the item ends.
ITEM = re.compile(r'<li class="task-list-item">(.*?)(?=<(?:/li|li|ul|ol)\b|\Z)', re.DOTALL)
CHECKBOX = re.compile(r'<input type="checkbox"(?![^>]*aria-label)')


def name_checkboxes(page_html: str) -> str:
    def named(item: re.Match[str]) -> str:
        # The visible text of the item's own line: tags removed, entities read, spaces collapsed.
        name = html.escape(" ".join(html_text(item.group(1)).split()), quote=True)
        return CHECKBOX.sub(lambda box: f'{box.group(0)} aria-label="{name}"', item.group(0), count=1)

    return ITEM.sub(named, page_html)
