"""The one test that reads the guide's real content: `make check` passes on it. Every other test runs on the tests'
own site, so a correct edit of the guide fails nothing but `make check`, and what it refuses fails here too."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fixture_site import PROJECT


@pytest.mark.live_content
def test_make_check_passes_on_the_guide() -> None:
    proc = subprocess.run([sys.executable, "-m", "guide.checks"], cwd=PROJECT, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=False)
    assert proc.returncode == 0, f"make check fails on the guide: run it and fix what it names\n{proc.stdout}{proc.stderr}"
