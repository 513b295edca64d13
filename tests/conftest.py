"""Shared fixtures: one strict build of the real site per test session."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' shared fixtures (browser, base_url, root_url, sub_path_url, new_page) live in tests/browser.py.
pytest_plugins = ["browser"]


def build_site(site_dir: Path, *, site_url: str | None = None) -> Path:
    """Build the real site strictly into site_dir; fail the test with MkDocs' output if the build fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with the default site_url (Chinese at /, English at /en/)."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


# An address that is public in form (guide/sources/site_address.py), so the build writes what only a published site has:
# the sitemap, QR codes, canonical and absolute hreflang links.
PUBLISHED_URL = "https://guide.example.edu/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built once per session for PUBLISHED_URL, as the deploy workflow builds it."""
    return build_site(tmp_path_factory.mktemp("published") / "site", site_url=PUBLISHED_URL)
