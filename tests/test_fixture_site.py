"""The tests' own site keeps the project's settings (its mkdocs.yml differs only in the office's menu and its
English titles) and shares its code; a test that reads the guide's own content fails."""
from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from fixture_site import PROJECT, SITE, copy_site

from guide.sources import site_config

OFFICE_KEYS = ("nav", "nav_translations")


def settings(node: Any) -> Any:
    """mkdocs.yml without the office's parts: the nav and each language's nav_translations."""
    if isinstance(node, dict):
        return {key: settings(value) for key, value in node.items() if key not in OFFICE_KEYS}
    return [settings(item) for item in node] if isinstance(node, list) else node


@pytest.mark.live_content  # reads the real mkdocs.yml's settings, never its nav
def test_the_fixture_has_the_projects_settings() -> None:
    real, fixture = (settings(site_config.load((root / "mkdocs.yml").read_text(encoding="utf-8"), env={}))
                     for root in (PROJECT, SITE))
    assert fixture == real, ("tests/data/site/mkdocs.yml differs from mkdocs.yml outside nav and nav_translations: "
                             "copy the changed settings into it")


def test_a_copy_shares_the_code_and_owns_the_content(tmp_path) -> None:
    copy = copy_site(tmp_path / "copy")
    assert (copy / "guide").is_symlink() and (copy / "guide" / "checks").is_dir()
    assert (copy / "docs" / "assets").is_symlink()
    page = copy / "docs" / "index.zh.md"
    assert not page.is_symlink() and page.read_bytes() == (SITE / "docs" / "index.zh.md").read_bytes()


def test_a_test_that_reads_the_guides_content_fails_naming_the_file(tmp_path) -> None:
    """The guard in tests/conftest.py, run on a throwaway test that opens docs/index.zh.md."""
    (tmp_path / "test_reads_the_guide.py").write_text(
        "from pathlib import Path\n\n"
        f"def test_reads():\n    Path({str(PROJECT / 'docs' / 'index.zh.md')!r}).read_text()\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-c", str(PROJECT / "pyproject.toml"),
                           "--rootdir", str(tmp_path), str(tmp_path)], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT / "tests"), str(PROJECT)])),
                          check=False)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "read the guide's own content (docs/index.zh.md)" in proc.stdout
