"""Step: no sitemap for a site without a public address.

A sitemap lists full addresses; a preview build has none to list (guide/sources/site_address.py), so the
sitemaps mkdocs-static-i18n wrote are removed rather than published with this computer's address in them.
"""
from __future__ import annotations

from guide.outputs.built_site import BuiltSite
from guide.sources.site_address import SITEMAPS, public_address


def run(built: BuiltSite) -> None:
    if public_address(built.site_url):
        return
    for name in SITEMAPS:
        (built.site / name).unlink(missing_ok=True)
