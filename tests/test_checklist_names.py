"""Checklist checkboxes carry their item's text as their name (guide/rendering/checklist_names.py); that every
checkbox of the built site has one is axe's rule "label", run on every page by tests/test_browser_a11y.py."""
from __future__ import annotations

import re

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
