"""BOM, UTF-16, tabs, skipped heading levels and repeated heading ids fail the build with file:line and a fix."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
import source_hygiene

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "hygiene"


@pytest.mark.parametrize(
    ("name", "problems"),
    [
        ("bom.en.md", ["docs/x.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"]),
        ("utf16.en.md", ["docs/x.en.md:1: file is saved as UTF-16: save it again as UTF-8 (without BOM)"]),
        ("tab.en.md", ["docs/x.en.md:8: tab character: replace it with spaces (4 to indent a list or block)"]),
        ("skip.en.md", ["docs/x.en.md:9: heading level skipped (## then ####): use ###"]),
        ("same-id.en.md", [
            "docs/x.en.md:13: heading id 'hotlines' is already used on line 7: give one of them another {#id}",
            "docs/x.en.md:17: heading id 'steps' is already used on line 15: give one of them another {#id}",
        ]),
    ],
)
def test_each_mistake_is_named_with_its_line(name: str, problems: list[str]) -> None:
    assert source_hygiene.source_problems((DATA / name).read_bytes(), "docs/x.en.md") == problems


def test_the_real_pages_are_clean() -> None:
    for page in sorted((ROOT / "docs").rglob("*.md")):
        assert source_hygiene.source_problems(page.read_bytes(), page.name) == []


def test_the_real_build_fails_on_a_page_saved_with_a_bom(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", "site.*", ".git", ".cache",
                                                                 "node_modules"))
    page = project / "docs" / "contact.en.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert ("docs/contact.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"
            in proc.stdout + proc.stderr)
