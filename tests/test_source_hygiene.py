"""BOM, UTF-16, tabs, skipped heading levels and repeated heading ids fail the build with file:line and a fix."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site

from guide.checks import source_hygiene

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT / "tests" / "data" / "hygiene"


@pytest.mark.parametrize(
    ("name", "problems"),
    [
        ("bom.en.md", ["docs/x.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"]),
        ("utf16.en.md", ["docs/x.en.md:1: file is saved as UTF-16: save it again as UTF-8 (without BOM)"]),
        ("tab.en.md", ["docs/x.en.md:8: tab character: replace it with spaces (4 to indent a list or block)"]),
        ("skip.en.md", ["docs/x.en.md:9: heading level skipped (## then ####): use ###"]),
        ("curly-front-matter.en.md", [
            ("docs/x.en.md:2: the value of 'description' starts with a curly quote (“): use straight quotes (\") "
            "around a YAML value")]),
        ("bad-ids.en.md", [
            ("docs/x.en.md:5: heading id 'Contact-CHSI' has capital letters: write {#contact-chsi} (ids are lower-case "
            "words joined by -)"),
            ("docs/x.en.md:7: heading id 'service hotlines' has spaces: write {#service-hotlines} (ids are lower-case "
            "words joined by -)")]),
        ("nbsp.en.md", [
            ("docs/x.en.md:7: non-breaking space (U+00A0), often pasted from Word or a web page: replace it with a "
            "normal space (or delete it)"),
            ("docs/x.en.md:9: zero-width space (U+200B), often pasted from Word or a web page: replace it with a "
            "normal space (or delete it)")]),
        ("same-id.en.md", [
            "docs/x.en.md:13: heading id 'hotlines' is already used on line 7: give one of them another {#id}",
            "docs/x.en.md:17: heading id 'steps' is already used on line 15: give one of them another {#id}",
        ]),
    ],
)
def test_each_mistake_is_named_with_its_line(name: str, problems: list[str]) -> None:
    assert source_hygiene.source_problems((DATA / name).read_bytes(), "docs/x.en.md") == problems


def test_a_curly_quote_in_a_yaml_file_is_named_with_its_line() -> None:
    text = "pages:\n  - path: register/\n    anchors: [open-the-form]\n  - path: ‘contact/’\n"
    assert source_hygiene.yaml_problems(text, "published-links.yml") == [
        ("published-links.yml:4: the value of 'path' starts with a curly quote (‘): use straight quotes (\") around a "
        "YAML value")]


def test_a_page_missing_from_the_nav_is_named() -> None:
    nav = [{"首页": "index.md"}, {"注册账号": "register.md"}, {"更多": [{"联系": "contact.md"}]}]
    assert source_hygiene.missing_from_nav(["index.zh.md", "register.en.md", "contact.zh.md", "faq.zh.md"], nav) == [
        ("docs/faq.zh.md:1: this page is not in the nav of mkdocs.yml, so no menu reaches it: add '- TITLE: faq.md' "
        "under nav, and its English title under nav_translations")]


@pytest.mark.parametrize("raw", ["open-the-form", "method-3", "a1-b2", "plan-2 .wide", "x data-x=1"])
def test_good_ids_pass(raw: str) -> None:
    assert source_hygiene.id_problem(raw, "p.md", 1) is None


def test_the_real_pages_are_clean() -> None:
    for page in sorted((SITE / "docs").rglob("*.md")):
        assert source_hygiene.source_problems(page.read_bytes(), page.name) == []


def test_the_real_build_fails_on_a_page_that_is_not_in_the_nav(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    for lang in ("zh", "en"):
        shutil.copy(project / "docs" / f"contact.{lang}.md", project / "docs" / f"faq.{lang}.md")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "docs/faq.en.md:1: this page is not in the nav of mkdocs.yml" in proc.stdout + proc.stderr


def test_the_real_build_fails_on_a_page_saved_with_a_bom(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    page = project / "docs" / "contact.en.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert ("docs/contact.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"
            in proc.stdout + proc.stderr)


def test_windows_line_endings_change_nothing() -> None:
    """A web editor on Windows saves CRLF: every page reads as before, and a mistake keeps its line number."""
    for page in sorted((SITE / "docs").rglob("*.md")):
        assert source_hygiene.source_problems(page.read_bytes().replace(b"\n", b"\r\n"), page.name) == []
    curly = (DATA / "curly-front-matter.en.md").read_bytes()
    assert source_hygiene.source_problems(curly.replace(b"\n", b"\r\n"), "docs/x.en.md") == \
        source_hygiene.source_problems(curly, "docs/x.en.md") != []


def test_a_tab_or_a_pasted_space_in_a_yaml_file_is_named_at_its_own_line() -> None:
    """YAML itself would name a later line, or none, for a value after a non-breaking space."""
    text = "school: 示例大学\naddresses:\n\tchsi-home: https://www.chsi.com.cn/\nservice-email:\u00a0a@b.c\n"
    assert source_hygiene.yaml_file_problems(text, "includes/facts.yml") == [
        "includes/facts.yml:3: tab character: replace it with spaces (4 to indent a list or block)",
        ("includes/facts.yml:4: non-breaking space (U+00A0), often pasted from Word or a web page: replace it with a "
         "normal space (or delete it)")]
    assert source_hygiene.yaml_file_problems("\ufeffschool: x\r\n", "includes/facts.yml") == []
