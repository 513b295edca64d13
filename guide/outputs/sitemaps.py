"""Step: no sitemap for a site without a public address, rather than one that lists this computer's address."""
from __future__ import annotations

from guide.outputs.built_site import BuiltSite
from guide.sources.site_address import SITEMAPS, public_address


def run(built: BuiltSite) -> None:
    if public_address(built.site_url):
        return
    for name in SITEMAPS:
        (built.site / name).unlink(missing_ok=True)
