"""The prefilled e-mail of the built site is the one of includes/facts.yml (tests/test_facts.py reads it line by
line), the same in both languages. What the pages must not say, and that a list of the items typed on a page matches
the data, are make check's rules (guide/checks/guard_words.py, guide/checks/item_lists.py; tests/test_check_rules.py)."""
from __future__ import annotations

from pathlib import Path

import site_sources
from html_facts import read_page
from project_facts import FACTS


def test_both_languages_link_the_prefilled_email_of_the_facts_file(built_site: Path) -> None:
    mailtos = set()
    for prefix in ("", "en/"):
        hrefs = read_page(built_site / site_sources.current(prefix + "locked-out/") / "index.html").hrefs
        mailtos |= {h for h in hrefs if h.startswith("mailto:") and "body=" in h}
    assert mailtos == {FACTS.references()["mail-to-chsi"]}
