"""A failed build leaves the previous site/ untouched and no half-built folder behind; a good one replaces it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guide.outputs import build as build_site

ROOT = Path(__file__).resolve().parent.parent


def writer(text: str, code: int = 0):
    """A step that writes index.html with `text` into the output folder, then exits with `code`."""
    program = ("import pathlib, sys; pathlib.Path(sys.argv[1], 'index.html').write_text(sys.argv[2]);"
               " sys.exit(int(sys.argv[3]))")
    return [sys.executable, "-c", program, "{out}", text, str(code)]


def steps_of(*commands):
    return lambda out: [[str(out) if part == "{out}" else part for part in command] for command in commands]


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    return site


def test_a_failing_pdf_step_keeps_the_previous_site(tmp_path: Path, capsys) -> None:
    site = previous_site(tmp_path)
    code = build_site.build(site, steps_of(writer("new"), writer("pdf", 1)), cwd=tmp_path)
    assert code == 1
    assert (site / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert "site/ is unchanged; fix the problem above and run make build again" in capsys.readouterr().err


def test_a_complete_build_replaces_the_site(tmp_path: Path) -> None:
    site = previous_site(tmp_path)
    assert build_site.build(site, steps_of(writer("new"), writer("new")), cwd=tmp_path) == 0
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_broken_page_leaves_the_real_site_untouched(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", "site.*", ".git", ".cache",
                                                                 "node_modules"))
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
