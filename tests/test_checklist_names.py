"""Checklist checkboxes carry their item's text as their name in the built HTML (guide/rendering/checklist_names.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.rendering import checklist_names

BOX = '<label class="task-list-control"><input type="checkbox" disabled/><span class="task-list-indicator"></span></label>'


@pytest.mark.parametrize(("item", "name"), [
    (f'<li class="task-list-item">{BOX} Your <strong>passport</strong> &amp; visa.</li>', "Your passport & visa."),
    (f'<li class="task-list-item">{BOX} Plan 2:<ul><li>inner</li></ul></li>', "Plan 2:"),
    (f'<li class="task-list-item">{BOX} Say "hi" to <span lang="zh-Hans">学信网</span></li>', 'Say "hi" to 学信网'),
])
def test_each_checkbox_is_named_after_its_own_line(item: str, name: str) -> None:
    named = checklist_names.name_checkboxes(f"<ul>{item}</ul>")
    found = re.search(r'aria-label="([^"]*)"', named)
    assert found is not None and checklist_names.html.unescape(found.group(1)) == name


def test_a_page_without_checklist_is_unchanged_and_naming_twice_changes_nothing() -> None:
    page = f'<p>text</p><ul><li class="task-list-item">{BOX} One</li><li class="task-list-item">{BOX} Two</li></ul>'
    once = checklist_names.name_checkboxes(page)
    assert once.count("aria-label=") == 2
    assert checklist_names.name_checkboxes(once) == once
    assert checklist_names.name_checkboxes("<p>no list</p>") == "<p>no list</p>"


def test_every_checkbox_of_the_built_site_has_a_name(built_site: Path) -> None:
    nameless = [f"{page.relative_to(built_site)}" for page in built_site.rglob("*.html")
                if re.search(r'task-list-control"><input type="checkbox"(?![^>]*aria-label="[^"]+")',
                          page.read_text(encoding="utf-8"))]
    assert nameless == [], f"checkboxes without a name on {nameless}: guide/rendering/checklist_names.py must run in mkdocs.yml"
