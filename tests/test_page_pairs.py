"""A page in one language only fails the build: no silent fallback to the other language."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixture_site import copy_site

from guide.checks import page_pairs

ROOT = Path(__file__).resolve().parent.parent


def test_missing_translations_names_the_missing_file() -> None:
    uris = ["index.zh.md", "index.en.md", "register.zh.md", "notes.en.md", "assets/x.css"]
    assert page_pairs.missing_translations(uris, ["zh", "en"]) == [
        "docs/notes.zh.md is missing (docs/notes.en.md exists): write the translation",
        "docs/register.en.md is missing (docs/register.zh.md exists): write the translation",
    ]


def test_a_third_language_lists_every_page_it_lacks() -> None:
    uris = ["index.zh.md", "index.en.md"]
    assert page_pairs.missing_translations(uris, ["zh", "en", "fr"]) == [
        "docs/index.fr.md is missing (docs/index.en.md, docs/index.zh.md exists): write the translation",
    ]


def test_the_real_build_fails_when_an_english_page_is_missing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    (project / "docs" / "contact.en.md").unlink()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "docs/contact.en.md is missing (docs/contact.zh.md exists)" in proc.stdout + proc.stderr
