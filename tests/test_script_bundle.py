"""The guide's browser scripts reach a page as one deferred, fingerprinted file (guide/outputs/script_bundle.py), the
bare address's decision inline; the print sheet and the icon need no request of their own (fewer_requests.py)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fixture_site import SITE
from mkdocs.exceptions import PluginError

from guide.outputs import fewer_requests, script_bundle
from guide.outputs.built_site import BuiltSite

SCRIPTS = SITE / "docs" / "assets" / "javascripts"
BUNDLE_TAG = re.compile(r'<script src="[^"]*assets/javascripts/(guide\.[0-9a-f]{8}\.min\.js)" defer></script>')


def test_every_script_file_is_listed_once() -> None:
    # A new file in docs/assets/javascripts/ that is in no list would reach no page.
    files = sorted(p.name for p in SCRIPTS.glob("*.js"))
    listed = [*script_bundle.BUNDLE, *script_bundle.INLINE]
    assert sorted(listed) == files
    assert script_bundle.BUNDLE[0] == "skip-material-sitemap-requests.js"  # before Material answers DOMContentLoaded


def test_every_page_loads_the_one_bundle_deferred(published_site: Path) -> None:
    folder = published_site / script_bundle.SCRIPTS
    names = set()
    for page in sorted(published_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a renamed page's forwarding stub
        found = BUNDLE_TAG.findall(html)
        assert len(found) == 1, page
        names.update(found)
        # No other script file of the guide's own: Material's bundle and worker are the only other ones.
        others = [src for src in re.findall(r'<script src="([^"]+)"', html)
                  if "/guide." not in src and not re.search(r"(bundle|search)\.[0-9a-f]{8}\.min\.js$", src)]
        assert others == [], page
    (name,) = names
    assert (folder / name).read_text(encoding="utf-8") == script_bundle.joined(folder)
    assert name == script_bundle.fingerprinted_name(script_bundle.joined(folder))
    assert list(script_bundle.parts((folder / name).read_text(encoding="utf-8"))) == list(script_bundle.BUNDLE)


def test_the_bare_address_decides_inline_before_any_stylesheet(published_site: Path) -> None:
    home = (published_site / "index.html").read_text(encoding="utf-8")
    inline = re.search(r'<script data-guide-inline="language-routing.js" data-alternate-en="([^"]*)">(.+?)</script>',
                       home, re.DOTALL)
    assert inline and inline.group(1) == "/en/"
    assert inline.group(2) == script_bundle.squeeze((SCRIPTS / "language-routing.js").read_text(encoding="utf-8"))
    assert inline.start() < home.index('<link rel="stylesheet"')
    assert 'data-guide-inline="language-routing.js"' not in (published_site / "en" / "index.html").read_text(
        encoding="utf-8")


def test_the_search_is_held_back_inline_before_materials_bundle_on_every_page(published_site: Path) -> None:
    expected = script_bundle.squeeze((SCRIPTS / "search-on-demand.js").read_text(encoding="utf-8"))
    held = 0
    for page in sorted(published_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        material = re.search(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"', html)
        if material is None:
            continue  # a redirect page: no search
        inline = re.search(r'<script data-guide-inline="search-on-demand.js">(.+?)</script>', html, re.DOTALL)
        assert inline and inline.group(1) == expected, page
        assert inline.start() < material.start(), page
        held += 1
    assert held > 10


def test_a_changed_script_gets_a_new_name_in_every_page_and_a_missing_one_stops_the_build(
        published_site: Path, tmp_path: Path) -> None:
    shutil.copytree(published_site, tmp_path / "site")
    built = BuiltSite(tmp_path / "site", SITE, "https://guide.example.edu/", "zh", ["zh", "en"], [])
    folder = built.site / script_bundle.SCRIPTS
    before = {p.name for p in folder.glob("guide.*.min.js")}
    with (folder / "copy-text.js").open("a", encoding="utf-8") as source:
        source.write("window.guideChanged = true;\n")
    script_bundle.run(built)
    after = {p.name for p in folder.glob("guide.*.min.js")}
    assert len(after) == 1 and after != before  # the old name is gone, so no page can load a stale copy
    (name,) = after
    assert "window.guideChanged = true;" in (folder / name).read_text(encoding="utf-8")
    assert BUNDLE_TAG.search((built.site / "en" / "register" / "index.html").read_text(encoding="utf-8")).group(1) == name
    (folder / "copy-text.js").unlink()
    with pytest.raises(PluginError, match=r"assets/javascripts/copy-text\.js is listed but missing.*restore the file"):
        script_bundle.run(built)


def test_squeeze_drops_comment_lines_and_indentation_only() -> None:
    source = '// about it\n(function () {\n  "use strict";\n  // why\n  var a = "//x"; // kept\n})();\n'
    assert script_bundle.squeeze(source) == '(function () {\n"use strict";\nvar a = "//x"; // kept\n})();\n'


def test_the_print_rules_join_guide_css_for_paper_only_and_again_the_same(published_site: Path) -> None:
    built_css = (published_site / fewer_requests.STYLESHEETS / "guide.css").read_text(encoding="utf-8")
    screen, _, paper_part = built_css.partition(fewer_requests.MARKER)
    source = (SITE / "docs" / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    assert screen.strip() == source.strip()
    assert paper_part.lstrip().startswith("@page")  # outside @media: it applies to paper only anyway
    assert "@media print {" in paper_part and ".md-header" in paper_part
    paper = (SITE / "docs" / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert fewer_requests.with_print_rules(built_css, paper) == built_css
    pages = [p.read_text(encoding="utf-8") for p in published_site.rglob("*.html")]
    assert not any("print.css" in html for html in pages)


def test_the_icon_is_inline(published_site: Path) -> None:
    for page in ("index.html", "en/register/index.html", "404.html"):
        html = (published_site / page).read_text(encoding="utf-8")
        icon = re.search(r'<link rel="icon" href="([^"]+)">', html).group(1)
        assert icon.startswith("data:image/svg+xml,%3Csvg") and "#" not in icon, page
