"""The real site, built strictly once: pages, languages, alternates, and no third-party host in Material's bundle
(tests/test_nginx.py loads every page in Chromium under the policy nginx sends, which allows the site alone).

The pages are mkdocs.yml's nav and the redirect pages redirects.yml's lines (tests/site_sources.py): adding,
renaming or removing a page changes what these tests expect with no edit here.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import site_sources
from conftest import PUBLISHED_URL
from html_facts import read_page

SLUGS = site_sources.page_slugs()
LANGS = site_sources.languages()


def test_exact_page_list_in_both_languages(built_site: Path) -> None:
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    expected = {f"{prefix}{slug}index.html" for prefix in LANGS.values() for slug in SLUGS}
    expected |= {f"{prefix}404.html" for prefix in LANGS.values()}  # each language's not-found page
    expected |= set(site_sources.redirect_files())
    missing = [f"site/{page}" for page in sorted(expected - pages)]
    extra = [f"site/{page}" for page in sorted(pages - expected)]
    assert not missing and not extra, (
        f"The build's pages differ from mkdocs.yml's nav and redirects.yml. Not built: {missing or 'none'}; built "
        f"but in neither: {extra or 'none'}. A page file in docs/ needs its line under nav in mkdocs.yml (every "
        f"docs/NAME.LANG.md as NAME.md), and an old address its line in redirects.yml.")


@pytest.mark.parametrize("slug", SLUGS)
def test_lang_hreflang_alternates_and_the_switcher_lead_to_the_same_page(built_site: Path, slug: str) -> None:
    # Heading ids, explicit and the same in both languages, are make check's parity rule (tests/test_parity.py).
    for locale, prefix in LANGS.items():
        page = read_page(built_site / prefix / slug / "index.html")
        assert page.lang == locale
        # The session's build has no address (tests/test_public_address.py builds one): the links stay relative.
        here = f"http://h/{prefix}{slug}"
        resolved = {lang: urljoin(here, href) for lang, href in page.alternates.items()}
        assert resolved == {"zh": f"http://h/{slug}", "en": f"http://h/en/{slug}", "x-default": f"http://h/{slug}"}
        other = f"http://h/{'' if prefix else 'en/'}{slug}"
        assert other in {urljoin(here, h) for h in page.hrefs}, f"/{prefix}{slug} has no switcher link to {other}"


def test_material_bundle_hosts_are_never_used(built_site: Path) -> None:
    """Material's bundle names three other hosts; prove that none of the conditions that use them holds.

    unpkg.com/mermaid loads only for a page with a Mermaid diagram; unpkg.com/resize-observer-polyfill only in
    browsers without ResizeObserver (none current); api.github.com only with a GitHub repo_url.
    """
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    named = set(re.findall(r"https://([a-z0-9.-]+)/", bundle))
    assert named <= {"unpkg.com", "api.github.com", "clipboardjs.com"}, named
    for html in built_site.rglob("*.html"):
        source = html.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in source, f"{html}: a Mermaid diagram would load unpkg.com"
        assert "md-source" not in source, f"{html}: a repository link would call api.github.com"


def test_the_sitemap_lists_the_nav_pages_and_no_redirect(published_site: Path) -> None:
    """Search engines get each page of mkdocs.yml's nav in each language; an old address (redirects.yml) is not one.
    (Only a build for a public address has a sitemap: see guide/sources/site_address.py.)"""
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = sorted(re.findall(rf"<loc>{re.escape(PUBLISHED_URL)}([^<]*)</loc>", sitemap))
    expected = sorted(prefix + slug for prefix in LANGS.values() for slug in SLUGS)
    assert listed == expected, (
        f"site/sitemap.xml lists {sorted(set(listed) - set(expected)) or 'nothing more'} beyond mkdocs.yml's nav and "
        f"lacks {sorted(set(expected) - set(listed)) or 'nothing'}: every page needs its line under nav in mkdocs.yml")
