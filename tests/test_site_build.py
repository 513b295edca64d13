"""The real site, built strictly once: pages, languages, ids, alternates, and no third-party requests.

The pages are mkdocs.yml's nav and the redirect pages redirects.yml's lines (tests/site_sources.py): adding,
renaming or removing a page changes what these tests expect with no edit here.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import site_sources
from conftest import PUBLISHED_URL
from html_facts import read_page

SLUGS = site_sources.page_slugs()
LANGS = site_sources.languages()


def page_path(site: Path, locale: str, slug: str) -> Path:
    return site / LANGS[locale] / slug / "index.html"


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
def test_lang_and_hreflang_alternates(built_site: Path, slug: str) -> None:
    for locale, prefix in LANGS.items():
        page = read_page(page_path(built_site, locale, slug))
        assert page.lang == locale
        # The session's build has no address (tests/test_public_address.py builds one): the links stay relative.
        here = f"http://h/{prefix}{slug}"
        resolved = {lang: urljoin(here, href) for lang, href in page.alternates.items()}
        assert resolved == {
            "zh": f"http://h/{slug}",
            "en": f"http://h/en/{slug}",
            "x-default": f"http://h/{slug}",
        }


@pytest.mark.parametrize("slug", SLUGS)
def test_heading_ids_are_explicit_and_identical_in_both_languages(built_site: Path, slug: str) -> None:
    zh = read_page(page_path(built_site, "zh", slug)).heading_ids
    en = read_page(page_path(built_site, "en", slug)).heading_ids
    zh_file, en_file = (f"docs/{site_sources.rd.docs_name(slug, lang)}" for lang in ("zh", "en"))
    assert zh, f"{zh_file}: no heading has an id: give the title an id, as in '# 标题 {{#page-name}}'"
    assert zh == en, (f"{zh_file} and {en_file} differ in their headings (level, id): {zh_file} has {zh}, {en_file} "
                      f"has {en}: give both files the same headings, in the same order, with the same {{#id}}")
    for _tag, anchor in zh:
        # Generated ids for Chinese headings look like "_2": every id must be an explicit ASCII slug.
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor), (
            f"{zh_file}: heading id {anchor!r} is not written by hand: add {{#english-words}} at the end of the heading"
            f" in {zh_file} and {en_file}")


def test_every_page_links_to_the_same_page_in_the_other_language(built_site: Path) -> None:
    for slug in SLUGS:
        zh_page = page_path(built_site, "zh", slug)
        en_page = page_path(built_site, "en", slug)
        zh_links = {urljoin(f"http://h/{slug}", h) for h in read_page(zh_page).hrefs}
        en_links = {urljoin(f"http://h/en/{slug}", h) for h in read_page(en_page).hrefs}
        assert f"http://h/en/{slug}" in zh_links, f"/{slug} has no switcher link to English"
        assert f"http://h/{slug}" in en_links, f"/en/{slug} has no switcher link to Chinese"


LOADED_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def test_pages_load_nothing_from_another_host(built_site: Path) -> None:
    """Readers in mainland China: every script, stylesheet, image, font and icon comes from the site itself."""
    offenders = []
    css_files: set[Path] = set()
    for html in built_site.rglob("*.html"):
        for url in read_page(html).resources:
            if EXTERNAL.match(url):
                offenders.append(f"{html.relative_to(built_site)}: {url}")
            elif url.endswith(".css"):
                path = urlsplit(url).path
                # 404.html uses root-absolute addresses (it is served for any missing path).
                base = built_site if path.startswith("/") else html.parent
                css_files.add((base / path.lstrip("/")).resolve())
        source = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in source and "fonts.gstatic.com" not in source
    assert css_files, "no stylesheets found: the parser is not reading the pages"
    for css in css_files:
        for match in LOADED_IN_CSS.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if EXTERNAL.match(url):
                offenders.append(f"{css.relative_to(built_site.resolve())}: {url}")
    assert offenders == []


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
