"""The one test that reads the guide's real content: `make check` passes on it and the real site builds strictly.

Every other test runs on the tests' own site (tests/data/site/). So a correct edit of the guide fails nothing but
`make check`, and an edit that `make check` refuses fails here too, with `make check`'s own lines.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import PROJECT

pytestmark = pytest.mark.live_content


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=PROJECT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          capture_output=True, text=True, check=False)


def test_make_check_passes_on_the_guide() -> None:
    proc = run("guide.checks")
    assert proc.returncode == 0, f"make check fails on the guide: run it and fix what it names\n{proc.stdout}{proc.stderr}"


def test_the_guide_builds_strictly(tmp_path: Path) -> None:
    proc = run("mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()
