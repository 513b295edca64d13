"""Each checkbox of a checklist is named after its item (aria-label): pymdownx.tasklist wraps it in an empty <label>,
so a screen reader announced a nameless checkbox; naming it in the built HTML needs no script in the browser."""
from __future__ import annotations

import html
import re

ITEM = re.compile(r'<li class="task-list-item">')
CHECKBOX = re.compile(r'<input type="checkbox"(?![^>]*aria-label)')
TAG = re.compile(r"<[^>]+>")
# The item's own text ends where a nested list or the item ends.
END = re.compile(r"<(?:/li|li|ul|ol)\b")


def item_name(fragment: str) -> str:
    """The visible text of an item's own line: tags removed, entities read, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def name_checkboxes(page_html: str) -> str:
    """The page with every checklist checkbox carrying its item's text as aria-label."""
    out: list[str] = []
    position = 0
    for match in ITEM.finditer(page_html):
        start = match.end()
        end = END.search(page_html, start)
        own = page_html[start:end.start() if end else len(page_html)]
        box = CHECKBOX.search(own)
        if box is None:
            continue
        name = html.escape(item_name(own), quote=True)
        out.append(page_html[position:start + box.end()])
        out.append(f' aria-label="{name}"')
        position = start + box.end()
    out.append(page_html[position:])
    return "".join(out)
