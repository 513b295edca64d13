"""Give each language its own page-not-found page: 404.html (Chinese) and en/404.html (English).

mkdocs-static-i18n renders the theme's 404.html once per language into one file, so only the last survives, with a
switcher to whichever page was built last and a search of the Chinese index.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from guide.outputs import search_per_language
from guide.outputs.built_site import BuiltSite, guide_path
from guide.sources.words import FALLBACK

TEMPLATE = "404.html"
# A tag that names a language version of the page: the switcher's links and the <link rel="alternate"> in <head>.
_HREFLANG = re.compile(r'(<(?:a|link)\b[^>]*?\shref=")[^"]*("[^>]*?\shreflang="([\w-]+)")')
_ALTERNATE_EN = re.compile(r'(\sdata-alternate-en=")[^"]*(")')


def point_at_home_pages(html: str, built: BuiltSite) -> str:
    """Every hreflang link (x-default too) to its language's home page; <link> tags keep absolute addresses."""
    homes = {locale: guide_path(built.site_url) + built.folder(locale) for locale in built.locales}
    parts = urlsplit(built.site_url)
    # A preview build has no public address: its <link> tags then name the home pages from the server root.
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def rewrite(match: re.Match[str]) -> str:
        home = homes.get(built.default if match.group(3) == "x-default" else match.group(3))
        if home is None:
            return match.group(0)
        href = origin + home if match.group(1).startswith("<link") else home
        return f"{match.group(1)}{href}{match.group(2)}"

    html = _HREFLANG.sub(rewrite, html)
    # language-routing.js sends a reader whose browser does not ask for the default language to the fallback's.
    routed = homes.get(FALLBACK)
    return _ALTERNATE_EN.sub(lambda m: f"{m.group(1)}{routed}{m.group(2)}", html) if routed else html


def run(built: BuiltSite) -> None:
    if not set(built.locales) <= set(built.not_found):
        return  # a single-language build: the other languages' renderings are not there
    for locale in built.locales:
        html = point_at_home_pages(built.not_found[locale], built)
        if locale != built.default:
            html = search_per_language.point_config_at(html, locale)
        target = built.site / built.folder(locale) / TEMPLATE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
