"""A site built for a sub-path (https://host/guide/) never links outside it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site

SUB_PATH = "/guide/"
ROOT_ABSOLUTE = re.compile(r"""<(\w+)\b[^>]*?\s(?:href|src|action)="(/(?!/)[^"]*)"[^>]*>""")


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("sub") / "site", site_url=f"http://127.0.0.1:9{SUB_PATH}")


def _root_absolute(site: Path) -> list[tuple[str, str]]:
    """(file, tag) for every href, src or action that starts with a single '/'."""
    return [(page.relative_to(site).as_posix(), match[0])
            for page in sorted(site.rglob("*.html"))
            for match in ROOT_ABSOLUTE.finditer(page.read_text(encoding="utf-8"))]


def test_no_link_leaves_the_sub_path(sub_path_site: Path) -> None:
    outside = [(page, tag) for page, tag in _root_absolute(sub_path_site)
               if not re.search(rf'="{SUB_PATH}', tag)]
    assert outside == []


def test_only_404_and_the_language_switcher_are_root_absolute(sub_path_site: Path) -> None:
    # Each language's 404.html is served at any depth, so Material writes its links absolute on purpose;
    # mkdocs-static-i18n writes the home pages' language links absolute too (with the sub-path). Every other link
    # is relative.
    others = [(page, tag) for page, tag in _root_absolute(sub_path_site)
              if Path(page).name != "404.html" and "md-select__link" not in tag]
    assert others == []
    assert {page for page, _ in _root_absolute(sub_path_site) if Path(page).name == "404.html"} == {
        "404.html", "en/404.html"}


def test_a_sub_path_build_gets_the_nginx_snippet_its_own_pages_need(sub_path_site: Path, built_site: Path,
                                                                   tmp_path: Path) -> None:
    """The 404 page's inline script names the sub-path, so its hash differs from a root build's: --out writes the
    snippet for the build at hand, and its policy allows exactly the scripts that build's pages run."""
    from guide.deploy import headers_snippet as script

    out = tmp_path / "guide-headers.conf"
    assert script.main(["--site", str(sub_path_site), "--write", "--out", str(out)]) == 0
    assert script.main(["--site", str(sub_path_site), "--check", "--out", str(out)]) == 0

    def hashes(text: str) -> set[str]:
        return set(re.findall(r"'sha256-[^']+'", text))

    sub, root = hashes(out.read_text(encoding="utf-8")), hashes(script.nginx_snippet(built_site))
    assert sub == hashes((sub_path_site / "_headers").read_text(encoding="utf-8"))
    assert sub != root, "a root build's snippet would block a script of the sub-path build"
