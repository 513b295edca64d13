"""The facts of the tests' site: read from tests/data/site/includes/facts.yml through the build's own reader.

A test that needs CHSI's English number asks `FACTS.hotlines["hotline-en"]`, so when the office changes the number
in the data file, the tests follow.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE

from guide.sources import facts as facts_module

FACTS = facts_module.load_facts(SITE)
HOTLINES = FACTS.hotlines                                  # name -> the number as dialled in the Chinese mainland
TELS = sorted({f"tel:{facts_module.international_digits(n)}" for n in HOTLINES.values()})
ABROAD = [facts_module.international_display(n) for n in HOTLINES.values()]
EMAIL = FACTS.service_email
MAILTO = f"mailto:{EMAIL}"
ADDRESSES = FACTS.addresses
ITEMS = [f"({n}) {item.text}" for n, item in enumerate(FACTS.items, 1)]
