"""Renaming a page keeps its old address working in both languages, at the site root and under a sub-path: a copy of
the project renames change-name.*.md to fix-name.*.md (as a writer would) and adds two redirects."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import serve
from fixture_site import copy_site
from office_edits import rename_files
from published_support import pl

from guide.outputs import redirects as rd
from guide.sources.errors import SourceError

REDIRECTS = "redirects:\n  change-name/: fix-name.md\n  verify/: verify-identity.md#choose-a-method\n"
SUB_PATH = "guide/"


def copy_project(dest: Path, redirects: str) -> Path:
    """The project's sources with change-name renamed to fix-name, every link to it updated, and `redirects`."""
    copy_site(dest)
    rename_files(dest, "change-name", "fix-name")  # as the README's recipe renames a page
    (dest / "redirects.yml").write_text(redirects, encoding="utf-8")
    return dest


def build(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/",
          *flags: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *(flags or ("--strict", "--clean")),
                           "--site-dir", str(site_dir)], cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"), REDIRECTS)


@pytest.fixture(scope="module")
def served(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The renamed project built for <server>/guide/ and served from its parent: (site URL, site folder)."""
    parent = tmp_path_factory.mktemp("served")
    with serve(parent) as base:
        site_url = base + SUB_PATH
        proc = build(project, parent / SUB_PATH, site_url)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        yield site_url, parent / SUB_PATH


# --- pure functions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("function", "args", "expected"), [
    (rd.page_path, ["fix-name.md"], "fix-name/"), (rd.page_path, ["index.md"], ""),
    (rd.page_path, ["help/index.md"], "help/"), (rd.page_path, ["help/faq.md"], "help/faq/"),
    (rd.page_path, ["fix-name/"], "fix-name/"),
    (rd.old_file, ["old/"], "old/index.html"), (rd.old_file, ["old"], "old/index.html"),
    (rd.old_file, ["a/b/"], "a/b/index.html"), (rd.old_file, ["old.html"], "old.html"),
    (rd.relative_href, ["change-name/index.html", "fix-name/"], "../fix-name/"),
    (rd.relative_href, ["en/change-name/index.html", "en/fix-name/"], "../fix-name/"),
    (rd.relative_href, ["en/a/b/index.html", "en/"], "../../"),
    (rd.relative_href, ["home.html", ""], "./"),
    (rd.relative_href, ["en/home.html", "en/verify-identity/"], "verify-identity/"),
])
def test_the_paths_of_a_redirect(function, args: list[str], expected: str) -> None:
    assert function(*args) == expected


def test_a_target_with_a_language_suffix_is_refused() -> None:
    with pytest.raises(SourceError, match=r"old/: name the page without its language"):
        rd.parse_redirects({"redirects": {"old/": "fix-name.en.md"}})


def test_redirect_page_keeps_the_readers_fragment_before_the_meta_refresh() -> None:
    page = rd.redirect_html("../fix-name/", "edit-your-name", "https://x.test/guide/en/fix-name/", "en",
                            "../../assets/javascripts/redirect.js")
    script = page.index('<script src="../../assets/javascripts/redirect.js" data-to="../fix-name/" '
                        'data-fragment="#edit-your-name"></script>')
    assert script < page.index('<meta http-equiv="refresh" content="0; url=../fix-name/#edit-your-name">')
    assert "location.hash ||" in rd.SCRIPT
    assert '<link rel="canonical" href="https://x.test/guide/en/fix-name/">' in page
    assert '<a href="../fix-name/#edit-your-name">https://x.test/guide/en/fix-name/#edit-your-name</a>' in page


# --- the built copy ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "root"), [("zh-Hans", ""), ("en", "en/")])
def test_redirect_pages_exist_in_both_languages(served: tuple[str, Path], lang: str, root: str) -> None:
    site_url, site = served
    page = (site / root / "change-name" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    assert '<meta http-equiv="refresh" content="0; url=../fix-name/">' in page
    assert f'<link rel="canonical" href="{site_url}{root}fix-name/">' in page
    # No inline script: a redirect adds nothing to the Content-Security-Policy (nor to the nginx snippet).
    assert "<script>" not in page and (site / rd.SCRIPT_FILE).read_text(encoding="utf-8") == rd.SCRIPT


def test_published_links_survive_the_rename_through_the_redirect(served: tuple[str, Path]) -> None:
    _, site = served
    assert pl.check_link(site, "en/change-name/#edit-your-name") is None
    assert pl.check_link(site, "en/change-name/#no-such-id") == "no id 'no-such-id' in en/fix-name/index.html"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("locale", "old", "new", "lang"),
    [
        ("zh-CN", "change-name/#after-editing", "fix-name/#after-editing", "zh"),
        ("en-US", "en/change-name/#after-editing", "en/fix-name/#after-editing", "en"),
        ("en-US", "en/change-name/", "en/fix-name/", "en"),
        ("zh-CN", "verify/", "verify-identity/#choose-a-method", "zh"),
        ("en-US", "en/verify/#not-passed", "en/verify-identity/#not-passed", "en"),
    ],
)
def test_chromium_follows_the_old_address_under_a_sub_path(
    served: tuple[str, Path], new_page, locale: str, old: str, new: str, lang: str
) -> None:
    site_url, _ = served
    assert site_url.endswith("/guide/")
    page = new_page(locale)
    page.goto(site_url + old)
    page.wait_for_url(site_url + new, timeout=5000)
    assert page.url == site_url + new
    assert page.locator("html").get_attribute("lang") == lang
    fragment = new.partition("#")[2]
    if fragment:
        assert page.locator(f"#{fragment}").count() == 1


@pytest.mark.parametrize(("redirects", "messages"), [
    ("redirects:\n  change-name/: fix-name.md#no-such-id\n",
     [("redirects.yml:2: change-name/ -> no id 'no-such-id' on /fix-name/: write a heading id that the new page has, "
       "or leave out the #id")]),
    # The redirect line written, the page not yet renamed: the advice is to rename it (or drop the line).
    ("# Old addresses\nredirects:\n  register/: fix-name.md\n",
     [f"redirects.yml:3: register/ is still a page in [{lang}], made from docs/register.{lang}.md: to rename it, "
      f"rename that file to docs/fix-name.{lang}.md and change its line under nav in mkdocs.yml; if the page stays "
      "where it is, delete this line of redirects.yml" for lang in ("zh", "en")]),
])
def test_a_redirect_the_build_cannot_keep_fails_it_with_what_to_do(tmp_path: Path, redirects: str,
                                                                   messages: list[str]) -> None:
    proc = build(copy_project(tmp_path / "project", redirects), tmp_path / "site")
    assert proc.returncode != 0
    for message in messages:
        assert message in proc.stdout + proc.stderr


def test_an_earlier_builds_page_at_the_old_address_is_replaced(project: Path, tmp_path: Path) -> None:
    # Under `make serve` the folder can hold an earlier build's output (--dirty keeps it; it warns, so not --strict).
    site = tmp_path / "site"
    (site / "en" / "change-name").mkdir(parents=True)
    (site / "en" / "change-name" / "index.html").write_text("<h1>the page before the rename</h1>", encoding="utf-8")
    proc = build(project, site, "http://127.0.0.1:8000/", "--dirty")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert rd.MARKER in (site / "en" / "change-name" / "index.html").read_text(encoding="utf-8")
