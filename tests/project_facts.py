"""The facts of the tests' site, read from tests/data/site/includes/facts.yml through the build's own reader, so
the tests follow when the office changes a number in the data file."""
from __future__ import annotations

from fixture_site import SITE

from guide.sources import facts as facts_module

FACTS = facts_module.load_facts(SITE)
HOTLINES = FACTS.hotlines                                  # name -> the number as dialled in the Chinese mainland
TELS = sorted({f"tel:{facts_module.international_digits(n)}" for n in HOTLINES.values()})
EMAIL = FACTS.service_email
MAILTO = f"mailto:{EMAIL}"
ITEMS = [f"({n}) {item.text}" for n, item in enumerate(FACTS.items, 1)]
