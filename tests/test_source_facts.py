"""The prefilled e-mail of the built site lists includes/facts.yml's items, as the office's guide does.

What the pages must not say (a guess at an open question, words the guide does not support) is make check's rule,
kept as data in CONTENT-QUESTIONS.md (guide/checks/guard_words.py, tests/test_check_rules.py); that a list of
the items typed on a page matches includes/facts.yml is make check's too (guide/checks/item_lists.py). Which words a
page carries is the office's to write, not a test's to know."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import site_sources
from html_facts import read_page
from project_facts import EMAIL, ITEMS
from project_facts import FACTS as PROJECT


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
