"""The build's steps: a failed one keeps the previous site/, a good one replaces it, and only a public address gets
the e-mail kit."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PUBLISHED_URL
from fixture_site import SITE, copy_site
from published_support import site_with_pdfs

from guide.outputs import build as build_site
from guide.sources.site_address import HOW_TO_SET

pytestmark = pytest.mark.usefixtures("in_the_tests_site")


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    return site


def test_a_broken_page_leaves_the_real_site_untouched(tmp_path: Path) -> None:
    """A step that fails (here MkDocs, with the page's own line) keeps the previous site/ and leaves no work folder."""
    project = tmp_path / "project"
    copy_site(project)
    site = previous_site(project)
    page = project / "docs" / "contact.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "title:", 1), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.outputs.build"], cwd=project, capture_output=True, text=True,
                          check=False)
    assert proc.returncode != 0
    assert "docs/contact.en.md:1: front matter has no description" in proc.stderr
    assert "site/ is unchanged" in proc.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous"
    assert not list(project.glob("site.*"))


# --- what a build writes for a public address, and what a preview leaves out ---------------------------------------

KIT_FILES = ["email-snippet.html", "email-snippet.txt", "qr-guide-en.png", "qr-guide-en.svg", "qr-guide-zh.png",
             "qr-guide-zh.svg"]


def copied_then_kit(*sources: Path):
    """The build's own steps, with MkDocs and the PDF export (tested elsewhere; a minute) replaced by copying sites."""
    program = "import shutil, sys; [shutil.copytree(s, sys.argv[1], dirs_exist_ok=True) for s in sys.argv[2:]]"
    return lambda out: [[sys.executable, "-c", program, str(out), *map(str, sources)],
                        *(step for step in build_site.default_steps(out)
                          if build_site.step_name(step) not in ("mkdocs build", "guide.pdf"))]


@pytest.fixture(scope="module")
def pdfs_only(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Just the downloads/*.pdf of a build, for the kit's links to them (their contents are tests/test_pdf.py's)."""
    full = site_with_pdfs(built_site, tmp_path_factory.mktemp("full"))
    only = tmp_path_factory.mktemp("pdfs") / "site"
    shutil.copytree(full / "downloads", only / "downloads")  # a preview's downloads/ holds its PDFs alone
    return only


@pytest.mark.parametrize(("address", "kit"), [
    (PUBLISHED_URL, True), ("https://www.example.edu/chsi-guide/", True), (None, False), ("", False),
    ("http://127.0.0.1:8000/", False), ("http://localhost/guide/", False),
])
def test_the_build_writes_the_email_kit_only_for_a_public_address(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                  address: str | None, kit: bool) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    if address is not None:
        monkeypatch.setenv("SITE_URL", address)
    steps = [build_site.step_name(step) for step in build_site.default_steps(tmp_path)]
    assert steps == ["mkdocs build", "guide.pdf", *(["guide.outputs.email_kit"] if kit else [])]
    if kit:
        assert build_site.default_steps(tmp_path)[-1][-3:] == ["--site-dir", str(tmp_path), "--quiet"]


def test_a_build_for_a_public_address_has_the_email_kit(published_site: Path, pdfs_only: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("SITE_URL", PUBLISHED_URL)
    site = previous_site(tmp_path)
    assert build_site.build(site, copied_then_kit(published_site, pdfs_only), cwd=SITE) == 0
    assert sorted(p.name for p in (site / "downloads" / "email-kit").iterdir()) == KIT_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no work folder, no hidden half-kit
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Built for {PUBLISHED_URL}, in site/:")
    assert f"  E-mail kit: site/downloads/email-kit/ ({', '.join(KIT_FILES)})" in lines
    assert not any("site.tmp-" in line for line in lines)  # the kit is named where it ends up, not where it was made


def test_a_preview_build_has_no_email_kit_and_its_last_lines_say_so(built_site: Path, pdfs_only: Path,
                                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    site = previous_site(tmp_path)
    assert build_site.build(site, copied_then_kit(built_site, pdfs_only), cwd=SITE) == 0
    assert (site / "index.html").is_file() and (site / "downloads").is_dir()
    assert not (site / "downloads" / "email-kit").exists()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("No public address was set")
    not_made = next(line for line in lines if line.strip().startswith("Not made:"))
    assert "e-mail kit" in not_made
    assert lines[-1].endswith(HOW_TO_SET)


def test_a_kit_with_a_missing_link_fails_the_build_and_keeps_the_previous_site(
        published_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # Without the PDFs the kit's links to them lead nowhere: the build stops and site/ stays as it was.
    monkeypatch.setenv("SITE_URL", PUBLISHED_URL)
    site = previous_site(tmp_path)
    assert build_site.build(site, copied_then_kit(published_site), cwd=SITE) == 1
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert "build failed (guide.outputs.email_kit exited 1): site/ is unchanged" in capsys.readouterr().err


@pytest.mark.parametrize("address", [None, "http://127.0.0.1:8000/"])
def test_make_email_kit_without_a_public_address_stops_before_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        capsys, address: str | None) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    if address is not None:
        monkeypatch.setenv("SITE_URL", address)
    assert build_site.main(["--site-dir", str(tmp_path / "site"), "--email-kit"]) == 2
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert err.startswith("email-kit: ") and "SITE_URL=https://" in err and "make email-kit" in err
